#!/usr/bin/env bash
# Ops writes and start time: WRITERS ops clients each replace their own seller,
# their own store and their own product's prices, delist or list that product
# and set its stock, in turn (If-Match from their previous answer, audited),
# against the packaged app; then three starts on the existing schema, timed.
#
#   bench/ops-writes.sh                      # 8 writers for 20 s after a 5 s warm-up
#   WRITERS=16 DURATION=60s bench/ops-writes.sh
#   KINDS=listing,stock bench/ops-writes.sh  # only these writes (seller, store, product, listing, stock)
#
# Needs wrk, node (signs the ops token) and the PostgreSQL the tests use. Writes
# only to its own schema (storefront_bench_ops), dropped at the start.
set -euo pipefail
cd "$(dirname "$0")/.."

WRITERS=${WRITERS:-8}
WARMUP=${WARMUP:-5s}
DURATION=${DURATION:-20s}
PORT=${BENCH_PORT:-8089}
SCHEMA=${BENCH_SCHEMA:-storefront_bench_ops}
command -v node >/dev/null || { echo "node is missing" >&2; exit 1; }
source bench/app.sh
bench_prepare "$PORT"
bench_start "$SCHEMA" "$PORT"
# Regions (IN) for the sellers and stores written.
bench_demo_catalog "$SCHEMA"

export OPS_TOKEN
OPS_TOKEN=$(node bench/tokens.js target/bench-jwt/private-key.pem storefront-bench ops-admin 1 bench-ops)
base="http://127.0.0.1:$PORT/api/v1/admin"
etag() {
  curl -fs -D - -o /dev/null "$base/$1" -H "Authorization: Bearer $OPS_TOKEN" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p'
}
# Each writer starts from the ETags its seller and its store have now.
read_etags() {
  for n in $(seq 1 "$WRITERS"); do
    export "SELLER_ETAG_$n=$(etag "sellers/bench-seller-$n")" "STORE_ETAG_$n=$(etag "stores/bench-store-$n")" \
      "PRODUCT_ETAG_$n=$(etag "products/bench-product-$n")" \
      "LISTING_ETAG_$n=$(etag "regions/US/products/bench-product-$n")" "STOCK_ETAG_$n=$(etag "stock/US/BENCH-$n-A")"
  done
}
for n in $(seq 1 "$WRITERS"); do
  curl -fs -o /dev/null -X PUT "$base/sellers/bench-seller-$n" -H "Authorization: Bearer $OPS_TOKEN" \
    -H 'Content-Type: application/json' -d '{"name":"Bench Seller","kind":"AUTHORIZED","regions":["IN"],
    "authorizedSince":"2024-01-01T00:00:00Z","reason":"bench"}'
  curl -fs -o /dev/null -X PUT "$base/stores/bench-store-$n" -H "Authorization: Bearer $OPS_TOKEN" \
    -H 'Content-Type: application/json' -d '{"store":{"name":"Bench Store","kind":"AUTHORIZED_STORE",
    "services":["SALES"],"address":{"line1":"1 MG Road","city":"Kochi","country":"IN"},
    "location":{"latitude":9.93,"longitude":76.26},"timeZone":"Asia/Kolkata"},"reason":"bench"}'
  curl -fs -o /dev/null -X POST "$base/products" -H "Authorization: Bearer $OPS_TOKEN" \
    -H 'Content-Type: application/json' -d "{\"slug\":\"bench-product-$n\",\"category\":\"WEARABLE\",
    \"texts\":[{\"locale\":\"en\",\"name\":\"Bench Band $n\"}],
    \"skus\":[{\"code\":\"BENCH-$n-A\"},{\"code\":\"BENCH-$n-B\"}],\"reason\":\"bench\"}"
  curl -fs -o /dev/null -X PUT "$base/stock/US/BENCH-$n-A" -H "Authorization: Bearer $OPS_TOKEN" \
    -H 'Content-Type: application/json' -d '{"onHand":100,"reason":"bench"}'
done
read_etags

echo "== $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), $WRITERS writers, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
wrk -t"$WRITERS" -c"$WRITERS" -d"$WARMUP" -s bench/ops-writes.lua "http://127.0.0.1:$PORT" >/dev/null
# The warm-up moved every ETag on.
read_etags
wrk -t"$WRITERS" -c"$WRITERS" -d"$DURATION" --latency -s bench/ops-writes.lua "http://127.0.0.1:$PORT" \
  | grep -E 'audited writes|Requests/sec|Latency |50%|99%|Non-2xx|Socket errors'
echo "-- audit entries written: $(psql -Atq -c "select count(*) from $SCHEMA.audit_entry where reason = 'bench'")"

# Start time on the existing schema, three times (Quarkus's own "started in").
bench_stop
trap - EXIT
for _ in 1 2 3; do
  bench_launch "$SCHEMA" "$PORT"
  sed -n 's/.*started in \([0-9.]*s\).*/-- start: \1/p' target/bench-app.log
  bench_stop
done
trap - EXIT
