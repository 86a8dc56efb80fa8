-- Each request asks for one of the PRODUCTS (default 1,000) bench products at random, in one of
-- two languages, so the cache holds many answers instead of one.
math.randomseed(os.time())
local languages = { "zh-CN", "en" }
request = function()
  local path = string.format("/api/v1/regions/CN/products/bench-product-%06d", math.random(1, tonumber(os.getenv("PRODUCTS") or "1000")))
  return wrk.format("GET", path, { ["Accept-Language"] = languages[math.random(1, 2)] })
end
