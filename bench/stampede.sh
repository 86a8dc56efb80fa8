#!/usr/bin/env bash
# The flash-sale stampede at full size: FlashSaleStampedeTest with 1,000 units,
# 200 concurrent clients and 20,000 claims from 4,000 customers (the suite runs
# the same test at a quarter of that). Passes or fails as the test does.
#
#   bench/stampede.sh                        # 1,000 units, 200 clients
#   UNITS=5000 CLIENTS=400 bench/stampede.sh
#
# Needs the PostgreSQL the tests use (it runs in the tests' schema).
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=${UNITS:-1000}
CLIENTS=${CLIENTS:-200}
start=$(date +%s)
./mvnw -B -q verify -Dtest=FlashSaleStampedeTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dstampede.units="$UNITS" -Dstampede.clients="$CLIENTS"
grep -h "Tests run" target/surefire-reports/storefront.flashsale.FlashSaleStampedeTest.txt
echo "-- $UNITS units, $CLIENTS clients, $((UNITS * 4 * 5)) claims: passed in $(( $(date +%s) - start )) s (build and start included)"
