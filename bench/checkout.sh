#!/usr/bin/env bash
# Checkout throughput: shoppers create a cart, add a SKU and check out, against
# the packaged app and a local fake of Stripe's API (WireMock standalone, the
# same library the tests use). Reports completed checkouts per second.
#
#   bench/checkout.sh                   # 32 shoppers for 30 s after a 10 s warm-up
#   SHOPPERS=64 DURATION=60s bench/checkout.sh
#
# Needs wrk (apt-get install wrk) and the PostgreSQL the tests use. Writes only
# to its own schema (storefront_bench_checkout), dropped at the start.
set -euo pipefail
cd "$(dirname "$0")/.."

SHOPPERS=${SHOPPERS:-32}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-30s}
PORT=${BENCH_PORT:-8089}
STRIPE_PORT=${BENCH_STRIPE_PORT:-8090}
SCHEMA=${BENCH_SCHEMA:-storefront_bench_checkout}
export PGHOST=${DB_HOST:-127.0.0.1} PGPORT=${DB_PORT:-5432} PGDATABASE=${DB_NAME:-postgres} PGUSER=${DB_USER:-postgres}
[ -n "${DB_PASSWORD:-}" ] && export PGPASSWORD=$DB_PASSWORD

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
./mvnw -B -q package -DskipTests   # always the code as it is now
# The tests' WireMock, which the build above has fetched into the local Maven repository.
version=$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' pom.xml)
WIREMOCK=${MAVEN_REPOSITORY:-$HOME/.m2/repository}/org/wiremock/wiremock-standalone/$version/wiremock-standalone-$version.jar
[ -f "$WIREMOCK" ] || { echo "missing $WIREMOCK: run ./mvnw verify once" >&2; exit 1; }

for p in "$PORT" "$STRIPE_PORT"; do
  if curl -s -o /dev/null "http://127.0.0.1:$p/"; then
    echo "port $p is already in use: stop what listens there or set BENCH_PORT / BENCH_STRIPE_PORT" >&2
    exit 1
  fi
done

PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 -c "drop schema if exists $SCHEMA cascade"
mkdir -p target/bench-jwt
[ -f target/bench-jwt/public-key.pem ] || {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out target/bench-jwt/private-key.pem 2>/dev/null
  openssl pkey -in target/bench-jwt/private-key.pem -pubout -out target/bench-jwt/public-key.pem
}

java -jar "$WIREMOCK" --port "$STRIPE_PORT" --bind-address 127.0.0.1 --root-dir bench/stripe-fake \
  --global-response-templating --no-request-journal --disable-banner \
  > target/bench-stripe.log 2>&1 &
STRIPE=$!
export JWT_ISSUER=storefront-bench JWT_PUBLIC_KEY_LOCATION=$PWD/target/bench-jwt/public-key.pem
export STRIPE_API_BASE=http://127.0.0.1:$STRIPE_PORT STRIPE_SECRET_KEY=sk_test_bench STRIPE_WEBHOOK_SECRET=whsec_bench
DB_SCHEMA=$SCHEMA PORT=$PORT java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > target/bench-app.log 2>&1 &
APP=$!
stop() {
  kill "$STRIPE" 2>/dev/null || true
  kill "$APP" 2>/dev/null || return 0
  for _ in $(seq 1 20); do kill -0 "$APP" 2>/dev/null || return 0; sleep 0.5; done
  echo "app did not stop within 10 s of SIGTERM; killing it" >&2
  kill -9 "$APP" 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "app did not start; see target/bench-app.log" >&2; exit 1; }
PGOPTIONS="-c search_path=$SCHEMA" psql -q -v ON_ERROR_STOP=1 -f src/main/resources/db/demo/R__demo_catalog.sql

echo "== $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), $SHOPPERS shoppers"
wrk -t"$SHOPPERS" -c"$SHOPPERS" -d"$WARMUP" -s bench/checkout.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$SHOPPERS" -c"$SHOPPERS" -d"$DURATION" --latency -s bench/checkout.lua "http://127.0.0.1:$PORT" \
  | grep -E 'checkouts|Requests/sec|Latency |50%|99%|Non-2xx|Socket errors'
orders=$(psql -Atq -c "select count(*) from $SCHEMA.customer_order")
intents=$(psql -Atq -c "select count(*) from $SCHEMA.customer_order where payment_intent_id is not null")
echo "-- orders in the database: $orders, with a PaymentIntent: $intents"
echo "-- app resident memory: $(ps -o rss= -p $APP | awk '{printf "%.0f MiB", $1/1024}')"
