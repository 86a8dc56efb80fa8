#!/usr/bin/env bash
# Checks the packaged app's shutdown as a load balancer sees it: after SIGTERM,
# readiness answers 503 at once while the API still answers for SHUTDOWN_DELAY,
# then the process exits within SHUTDOWN_DELAY + SHUTDOWN_TIMEOUT. A request that
# is still in flight when the delay ends (a cart whose body is uploaded slowly from
# 3 s to about 9 s) is answered and its cart stored; a request that still arrives
# after the delay is served with "Connection: close", so that its client opens its
# next connection elsewhere. Exits non-zero when any of it does not hold. Uses the
# bench helpers (a schema of its own, throwaway keys).
#
#   deploy/check-shutdown.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-8089}
SCHEMA=${BENCH_SCHEMA:-storefront_shutdown_check}
export SHUTDOWN_DELAY=5s SHUTDOWN_TIMEOUT=20s
source bench/app.sh
command -v wrk >/dev/null || wrk() { :; }   # bench_prepare checks for wrk; this check does not need it
bench_prepare "$PORT"
bench_start "$SCHEMA" "$PORT"
bench_demo_catalog "$SCHEMA"

# 60 kB of JSON (a cart, padded with spaces) sent at 10 kB/s: about 6 s in flight.
body=target/shutdown-inflight-body.json
{ head -c 60000 /dev/zero | tr '\0' ' '; printf '{"region": "US"}'; } > "$body"
inflight=target/shutdown-inflight

t0=$(date +%s%N)
kill -TERM "$APP"
ready_down_ms= last_api_ok_ms=0 inflight_pid= after_delay_status=
while kill -0 "$APP" 2>/dev/null; do
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  if [ -z "$inflight_pid" ] && [ "$ms" -ge 3000 ]; then
    inflight_start_ms=$ms
    curl -s -o "$inflight.json" -w "%{http_code} %{time_total}" --max-time 60 --limit-rate 10k -H 'Expect:' \
      -H 'Content-Type: application/json' --data-binary @"$body" "http://127.0.0.1:$PORT/api/v1/carts" \
      > "$inflight.status" &
    inflight_pid=$!
  fi
  ready=$(curl -s -o /dev/null -w "%{http_code}" --max-time 1 "http://127.0.0.1:$PORT/q/health/ready" || true)
  api=$(curl -s -o /dev/null -w "%{http_code}" --max-time 1 "http://127.0.0.1:$PORT/api/v1/regions" || true)
  [ -z "$ready_down_ms" ] && [ "$ready" = 503 ] && ready_down_ms=$ms
  [ "$api" = 200 ] && last_api_ok_ms=$ms
  if [ -z "$after_delay_status" ] && [ "$ms" -ge 6000 ]; then
    after_delay_status=$(curl -s -D - -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/api/v1/regions" |
      tr -d '\r' | awk 'NR == 1 { status = $2 } tolower($0) == "connection: close" { close_ = " closing" } END { print status close_ }')
  fi
  [ "$ms" -gt 30000 ] && { echo "FAIL: still running 30 s after SIGTERM"; exit 1; }
  sleep 0.2
done
gone_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
wait "$inflight_pid" || true
read -r inflight_status inflight_s < "$inflight.status" || true
cart=$(sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' "$inflight.json")
stored=$( [ -n "$cart" ] && psql -Atq -c "select count(*) from $SCHEMA.cart where id = '$cart'" || echo 0)
echo "readiness 503 after ${ready_down_ms:-never} ms; API answered 200 until ${last_api_ok_ms} ms; exited after ${gone_ms} ms"
echo "a request sent from ${inflight_start_ms} ms for ${inflight_s:-?} s answered ${inflight_status:-nothing} (cart stored: ${stored:-0}); a request at 6 s answered ${after_delay_status:-nothing}"
[ -n "$ready_down_ms" ] && [ "$ready_down_ms" -lt 1000 ] || { echo "FAIL: readiness did not turn DOWN at once"; exit 1; }
[ "$last_api_ok_ms" -ge 4000 ] || { echo "FAIL: the API stopped serving before the shutdown delay ended"; exit 1; }
[ "$inflight_status" = 201 ] && [ "$stored" = 1 ] || { echo "FAIL: the request in flight was not finished"; exit 1; }
[ "$after_delay_status" = "200 closing" ] || { echo "FAIL: a request after the delay was not served with Connection: close"; exit 1; }
echo "OK"
