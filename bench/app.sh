# Shared by the bench scripts (source it): the packaged app on a schema of its
# own, with throwaway key pairs for JWTs (production refuses the development
# key) and for signing seller answers (production requires one), and without
# the per-client write limit (all load comes from one address).
#   bench_prepare PORT...   checks wrk and the ports, builds the app, sets PG* for psql
#   bench_start SCHEMA PORT drops SCHEMA, starts the app on it, waits until ready; stops it on exit
#   bench_launch SCHEMA PORT the same without dropping SCHEMA
#   bench_train_aot SCHEMA PORT records an AOT cache (JDK 25+) and adds it to JAVA_OPTS
#   bench_demo_catalog SCHEMA [UNITS]  loads the demo catalog into SCHEMA; with UNITS, every SKU gets that stock
#   bench_stripe_fake PORT  starts the tests' WireMock answering like Stripe (bench/stripe-fake) on PORT
#   bench_stop              stops what bench_start started (and $EXTRA_PIDS)

bench_prepare() {
  export PGHOST=${DB_HOST:-127.0.0.1} PGPORT=${DB_PORT:-5432} PGDATABASE=${DB_NAME:-postgres} PGUSER=${DB_USER:-postgres}
  [ -n "${DB_PASSWORD:-}" ] && export PGPASSWORD=$DB_PASSWORD
  command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
  ./mvnw -B -q package -DskipTests   # always the code as it is now
  # The app may run on another JDK than the build's (the image runs Java 25).
  [ -z "${BENCH_JAVA_HOME:-}" ] || export PATH=$BENCH_JAVA_HOME/bin:$PATH
  local port
  for port in "$@"; do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
      echo "port $port is already in use: stop what listens there or choose another port" >&2
      exit 1
    fi
  done
}

bench_start() {
  local schema=$1 port=$2
  PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 -c "drop schema if exists $schema cascade"
  bench_launch "$schema" "$port"
}

# The environment the packaged app runs with here: throwaway keys, made-up Stripe keys,
# SCHEMA and PORT. Exported, so the app started next (or deploy/aot-train.sh) sees it.
bench_env() {
  mkdir -p target/bench-jwt
  [ -f target/bench-jwt/public-key.pem ] || {
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out target/bench-jwt/private-key.pem 2>/dev/null
    openssl pkey -in target/bench-jwt/private-key.pem -pubout -out target/bench-jwt/public-key.pem
  }
  [ -f target/bench-jwt/seller-signing-key.pem ] ||
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out target/bench-jwt/seller-signing-key.pem 2>/dev/null
  # Production refuses to start without Stripe keys; these made-up ones reach no Stripe (the
  # checkout bench points STRIPE_API_BASE at a local fake).
  export JWT_ISSUER=storefront-bench JWT_PUBLIC_KEY_LOCATION=$PWD/target/bench-jwt/public-key.pem \
    DB_SCHEMA=$1 PORT=$2 SELLER_SIGNING_KEY_LOCATION=$PWD/target/bench-jwt/seller-signing-key.pem \
    WRITE_RATE_BURST=${WRITE_RATE_BURST:-1000000000} WRITE_RATE_PER_SECOND=${WRITE_RATE_PER_SECOND:-1000000000} \
    STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY:-sk_test_bench} STRIPE_WEBHOOK_SECRET=${STRIPE_WEBHOOK_SECRET:-whsec_bench}
}

# Starts the app on SCHEMA as it is (no drop), waits until ready; stops it on exit.
bench_launch() {
  local schema=$1 port=$2
  bench_env "$schema" "$port"
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > target/bench-app.log 2>&1 &
  APP=$!
  trap bench_stop EXIT
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { echo "app did not start; see target/bench-app.log" >&2; exit 1; }
}

# Records an AOT cache as a deployment's image build does (deploy/aot-train.sh) when this
# java can (JDK 25 or later), and has JAVA_OPTS use it; otherwise says so and does nothing.
bench_train_aot() {
  local schema=$1 port=$2 cache=$PWD/target/bench-app.aot
  if ! java -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput; then
    echo "-- no AOT cache: $(java -version 2>&1 | head -1) cannot write one (JDK 25 or later can)"
    return 0
  fi
  ( bench_env "$schema" "$port" && deploy/aot-train.sh target/quarkus-app "$cache" "$port" ) > target/bench-aot.log 2>&1 ||
    { echo "recording the AOT cache failed; see target/bench-aot.log" >&2; exit 1; }
  JAVA_OPTS="${JAVA_OPTS:-} -XX:AOTCache=$cache"
}

bench_demo_catalog() {
  PGOPTIONS="-c search_path=$1" psql -q -v ON_ERROR_STOP=1 -f src/main/resources/db/demo/R__demo_catalog.sql
  [ -z "${2:-}" ] || psql -q -c "update $1.stock set on_hand = $2"
}

bench_stripe_fake() {
  local port=$1 version wiremock
  version=$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' pom.xml)
  wiremock=${MAVEN_REPOSITORY:-$HOME/.m2/repository}/org/wiremock/wiremock-standalone/$version/wiremock-standalone-$version.jar
  [ -f "$wiremock" ] || { echo "missing $wiremock: run ./mvnw verify once" >&2; exit 1; }
  java -Xmx128m -jar "$wiremock" --port "$port" --bind-address 127.0.0.1 --root-dir bench/stripe-fake \
    --global-response-templating --no-request-journal --disable-banner > target/bench-stripe.log 2>&1 &
  EXTRA_PIDS="${EXTRA_PIDS:-} $!"
  export STRIPE_API_BASE=http://127.0.0.1:$port
}

bench_stop() {
  local pid
  for pid in ${EXTRA_PIDS:-}; do kill "$pid" 2>/dev/null || true; done
  kill "$APP" 2>/dev/null || return 0
  for _ in $(seq 1 20); do kill -0 "$APP" 2>/dev/null || return 0; sleep 0.5; done
  echo "app did not stop within 10 s of SIGTERM; killing it" >&2
  kill -9 "$APP" 2>/dev/null || true
}
