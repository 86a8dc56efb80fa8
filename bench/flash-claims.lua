-- A stampede on one flash sale: every request is a claim by the next shopper
-- of this connection's share of the token file, with its own address and a
-- fresh Idempotency-Key. Counts the answers by kind.
--   SALE_ID, TOKENS (file, one JWT per line)
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  for line in io.lines(os.getenv("TOKENS")) do
    if #line > 0 then table.insert(tokens, line) end
  end
  sale = os.getenv("SALE_ID")
  n = 0
  run = os.time()
  math.randomseed(run * 1000 + tid)
  granted, soldout, limited, ratelimited, other = 0, 0, 0, 0, 0
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  -- Connections walk the token list from different places.
  local i = ((tid * 7919 + n) % #tokens) + 1
  local headers = {
    ["Authorization"] = "Bearer " .. tokens[i],
    ["Idempotency-Key"] = "b-" .. run .. "-" .. tid .. "-" .. n .. "-" .. math.random(1, 1e9)
  }
  local body = '{"shippingAddress": {"name": "Bench", "line1": "' .. i ..
    ' Marine Drive", "city": "Mumbai", "postalCode": "400001", "country": "IN"}}'
  return wrk.format("POST", "/api/v1/flash-sales/" .. sale .. "/claims", headers, body)
end

function response(status, headers, body)
  if status == 201 then granted = granted + 1
  elseif status == 429 then ratelimited = ratelimited + 1
  elseif status == 409 and body:find('"SOLD_OUT"', 1, true) then soldout = soldout + 1
  elseif status == 409 and body:find('"LIMIT_REACHED"', 1, true) then limited = limited + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local g, s, l, r, o = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    g = g + t:get("granted"); s = s + t:get("soldout"); l = l + t:get("limited")
    r = r + t:get("ratelimited"); o = o + t:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("decisions: %d in %.1f s = %.0f/s (granted %d, sold out %d, limit %d, 429 %d, other %d)\n",
    g + s + l + o, seconds, (g + s + l + o) / seconds, g, s, l, r, o))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
