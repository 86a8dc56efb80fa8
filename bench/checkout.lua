-- One shopper per wrk connection (run with as many threads as connections):
-- create a cart, put a SKU in it, check it out. Counts completed checkouts.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

function init(args)
  step, cart, checkouts, failures, n = 1, nil, 0, 0, 0
  -- Keys must differ between runs too (the warm-up and the measured run share tids and n):
  -- every wrk process starts Lua's random generator from the same seed.
  run = os.time()
  math.randomseed(run * 1000 + tid)
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  if step == 1 then
    return wrk.format("POST", "/api/v1/carts", nil, '{"region": "US"}')
  elseif step == 2 then
    return wrk.format("PUT", "/api/v1/carts/" .. cart .. "/items/MI-BAND-8-BLACK", nil, '{"quantity": 2}')
  else
    n = n + 1
    local headers = {["Idempotency-Key"] = "bench-" .. run .. "-" .. tid .. "-" .. n .. "-" .. math.random(1, 1e9)}
    return wrk.format("POST", "/api/v1/carts/" .. cart .. "/checkout", headers,
      '{"email": "ada@example.com", "shippingAddress": {"name": "Ada", "line1": "1 Main St", "city": "Austin", "state": "TX", "country": "US"}}')
  end
end

function response(status, headers, body)
  if step == 1 then
    cart = body:match('"id":"([^"]+)"')
    step = cart and 2 or 1
  elseif step == 2 then
    step = status == 200 and 3 or 1
  else
    if status == 201 then checkouts = checkouts + 1 else failures = failures + 1 end
    step = 1
  end
end

function done(summary, latency, requests)
  local total, failed = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("checkouts")
    failed = failed + t:get("failures")
  end
  io.write(string.format("checkouts: %d in %.1f s = %.0f checkouts/s, failed checkouts: %d\n",
    total, summary.duration / 1e6, total / (summary.duration / 1e6), failed))
end
