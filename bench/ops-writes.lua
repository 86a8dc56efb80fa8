-- Ops writes: each wrk thread (one connection) replaces its own seller, its own
-- store and its own product's US prices in turn, sending If-Match with the ETag
-- of its previous answer, so every write is a real change that one writer
-- wins. Set up by ops-writes.sh.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("n", counter)
  table.insert(threads, thread)
end

function init(args)
  token = os.getenv("OPS_TOKEN")
  seller = "bench-seller-" .. n
  store = "bench-store-" .. n
  sellerTag = os.getenv("SELLER_ETAG_" .. n)
  storeTag = os.getenv("STORE_ETAG_" .. n)
  product = "bench-product-" .. n
  productTag = os.getenv("PRODUCT_ETAG_" .. n)
  i = 0
  last = nil
  writes, refused = 0, 0
end

local function sellerBody(k)
  return '{"name":"Bench Seller ' .. n .. ' rev ' .. k .. '","kind":"AUTHORIZED","regions":["IN"],'
    .. '"authorizedSince":"2024-01-01T00:00:00Z","domains":[{"domain":"bench-' .. n .. '.example"}],'
    .. '"storefronts":[{"marketplace":"amazon.in","storeId":"BENCH' .. n .. '"}],"reason":"bench"}'
end

local function storeBody(k)
  return '{"store":{"name":"Bench Store ' .. n .. ' rev ' .. k .. '","kind":"AUTHORIZED_STORE",'
    .. '"services":["SALES"],"address":{"line1":"1 MG Road","city":"Kochi","country":"IN"},'
    .. '"location":{"latitude":9.93,"longitude":76.26},"timeZone":"Asia/Kolkata",'
    .. '"openingHours":[{"day":"MONDAY","opens":"10:00","closes":"20:00"}]},"reason":"bench"}'
end

local function pricesBody(k)
  return '{"currency":"USD","prices":{"BENCH-' .. n .. '-A":' .. (1000 + k) .. ',"BENCH-' .. n .. '-B":'
    .. (2000 + k) .. '},"reason":"bench"}'
end

function request()
  i = i + 1
  local headers = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
  if i % 3 == 1 then
    last = "seller"
    headers["If-Match"] = sellerTag
    return wrk.format("PUT", "/api/v1/admin/sellers/" .. seller, headers, sellerBody(i))
  elseif i % 3 == 2 then
    last = "store"
    headers["If-Match"] = storeTag
    return wrk.format("PUT", "/api/v1/admin/stores/" .. store, headers, storeBody(i))
  end
  last = "product"
  headers["If-Match"] = productTag
  return wrk.format("PUT", "/api/v1/admin/products/" .. product .. "/prices/US", headers, pricesBody(i))
end

function response(status, headers, body)
  if status == 200 then
    writes = writes + 1
    local tag = headers["ETag"] or headers["etag"]
    if last == "seller" then sellerTag = tag elseif last == "store" then storeTag = tag else productTag = tag end
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local w, r = 0, 0
  for _, t in ipairs(threads) do
    w = w + t:get("writes")
    r = r + t:get("refused")
  end
  io.write(string.format("audited writes: %d in %.1f s (%.0f/s); refused: %d\n",
    w, summary.duration / 1e6, w / (summary.duration / 1e6), r))
end
