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
source bench/app.sh
bench_prepare "$PORT" "$STRIPE_PORT"

# The tests' WireMock, which the build above has fetched into the local Maven repository.
bench_stripe_fake "$STRIPE_PORT"
bench_start "$SCHEMA" "$PORT"
# Enough stock that no checkout of the run is refused for want of it.
bench_demo_catalog "$SCHEMA" 10000000

echo "== $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), $SHOPPERS shoppers"
wrk -t"$SHOPPERS" -c"$SHOPPERS" -d"$WARMUP" -s bench/checkout.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$SHOPPERS" -c"$SHOPPERS" -d"$DURATION" --latency -s bench/checkout.lua "http://127.0.0.1:$PORT" \
  | grep -E 'checkouts|Requests/sec|Latency |50%|99%|Non-2xx|Socket errors'
orders=$(psql -Atq -c "select count(*) from $SCHEMA.customer_order")
intents=$(psql -Atq -c "select count(*) from $SCHEMA.customer_order where payment_intent_id is not null")
echo "-- orders in the database: $orders, with a PaymentIntent: $intents"
echo "-- app resident memory: $(ps -o rss= -p $APP | awk '{printf "%.0f MiB", $1/1024}')"
