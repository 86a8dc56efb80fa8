#!/usr/bin/env bash
# Nearest-store search over 20,000 stores: imports them through the CSV import
# (timed), then runs wrk against GET /api/v1/stores at random points around
# the stores' cities, plain and with service + openNow filters. Results:
# bench/README.md.
#
#   bench/stores.sh                       # 64 connections, 10 s warm-up, 30 s measured
#   STORES=50000 CONNECTIONS=128 bench/stores.sh
#
# Needs wrk, psql, openssl, and PostgreSQL as for the app (DB_HOST, DB_PORT,
# DB_NAME, DB_USER, DB_PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."

STORES=${STORES:-20000}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-30s}
PORT=${BENCH_PORT:-8089}
SCHEMA=${BENCH_SCHEMA:-storefront_bench}
source bench/app.sh
bench_prepare "$PORT"
bench_start "$SCHEMA" "$PORT"

# Regions and the countries they serve
PGOPTIONS="-c search_path=$SCHEMA,public" psql -q -v ON_ERROR_STOP=1 -f src/main/resources/db/demo/R__demo_catalog.sql

# $STORES stores around 20 Chinese cities, within about 40 km of each centre
csv=target/bench-stores.csv
psql -q -v ON_ERROR_STOP=1 -c "copy (
  with city (i, name, lat, lon) as (values
    (0, 'Beijing', 39.9042, 116.4074), (1, 'Shanghai', 31.2304, 121.4737), (2, 'Guangzhou', 23.1291, 113.2644),
    (3, 'Shenzhen', 22.5431, 114.0579), (4, 'Chengdu', 30.5728, 104.0668), (5, 'Chongqing', 29.5630, 106.5516),
    (6, 'Wuhan', 30.5928, 114.3055), (7, 'Hangzhou', 30.2741, 120.1551), (8, 'Nanjing', 32.0603, 118.7969),
    (9, 'Xi''an', 34.3416, 108.9398), (10, 'Tianjin', 39.3434, 117.3616), (11, 'Shenyang', 41.8057, 123.4315),
    (12, 'Kunming', 24.8801, 102.8329), (13, 'Changsha', 28.2282, 112.9388), (14, 'Zhengzhou', 34.7466, 113.6254),
    (15, 'Qingdao', 36.0671, 120.3826), (16, 'Harbin', 45.8038, 126.5350), (17, 'Xiamen', 24.4798, 118.0894),
    (18, 'Dalian', 38.9140, 121.6147), (19, 'Jinan', 36.6512, 117.1201))
  select 'cn-bench-' || lpad(n::text, 6, '0') as id, 'Mi Store ' || c.name || ' ' || n as name,
         (array['FLAGSHIP', 'SERVICE_CENTER', 'AUTHORIZED_STORE', 'AUTHORIZED_STORE'])[1 + n % 4] as kind,
         (array['SALES|REPAIR|WARRANTY|PICKUP', 'REPAIR|WARRANTY', 'SALES|PICKUP', 'SALES|PICKUP|WARRANTY'])[1 + n % 4]
             as services,
         n || ' Bench Road' as address_line1, c.name as city, 'CN' as country,
         round((c.lat + (random() - 0.5) * 0.7)::numeric, 5) as latitude,
         round((c.lon + (random() - 0.5) * 0.9)::numeric, 5) as longitude,
         'Asia/Shanghai' as time_zone,
         case when n % 4 = 1 then '09:00-18:00' else '10:00-22:00' end as monday,
         case when n % 4 = 1 then '09:00-18:00' else '10:00-22:00' end as tuesday,
         case when n % 4 = 1 then '09:00-18:00' else '10:00-22:00' end as wednesday,
         case when n % 4 = 1 then '09:00-18:00' else '10:00-22:00' end as thursday,
         case when n % 4 = 1 then '09:00-18:00' else '10:00-22:00' end as friday,
         case when n % 4 = 1 then '09:00-12:00' else '10:00-22:00' end as saturday,
         case when n % 4 = 1 then '' else '10:00-22:00' end as sunday
  from generate_series(1, $STORES) n join city c on c.i = n % 20
) to stdout with (format csv, header)" > "$csv"

token=$(JWT_PRIVATE_KEY=target/bench-jwt/private-key.pem JWT_ISSUER=storefront-bench bin/dev-token ops-admin)
echo "== $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), $STORES stores"
start=$(date +%s.%N)
curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @"$csv" \
  "http://127.0.0.1:$PORT/api/v1/admin/stores/import?reason=bench" -o target/bench-import.json
end=$(date +%s.%N)
echo "-- import of $(($(wc -l < "$csv") - 1)) rows ($(du -k "$csv" | cut -f1) KiB): $(echo "$end - $start" | bc) s;" \
  "$(grep -o '"created":[0-9]*' target/bench-import.json), $(grep -o '"rejected":\[[^]]*\]' target/bench-import.json | head -c 80)"
stored=$(psql -Atc "select count(*) from $SCHEMA.store")
[ "$stored" -ge "$STORES" ] || { echo "only $stored stores imported" >&2; exit 1; }

echo "-- the plan of one search (Shanghai, 10 km, 20 stores)"
PGOPTIONS="-c search_path=$SCHEMA,public" psql -Atc "explain (analyze, costs off)
  select id, chord_to_km(position <-> geo_point(31.23, 121.47)) from store
  where status <> 'CLOSED' and cube_enlarge(geo_point(31.23, 121.47), km_to_chord(10), 3) @> position
    and position <-> geo_point(31.23, 121.47) <= km_to_chord(10)
  order by position <-> geo_point(31.23, 121.47) limit 20" | sed 's/^/   /'

echo "== $CONNECTIONS connections, $THREADS wrk threads"
run() { # label, extra query
  local label=$1
  QUERY=$2 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/nearest-stores.lua "http://127.0.0.1:$PORT" >/dev/null
  echo "-- $label"
  QUERY=$2 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/nearest-stores.lua "http://127.0.0.1:$PORT" \
    | grep -E 'Requests/sec|Latency |50%|90%|99%|Non-2xx|Socket errors'
}
run "nearest 20 within 10 km" "radius=10&limit=20"
run "nearest 20 within 25 km offering REPAIR, open now" "radius=25&limit=20&service=REPAIR&openNow=true"
