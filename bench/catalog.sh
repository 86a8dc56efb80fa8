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
# (DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD). With nginx (apt-get install
# nginx-light) it also has nginx serve the listing page's bytes, for comparison.
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
run "first page by name" "$BASE&sort=name"
run "faceted: in stock, water resistant, 5,000 mAh or more, with facets" \
  "$BASE&inStock=true&spec=water_resistant:true&spec=capacity:5000..&facets=true"
run "text search, misspelt (relevance)" "$BASE&q=bench%20prodcut&sort=relevance"
run "text search for one product" "$BASE&q=000421"
run "product detail" "$DETAIL"
run "random product detail (1,000 products x 2 languages)" "http://127.0.0.1:$PORT" -s bench/random-detail.lua
if command -v nginx >/dev/null; then # the same bytes from a static file server, for comparison
  NGINX=$PWD/target/bench-nginx NGINX_PORT=${NGINX_PORT:-8090}
  mkdir -p "$NGINX/html"
  curl -fs "$LISTING" > "$NGINX/html/listing.json"
  cat > "$NGINX/nginx.conf" <<CONF
worker_processes $(nproc);
pid $NGINX/nginx.pid;
error_log $NGINX/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; root $NGINX/html; default_type application/json; }
}
CONF
  nginx -c "$NGINX/nginx.conf"
  run "nginx serving the listing page's bytes ($(wc -c < "$NGINX/html/listing.json") bytes)" \
    "http://127.0.0.1:$NGINX_PORT/listing.json"
  nginx -c "$NGINX/nginx.conf" -s stop
fi
echo "-- app resident memory: $(ps -o rss= -p $APP | awk '{printf "%.0f MiB", $1/1024}')"
