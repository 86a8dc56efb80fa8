#!/usr/bin/env bash
# Flash-sale stampede: a 10,000-unit sale hit by 256 connections of claims.
# Reports claim decisions per second (grants and refusals), latency, how fast
# the units went, and checks in the database that no unit was granted twice.
#
#   bench/flash-sale.sh                         # 256 connections, 30 s on a warm-up sale, 30 s measured
#   CONNECTIONS=128 DURATION=60s bench/flash-sale.sh
#
# Needs wrk (apt-get install wrk), node (signs the shoppers' tokens) and the
# PostgreSQL the tests use. Writes only to its own schema (storefront_bench_flash).
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-256}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-30s}
UNITS=${UNITS:-10000}
SHOPPERS=${SHOPPERS:-20000}
PORT=${BENCH_PORT:-8089}
SCHEMA=${BENCH_SCHEMA:-storefront_bench_flash}
SKU=REDMI-NOTE-3-16GB-GOLD
source bench/app.sh
command -v node >/dev/null || { echo "node is missing" >&2; exit 1; }
bench_prepare "$PORT"
bench_start "$SCHEMA" "$PORT"
bench_demo_catalog "$SCHEMA"
psql -q -c "update $SCHEMA.stock set on_hand = 1000000 where sku_code = '$SKU' and region_code = 'IN'"

KEY=target/bench-jwt/private-key.pem
ADMIN=$(node bench/tokens.js "$KEY" storefront-bench ops-admin 1 bench-ops)
sale() {  # creates a live sale of $1 units, prints its id
  local now end
  now=$(date -u -d '-1 second' +%Y-%m-%dT%H:%M:%SZ); end=$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)
  curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/admin/flash-sales" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' \
    -d "{\"sku\": \"$SKU\", \"region\": \"IN\", \"startsAt\": \"$now\", \"endsAt\": \"$end\", \"priceMinor\": 699900,
         \"quantity\": $1, \"reason\": \"bench\"}" | sed -n 's/.*"sale":{"id":"\([^"]*\)".*/\1/p'
}

export TOKENS=target/bench-flash-tokens.txt
node bench/tokens.js "$KEY" storefront-bench shopper "$SHOPPERS" "bench-$(date +%s)" > "$TOKENS"
WARM_TOKENS=target/bench-flash-warm-tokens.txt
node bench/tokens.js "$KEY" storefront-bench shopper "$SHOPPERS" "warm-$(date +%s)" > "$WARM_TOKENS"

echo "== $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), $CONNECTIONS connections, $UNITS units, $SHOPPERS shoppers"
SALE_ID=$(sale "$UNITS") TOKENS=$WARM_TOKENS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/flash-claims.lua \
  "http://127.0.0.1:$PORT" > /dev/null
export SALE_ID
SALE_ID=$(sale "$UNITS")
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/flash-claims.lua "http://127.0.0.1:$PORT" \
  | grep -E 'decisions|latency|Socket errors|Non-2xx' | grep -v Non-2xx || true
psql -Atq -F ' ' -c "
  select 'granted in the database:', count(*), 'claims; units left in the pool:',
         (select sum(remaining) from $SCHEMA.flash_sale_shard where sale_id = '$SALE_ID'),
         '; sold out after', round(extract(epoch from max(created_at) - min(created_at))::numeric, 2), 's'
  from $SCHEMA.flash_claim where sale_id = '$SALE_ID'"
psql -Atq -F ' ' -c "
  select 'accounts or addresses over the limit:', count(*) from $SCHEMA.flash_sale_buyer
  where sale_id = '$SALE_ID' and held > 1"
echo "-- app resident memory: $(ps -o rss= -p $APP | awk '{printf "%.0f MiB", $1/1024}')"
