#!/usr/bin/env bash
# The image build's training run (deploy/Dockerfile): starts the build stage's own
# throwaway PostgreSQL cluster, lets the API migrate it, loads the demo catalog, and
# has deploy/aot-train.sh record the AOT cache; then stops the cluster. Run as root.
#
#   deploy/aot-build.sh APP_DIR CACHE DEMO_DIR
#
# PG_VERSION and PG_CLUSTER name the cluster (default: the newest version, main) and
# DB_PORT its port (5432); JAVA_OPTS are the image's.
set -euo pipefail
app=$1 cache=$2 demo=$3
here=$(cd "$(dirname "$0")" && pwd)
version=${PG_VERSION:-$(ls /etc/postgresql | sort -V | tail -n 1)}
cluster=${PG_CLUSTER:-main}
export DB_HOST=127.0.0.1 DB_PORT=${DB_PORT:-5432} DB_NAME=postgres DB_USER=postgres DB_PASSWORD=training \
  DB_SCHEMA=storefront JWT_ISSUER=storefront-training \
  STRIPE_SECRET_KEY=sk_test_training STRIPE_WEBHOOK_SECRET=whsec_training

pg_ctlcluster "$version" "$cluster" start
keys=$(mktemp -d)
trap 'pg_ctlcluster "$version" "$cluster" stop; rm -rf "$keys"' EXIT
su postgres -c "psql -p $DB_PORT -q -c \"alter user postgres password 'training'\""

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/private.pem" 2>/dev/null
openssl pkey -in "$keys/private.pem" -pubout -out "$keys/public.pem"
export JWT_PUBLIC_KEY_LOCATION=$keys/public.pem SELLER_SIGNING_KEY_LOCATION=$keys/private.pem

# A first start migrates the schema (its cache is thrown away); with the demo catalog
# in place, the second start records the cache the image keeps.
"$here/aot-train.sh" "$app" "$keys/first.aot" 8080
PGPASSWORD=$DB_PASSWORD PGOPTIONS="-c search_path=$DB_SCHEMA,public" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" \
  -d "$DB_NAME" -q -v ON_ERROR_STOP=1 -f "$demo/R__demo_catalog.sql" -f "$demo/R__demo_stores_and_sellers.sql"
"$here/aot-train.sh" "$app" "$cache" 8080
