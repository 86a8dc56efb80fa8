#!/usr/bin/env bash
# Events out: a local receiver subscribed to every event type, then
#   1. the checkout bench's load (each checkout is a storefront.order.created),
#   2. a burst: 20,000 stores imported in one transaction (20,000 store.changed),
# reporting events delivered per second and the lag from an event's time to its
# receipt (p50, p99). Wake-on-notice as in production; the receiver is on this
# machine, so private targets are allowed for the run.
#
#   bench/events.sh                 # 32 shoppers for 30 s, then 20,000 stores
#   SHOPPERS=64 STORES=50000 bench/events.sh
#
# Needs wrk, node and the PostgreSQL the tests use; writes only to its own schema.
set -euo pipefail
cd "$(dirname "$0")/.."

SHOPPERS=${SHOPPERS:-32}
DURATION=${DURATION:-30s}
STORES=${STORES:-20000}
PORT=${BENCH_PORT:-8089}
STRIPE_PORT=${BENCH_STRIPE_PORT:-8090}
RECEIVER_PORT=${BENCH_RECEIVER_PORT:-8091}
SCHEMA=${BENCH_SCHEMA:-storefront_bench_events}
export JAVA_OPTS="${JAVA_OPTS:-} -Dstorefront.webhooks.allow-private-targets=true"
source bench/app.sh
bench_prepare "$PORT" "$STRIPE_PORT"
bench_stripe_fake "$STRIPE_PORT"
bench_start "$SCHEMA" "$PORT"
bench_demo_catalog "$SCHEMA" 10000000

node bench/events-receiver.js "$RECEIVER_PORT" &
RECEIVER=$!
trap 'kill $RECEIVER 2>/dev/null || true; bench_stop' EXIT
sleep 1
token=$(JWT_PRIVATE_KEY=target/bench-jwt/private-key.pem JWT_ISSUER=storefront-bench bin/dev-token ops-admin)
curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PORT/api/v1/admin/webhooks" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/events\",\"reason\":\"bench\"}"

stats() { curl -fsS "http://127.0.0.1:$RECEIVER_PORT/stats"; }
# Waits until the receiver has $1 events (or 60 s pass).
await_events() {
  for _ in $(seq 1 600); do
    [ "$(stats | sed 's/.*"count":\([0-9]*\).*/\1/')" -ge "$1" ] && return 0
    sleep 0.1
  done
}

echo "== $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), $SHOPPERS shoppers, $STORES stores"
wrk -t"$SHOPPERS" -c"$SHOPPERS" -d"$DURATION" -s bench/checkout.lua "http://127.0.0.1:$PORT" | grep -E 'checkouts'
orders=$(psql -Atq -c "select count(*) from $SCHEMA.customer_order")
await_events "$orders"
echo "-- during checkout: $orders orders, receiver: $(stats)"

curl -fsS -o /dev/null -X POST "http://127.0.0.1:$RECEIVER_PORT/reset"
csv=target/bench-events-stores.csv
psql -q -v ON_ERROR_STOP=1 -c "copy (
  select 'ev-bench-' || lpad(n::text, 6, '0') as id, 'Bench Store ' || n as name, 'AUTHORIZED_STORE' as kind,
         'SALES' as services, n || ' Bench Road' as address_line1, 'Beijing' as city, 'CN' as country,
         round((39.9 + (n % 100) * 0.001)::numeric, 5) as latitude, round((116.4 + (n / 100) * 0.001)::numeric, 5)
             as longitude, 'Asia/Shanghai' as time_zone,
         '10:00-22:00' as monday, '10:00-22:00' as tuesday, '10:00-22:00' as wednesday, '10:00-22:00' as thursday,
         '10:00-22:00' as friday, '10:00-22:00' as saturday, '10:00-22:00' as sunday
  from generate_series(1, $STORES) n) to stdout with (format csv, header)" > "$csv"
start=$(date +%s.%N)
curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @"$csv" \
  "http://127.0.0.1:$PORT/api/v1/admin/stores/import?reason=bench"
committed=$(date +%s.%N)
await_events "$STORES"
done_at=$(date +%s.%N)
echo "-- import committed in $(echo "$committed - $start" | bc) s; all $STORES events received" \
  "$(echo "$done_at - $committed" | bc) s after; receiver: $(stats)"
echo "-- app resident memory: $(ps -o rss= -p $APP | awk '{printf "%.0f MiB", $1/1024}')"
