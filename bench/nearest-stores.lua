-- Each request searches around a random point near one of the 20 cities of
-- the bench stores; QUERY (environment) adds radius, limit and filters.
math.randomseed(os.time())
local cities = {
  {39.9042, 116.4074}, {31.2304, 121.4737}, {23.1291, 113.2644}, {22.5431, 114.0579}, {30.5728, 104.0668},
  {29.5630, 106.5516}, {30.5928, 114.3055}, {30.2741, 120.1551}, {32.0603, 118.7969}, {34.3416, 108.9398},
  {39.3434, 117.3616}, {41.8057, 123.4315}, {24.8801, 102.8329}, {28.2282, 112.9388}, {34.7466, 113.6254},
  {36.0671, 120.3826}, {45.8038, 126.5350}, {24.4798, 118.0894}, {38.9140, 121.6147}, {36.6512, 117.1201},
}
local query = os.getenv("QUERY") or "radius=10"
request = function()
  local c = cities[math.random(1, #cities)]
  local lat = c[1] + (math.random() - 0.5) * 0.6
  local lon = c[2] + (math.random() - 0.5) * 0.8
  return wrk.format("GET", string.format("/api/v1/stores?near=%.5f,%.5f&%s", lat, lon, query))
end

local failures = 0
response = function(status)
  if status ~= 200 then failures = failures + 1 end
end
