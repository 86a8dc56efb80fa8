#!/usr/bin/env bash
# Records an ahead-of-time cache for the packaged API (JDK 25 or later): starts it
# with -XX:AOTCacheOutput, sends it a round of the requests shoppers send, and stops
# it; on exit the JVM writes the classes it loaded and linked, with their profiles,
# to CACHE. A later start with -XX:AOTCache=CACHE on the same JDK and jars, with the
# same collector, takes them from there (deploy/README.md, "Start-up and memory").
#
#   deploy/aot-train.sh APP_DIR CACHE [PORT]
#
# The API needs its usual environment (database, keys; JAVA_OPTS as in production)
# and a database it may migrate. With the demo catalog loaded more of the code runs,
# so more of it is cached; without it the requests still run, answering 404s.
set -euo pipefail
app=$1 cache=$2 port=${3:-8080}
base=http://127.0.0.1:$port

rm -f "$cache"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
PORT=$port java ${JAVA_OPTS:-} -XX:AOTCacheOutput="$cache" -jar "$app/quarkus-run.jar" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 1200); do
  curl -fs -o /dev/null "$base/q/health/ready" && break
  kill -0 "$pid" 2>/dev/null || { echo "aot-train: the API exited before it was ready" >&2; exit 1; }
  sleep 0.1
done
curl -fs -o /dev/null "$base/q/health/ready" || { echo "aot-train: the API was not ready after 120 s" >&2; exit 1; }

# Requests as shoppers and probes send them, a few rounds so the hot paths gather
# profiles. The answers do not matter here, only the code they run.
for _ in $(seq 1 20); do
  for path in /api/v1/regions /api/v1/regions/US "/api/v1/regions/resolve?country=DE" \
      "/api/v1/regions/US/products?limit=20" "/api/v1/regions/IN/products?limit=20" \
      /api/v1/regions/US/products/mi-band-8 /api/v1/regions/US/products/mi-band-8/availability \
      /api/v1/regions/US/products/no-such-product "/api/v1/flash-sales?region=IN" \
      "/api/v1/stores?near=48.85,2.35&radius=50" /api/v1/sellers/signing-keys \
      /q/health/ready /q/health/live /q/metrics; do
    curl -s -o /dev/null "$base$path" || true
  done
  cart=$(curl -s -H 'Content-Type: application/json' -d '{"region": "US"}' "$base/api/v1/carts" |
    sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p')
  if [ -n "$cart" ]; then
    curl -s -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{"quantity": 1}' \
      "$base/api/v1/carts/$cart/items/MI-BAND-8-BLACK" || true
    curl -s -o /dev/null "$base/api/v1/carts/$cart" || true
  fi
  curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"region": "XX"}' "$base/api/v1/carts" || true
done

# A normal stop: the JVM assembles the cache in a child process before it exits.
kill -TERM "$pid"
wait "$pid" || true
trap - EXIT
[ -s "$cache" ] || { echo "aot-train: no cache written to $cache (a JDK before 25?)" >&2; exit 1; }
echo "aot-train: wrote $cache ($(du -h "$cache" | cut -f1))"
