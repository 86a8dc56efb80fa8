#!/usr/bin/env bash
# Catalog read throughput: loads the demo catalog plus 1,000 generated
# products x 4 regions into a schema of its own, starts the packaged app, and runs wrk
# against a listing page and a product detail. Results: bench/README.md.
#
#   bench/catalog.sh                 # 64 connections, 15 s warm-up, 30 s measured
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
SCHEMA=${BENCH_SCHEMA:-storefront_bench}
export PGHOST=${DB_HOST:-127.0.0.1} PGPORT=${DB_PORT:-5432} PGDATABASE=${DB_NAME:-postgres} PGUSER=${DB_USER:-postgres}
[ -n "${DB_PASSWORD:-}" ] && export PGPASSWORD=$DB_PASSWORD

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
./mvnw -B -q package -DskipTests   # always the code as it is now

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is already in use: stop what listens there or set BENCH_PORT" >&2
  exit 1
fi

PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 -c "drop schema if exists $SCHEMA cascade"
# The packaged app refuses the development token key: give it a throwaway one.
mkdir -p target/bench-jwt
[ -f target/bench-jwt/public-key.pem ] || {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out target/bench-jwt/private-key.pem 2>/dev/null
  openssl pkey -in target/bench-jwt/private-key.pem -pubout -out target/bench-jwt/public-key.pem
}
export JWT_ISSUER=storefront-bench JWT_PUBLIC_KEY_LOCATION=$PWD/target/bench-jwt/public-key.pem
DB_SCHEMA=$SCHEMA PORT=$PORT java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > target/bench-app.log 2>&1 &
APP=$!
stop_app() {
  kill "$APP" 2>/dev/null || return 0
  for _ in $(seq 1 20); do kill -0 "$APP" 2>/dev/null || return 0; sleep 0.5; done
  echo "app did not stop within 10 s of SIGTERM; killing it" >&2
  kill -9 "$APP" 2>/dev/null || true
}
trap stop_app EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "app did not start; see target/bench-app.log" >&2; exit 1; }

PGOPTIONS="-c search_path=$SCHEMA" psql -q -v ON_ERROR_STOP=1 \
  -f src/main/resources/db/demo/R__demo_catalog.sql -f bench/catalog.sql
count=$(curl -fs "http://127.0.0.1:$PORT/api/v1/regions/CN/products?limit=100" | grep -o '"slug"' | wc -l)
[ "$count" = 100 ] || { echo "catalog not loaded (first CN page has $count products)" >&2; exit 1; }

LISTING="http://127.0.0.1:$PORT/api/v1/regions/CN/products?limit=20"
DETAIL="http://127.0.0.1:$PORT/api/v1/regions/CN/products/bench-product-0421"

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
run "product detail" "$DETAIL"
run "random product detail (1,000 products x 2 languages)" "http://127.0.0.1:$PORT" -s bench/random-detail.lua
echo "-- app resident memory: $(ps -o rss= -p $APP | awk '{printf "%.0f MiB", $1/1024}')"
