#!/usr/bin/env bash
# Catalog read throughput: loads the demo catalog plus PRODUCTS (default 1,000)
# generated products x 4 regions into a schema of its own, starts the packaged
# app, and runs wrk against listing pages (each sort, facets, search) and a
# product detail. Results: bench/README.md.
#
#   bench/catalog.sh                 # 64 connections, 15 s warm-up, 30 s measured
#   PRODUCTS=100000 bench/catalog.sh # the full-size catalog
#   CONNECTIONS=128 DURATION=60s bench/catalog.sh
#   CATALOG_CACHE_MAX_MB=0 bench/catalog.sh   # the same without the answer cache
#
# Needs wrk (Debian: apt-get install wrk), psql, and PostgreSQL as for the app
# (DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-30s}
PORT=${BENCH_PORT:-8089}
PRODUCTS=${PRODUCTS:-1000}
export PRODUCTS
SCHEMA=${BENCH_SCHEMA:-storefront_bench}
source bench/app.sh
bench_prepare "$PORT"
bench_start "$SCHEMA" "$PORT"

loaded=$(date +%s)
PGOPTIONS="-c search_path=$SCHEMA" psql -q -v ON_ERROR_STOP=1 -v products="$PRODUCTS" \
  -f src/main/resources/db/demo/R__demo_catalog.sql -f bench/catalog.sql
echo "-- loaded $PRODUCTS products x 4 regions in $(( $(date +%s) - loaded )) s"
count=$(curl -fs "http://127.0.0.1:$PORT/api/v1/regions/CN/products?limit=100" | grep -o '"slug"' | wc -l)
[ "$count" = 100 ] || { echo "catalog not loaded (first CN page has $count products)" >&2; exit 1; }

LISTING="http://127.0.0.1:$PORT/api/v1/regions/CN/products?limit=20"
DETAIL="http://127.0.0.1:$PORT/api/v1/regions/CN/products/bench-product-000421"

echo "== $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), $CONNECTIONS connections, $THREADS wrk threads"
run() { # label, url, extra wrk arguments
  local label=$1 url=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url" >/dev/null
  echo "-- $label: $url"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" \
    | grep -E 'Requests/sec|Latency |50%|90%|99%|Non-2xx|Socket errors'
}
run "listing page" "$LISTING"
run "random listing pages (about 5,000 distinct)" "http://127.0.0.1:$PORT" -s bench/random-listing.lua
BASE="http://127.0.0.1:$PORT/api/v1/regions/CN/products?limit=20"
run "first page by price" "$BASE&sort=price_asc"
run "first page, newest" "$BASE&sort=newest"
run "faceted: in stock, water resistant, 5,000 mAh or more, with facets" \
  "$BASE&inStock=true&spec=water_resistant:true&spec=capacity:5000..&facets=true"
run "text search, misspelt (relevance)" "$BASE&q=bench%20prodcut&sort=relevance"
run "product detail" "$DETAIL"
run "random product detail (1,000 products x 2 languages)" "http://127.0.0.1:$PORT" -s bench/random-detail.lua
echo "-- app resident memory: $(ps -o rss= -p $APP | awk '{printf "%.0f MiB", $1/1024}')"
