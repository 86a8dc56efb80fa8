-- Ops writes: each wrk thread (one connection) replaces its own seller, its own
-- store and its own product's US prices, delists or lists that product in the
-- US and sets its stock there, in turn, sending If-Match with the ETag of its
-- previous answer, so every write is a real change that one writer wins. Set up
-- by ops-writes.sh.
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
  listingTag = os.getenv("LISTING_ETAG_" .. n)
  stockTag = os.getenv("STOCK_ETAG_" .. n)
  -- KINDS (comma-separated) narrows the mix, to see what one kind of write costs.
  kinds = {}
  for k in string.gmatch(os.getenv("KINDS") or "seller,store,product,listing,stock", "[^,]+") do
    table.insert(kinds, k)
  end
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
  local kind = kinds[(i - 1) % #kinds + 1]
  last = kind
  if kind == "seller" then
    headers["If-Match"] = sellerTag
    return wrk.format("PUT", "/api/v1/admin/sellers/" .. seller, headers, sellerBody(i))
  elseif kind == "store" then
    headers["If-Match"] = storeTag
    return wrk.format("PUT", "/api/v1/admin/stores/" .. store, headers, storeBody(i))
  elseif kind == "product" then
    headers["If-Match"] = productTag
    return wrk.format("PUT", "/api/v1/admin/products/" .. product .. "/prices/US", headers, pricesBody(i))
  elseif kind == "listing" then
    -- Every other round delists, the next lists again: each is a change.
    headers["If-Match"] = listingTag
    listings = (listings or 0) + 1
    local listed = listings % 2 == 0
    return wrk.format("PUT", "/api/v1/admin/regions/US/products/" .. product .. "/listing", headers,
      '{"listed":' .. tostring(listed) .. ',"reason":"bench"}')
  end
  headers["If-Match"] = stockTag
  return wrk.format("PUT", "/api/v1/admin/stock/US/BENCH-" .. n .. "-A", headers,
    '{"onHand":' .. (100 + i) .. ',"reason":"bench"}')
end

function response(status, headers, body)
  if status == 200 then
    writes = writes + 1
    local tag = headers["ETag"] or headers["etag"]
    if last == "seller" then sellerTag = tag
    elseif last == "store" then storeTag = tag
    elseif last == "product" then productTag = tag
    elseif last == "listing" then listingTag = tag
    else stockTag = tag end
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
