#!/usr/bin/env bash
# Checks the packaged app's shutdown as a load balancer sees it: after SIGTERM,
# readiness answers 503 at once while the API still answers for SHUTDOWN_DELAY,
# then the process exits within SHUTDOWN_DELAY + SHUTDOWN_TIMEOUT. Exits non-zero
# when it does not. Uses the bench helpers (a schema of its own, throwaway keys).
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

t0=$(date +%s%N)
kill -TERM "$APP"
ready_down_ms= last_api_ok_ms=0
while kill -0 "$APP" 2>/dev/null; do
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  ready=$(curl -s -o /dev/null -w "%{http_code}" --max-time 1 "http://127.0.0.1:$PORT/q/health/ready" || true)
  api=$(curl -s -o /dev/null -w "%{http_code}" --max-time 1 "http://127.0.0.1:$PORT/api/v1/regions" || true)
  [ -z "$ready_down_ms" ] && [ "$ready" = 503 ] && ready_down_ms=$ms
  [ "$api" = 200 ] && last_api_ok_ms=$ms
  [ "$ms" -gt 30000 ] && { echo "FAIL: still running 30 s after SIGTERM"; exit 1; }
  sleep 0.2
done
gone_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "readiness 503 after ${ready_down_ms:-never} ms; API answered 200 until ${last_api_ok_ms} ms; exited after ${gone_ms} ms"
[ -n "$ready_down_ms" ] && [ "$ready_down_ms" -lt 1000 ] || { echo "FAIL: readiness did not turn DOWN at once"; exit 1; }
[ "$last_api_ok_ms" -ge 4000 ] || { echo "FAIL: the API stopped serving before the shutdown delay ended"; exit 1; }
echo "OK"
