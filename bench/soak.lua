-- A soak: each wrk connection (one per thread) is a shopper at a steady pace
-- (a pause between requests). Per visit: browse (80 %: a listing page or a
-- product), shop (15 %: a cart and an item), or buy (5 %: cart, item, checkout).
-- A step answered 503 or 409 (retry later) is sent again as it was, with the same
-- Idempotency-Key, after the pause; every other failure is counted by status.
-- Reports answers by kind and the checkouts that completed.
--   PACE_MS: pause between a shopper's requests (default 100)
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

local products = {"mi-band-8", "mi-headphones", "mi-power-bank-20000", "mi-in-ear-headphones"}
local regions = {"US", "EU", "CN", "IN"}

function init(args)
  run = os.time()
  math.randomseed(run * 1000 + tid)
  pace = tonumber(os.getenv("PACE_MS") or "100")
  plan, step, cart, key, n = nil, 0, nil, nil, 0
  ok, retried, failed, checkouts, browse, shop, buy = 0, 0, 0, 0, 0, 0, 0
  statuses = {}
  wrk.headers["Content-Type"] = "application/json"
end

function delay()
  return pace
end

local function next_visit()
  local r = math.random(1, 100)
  if r <= 80 then plan = "browse"; browse = browse + 1
  elseif r <= 95 then plan = "shop"; shop = shop + 1
  else plan = "buy"; buy = buy + 1 end
  step = 1
end

function request()
  if plan == nil then next_visit() end
  if plan == "browse" then
    if math.random(1, 2) == 1 then
      return wrk.format("GET", "/api/v1/regions/" .. regions[math.random(1, 4)] .. "/products?limit=20")
    end
    return wrk.format("GET", "/api/v1/regions/US/products/" .. products[math.random(1, 4)])
  end
  if step == 1 then
    return wrk.format("POST", "/api/v1/carts", nil, '{"region": "US"}')
  elseif step == 2 then
    return wrk.format("PUT", "/api/v1/carts/" .. cart .. "/items/MI-BAND-8-BLACK", nil, '{"quantity": 1}')
  end
  if key == nil then
    n = n + 1
    key = "soak-" .. run .. "-" .. tid .. "-" .. n .. "-" .. math.random(1, 1e9)
  end
  return wrk.format("POST", "/api/v1/carts/" .. cart .. "/checkout", {["Idempotency-Key"] = key},
    '{"email": "soak@example.com", "shippingAddress": {"name": "Ada", "line1": "1 Main St", "city": "Austin", "state": "TX", "country": "US"}}')
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 503 or status == 409 then
    retried = retried + 1
    return -- the same step again after the pause
  end
  if status >= 400 then
    failed = failed + 1
    plan = nil
    key = nil
    return
  end
  ok = ok + 1
  if plan == "browse" then
    plan = nil
  elseif step == 1 then
    cart = body:match('"id"%s*:%s*"([^"]+)"')
    step = 2
  elseif step == 2 then
    if plan == "shop" then plan = nil else step = 3 end
  else
    checkouts = checkouts + 1
    plan = nil
    key = nil
  end
end

function done(summary, latency, requests)
  local totals = {ok = 0, retried = 0, failed = 0, checkouts = 0, browse = 0, shop = 0, buy = 0}
  local by = {}
  for _, t in ipairs(threads) do
    for k, _ in pairs(totals) do totals[k] = totals[k] + t:get(k) end
    local s = t:get("statuses")
    for code, count in pairs(s) do by[code] = (by[code] or 0) + count end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("requests: %d in %.0f s = %.0f/s; visits: browse %d, shop %d, buy %d\n",
    summary.requests, seconds, summary.requests / seconds, totals.browse, totals.shop, totals.buy))
  io.write(string.format("answers: %d ok, %d retried (503/409), %d failed; socket errors: connect %d, read %d, write %d, timeout %d\n",
    totals.ok, totals.retried, totals.failed, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout))
  local codes = {}
  for code, count in pairs(by) do table.insert(codes, code .. "=" .. count) end
  table.sort(codes)
  io.write("statuses: " .. table.concat(codes, " ") .. "\n")
  io.write(string.format("checkouts completed (201): %d\n", totals.checkouts))
  io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.0f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
