-- Each request asks for a listing page starting at a random product of the PRODUCTS
-- (default 1,000), in one of the four categories or all of them: about 5 pages per
-- product, so with the answer cache off nearly every request runs the query.
math.randomseed(os.time())
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local function base64url(data)
  local out, bits, count = {}, 0, 0
  for i = 1, #data do
    bits = bits * 256 + data:byte(i)
    count = count + 8
    while count >= 6 do
      count = count - 6
      local index = math.floor(bits / 2 ^ count)
      bits = bits % 2 ^ count
      out[#out + 1] = alphabet:sub(index + 1, index + 1)
    end
  end
  if count > 0 then
    local index = bits * 2 ^ (6 - count)
    out[#out + 1] = alphabet:sub(index + 1, index + 1)
  end
  return table.concat(out)
end
local categories = { "", "&category=PHONE", "&category=WEARABLE", "&category=AUDIO", "&category=POWER" }
request = function()
  -- The cursor format the API issues: "k1:" followed by the last slug seen.
  local cursor = base64url(string.format("k1:bench-product-%06d", math.random(1, tonumber(os.getenv("PRODUCTS") or "1000"))))
  local path = "/api/v1/regions/CN/products?limit=20&cursor=" .. cursor .. categories[math.random(1, #categories)]
  return wrk.format("GET", path)
end
