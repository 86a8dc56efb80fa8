#!/usr/bin/env bash
# Soak: mixed traffic at a steady pace for DURATION (browse 80 %, cart 15 %,
# checkout 5 %; bench/soak.lua) against the packaged app with -Xmx256m, with a
# PostgreSQL restart at RESTART_AT seconds. Reports throughput, latency, answers
# by kind, checkouts completed against orders stored (none lost, none doubled),
# and every SAMPLE_EVERY seconds the app's resident memory, heap in use and
# database connections, so leaks show as a trend. Also times a start on an
# existing schema, with an AOT cache recorded as the image build records it
# (deploy/aot-train.sh) when the app's JDK is 25 or later.
#
#   bench/soak.sh                                    # 16 shoppers, 100 ms apart, 10 min, restart at 5 min
#   DURATION=120 RESTART_AT=60 bench/soak.sh         # a short one
#   BENCH_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/soak.sh   # the app on the image's JDK
#
# JAVA_OPTS and MALLOC_ARENA_MAX default to what the image (deploy/Dockerfile) runs
# with under the manifests' 512Mi limit.
#
# Needs wrk and root (it restarts the local PostgreSQL cluster: do not run it
# beside anything else that uses that database). Writes only to its own schema.
set -euo pipefail
cd "$(dirname "$0")/.."

SHOPPERS=${SHOPPERS:-16}
export PACE_MS=${PACE_MS:-100}
DURATION=${DURATION:-600}
RESTART_AT=${RESTART_AT:-300}
SAMPLE_EVERY=${SAMPLE_EVERY:-30}
PORT=${BENCH_PORT:-8089}
STRIPE_PORT=${BENCH_STRIPE_PORT:-8090}
SCHEMA=${BENCH_SCHEMA:-storefront_bench_soak}
export JAVA_OPTS=${JAVA_OPTS:--Xmx256m -Xms64m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
source bench/app.sh
bench_prepare "$PORT" "$STRIPE_PORT"

bench_stripe_fake "$STRIPE_PORT"

# First start migrates a new schema; then the demo data and plenty of stock.
bench_start "$SCHEMA" "$PORT"
bench_demo_catalog "$SCHEMA" 10000000
kill "$APP"; while kill -0 "$APP" 2>/dev/null; do sleep 0.2; done
bench_train_aot "$SCHEMA" "$PORT"

# A start as a deployment's next pod sees it: schema in place.
t0=$(date +%s%N)
bench_launch "$SCHEMA" "$PORT"
t1=$(date +%s%N)
echo "== $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), JAVA_OPTS=$JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
echo "-- start to ready (existing schema): $(( (t1 - t0) / 1000000 )) ms; $(grep -o 'started in [0-9.]*s' target/bench-app.log)"

sample() {
  local rss heap conns
  rss=$(ps -o rss= -p "$APP" | awk '{printf "%.0f", $1/1024}')
  heap=$(curl -s "http://127.0.0.1:$PORT/q/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}')
  conns=$(psql -Atq -c "select count(*) from pg_stat_activity where backend_type = 'client backend'
                          and pid <> pg_backend_pid() and application_name <> 'psql'" 2>/dev/null || echo "-")
  echo "$1 $rss $heap $conns"
}
SAMPLES=target/soak-samples.txt
: > "$SAMPLES"
( start=$(date +%s); while sleep "$SAMPLE_EVERY"; do
    sample $(( $(date +%s) - start )) >> "$SAMPLES"
  done ) &
SAMPLER=$!
EXTRA_PIDS="$EXTRA_PIDS $SAMPLER"

wrk -t"$SHOPPERS" -c"$SHOPPERS" -d"${DURATION}s" --timeout 60s -s bench/soak.lua "http://127.0.0.1:$PORT" \
  > target/soak-wrk.txt &
WRK=$!
sleep "$RESTART_AT"
cluster=$(ls /etc/postgresql | sort -V | tail -n 1)
r0=$(date +%s%N)
pg_ctlcluster --skip-systemctl-redirect "$cluster" main restart -m fast
r1=$(date +%s%N)
until curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; do sleep 0.1; done
r2=$(date +%s%N)
echo "-- PostgreSQL restarted at ${RESTART_AT} s: down for $(( (r1 - r0) / 1000000 )) ms; the app ready again $(( (r2 - r1) / 1000000 )) ms after it was back"
wait "$WRK"
cat target/soak-wrk.txt

stored=$(psql -Atq -c "select count(*) from $SCHEMA.customer_order where email = 'soak@example.com'")
# An order per cart at most (customer_order.cart_id is unique): more stored than answered 201 means
# checkouts still in flight when wrk stopped; fewer would be orders lost.
echo "-- orders stored: $stored (against the checkouts answered 201 above)"
echo "-- seconds, resident MiB, heap MiB in use, database connections:"
cat "$SAMPLES"
grep -c ' ERROR ' target/bench-app.log | sed 's/^/-- ERROR lines in the app log: /'
