#!/usr/bin/env bash
# Starts the packaged jar with --demo on a fresh home directory and database, then reads
# the demo task with curl and with the reference's Ruby example, exactly as the README
# shows. Needs target/task-results.jar (./mvnw package), curl, ruby and PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/.."

jar=target/task-results.jar
[ -f "$jar" ] || { echo "client-smoke: $jar is missing: run ./mvnw package first"; exit 1; }
for tool in curl ruby psql; do
  command -v "$tool" >/dev/null || { echo "client-smoke: $tool is not installed"; exit 1; }
done

pg_url=${TEST_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}
pg_host=$(sed -E 's#jdbc:postgresql://([^:/]+).*#\1#' <<<"$pg_url")
pg_port=$(sed -E 's#jdbc:postgresql://[^:/]+:?([0-9]*)/.*#\1#' <<<"$pg_url"); pg_port=${pg_port:-5432}
pg_user=${TEST_DATABASE_USERNAME:-postgres}
database="task_results_smoke_$$"
home=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
seed=../shared/tools/seed_client.rb
[ -f "$seed" ] || seed=scripts/fetch_results.rb

cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  PGPASSWORD=${TEST_DATABASE_PASSWORD:-} psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres \
    -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$home"
}
trap cleanup EXIT

PGPASSWORD=${TEST_DATABASE_PASSWORD:-} psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres \
  -c "CREATE DATABASE $database" >/dev/null || exit 1
SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$database" \
SPRING_DATASOURCE_USERNAME="$pg_user" SPRING_DATASOURCE_PASSWORD="${TEST_DATABASE_PASSWORD:-}" \
TASK_RESULTS_HOME="$home" SERVER_PORT="$port" TASK_RESULTS_HOST_NAMES=results.example.test,10.9.8.7 \
  java -jar "$jar" --demo >"$home/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  grep -q "Ready: https://localhost:$port" "$home/server.log" && break
  kill -0 "$server" 2>/dev/null || break
  sleep 1
done

passed=0 failed=0
check() { # name, command output, expected substring
  if [[ "$2" == *"$3"* ]]; then passed=$((passed + 1)); echo "ok - $1"
  else failed=$((failed + 1)); echo "not ok - $1"; echo "$2" | head -c 2000; echo; fi
}
expected='{"success":true,"count":30,"page":1,"per_page":10,"items":[{"published_at":1421660484000,"buckets":[{"name":"height: 140","value":20},{"name":"height: 160","value":35}],"exceptions":[]}'

check "server became ready" "$(cat "$home/server.log")" "Ready: https://localhost:$port"
check "curl with the demo key" \
  "$(curl -sS --cert-type P12 --cert "$home/keys/demo.p12:demo" --cacert "$home/pki/ca.crt" \
      "https://localhost:$port/api/task_results/1" 2>&1)" "$expected"
check "curl without a key gets 401 in the envelope" \
  "$(curl -sS --cacert "$home/pki/ca.crt" "https://localhost:$port/api/task_results/1" 2>&1)" \
  '{"success":false,"error":"Missing authentication key."}'
check "the reference's Ruby example ($seed)" \
  "$(ruby "$seed" "$home/keys/demo.p12" demo "https://localhost:$port/api/task_results/1" 2>&1)" "200
$expected"
check "the Ruby example pages" \
  "$(ruby "$seed" "$home/keys/demo.p12" demo "https://localhost:$port/api/task_results/1?page=3&per_page=10" 2>&1)" \
  '"count":30,"page":3,"per_page":10'
check "openssl reads the admin key without -legacy" \
  "$(openssl pkcs12 -in "$home/keys/admin.p12" -passin "file:$home/keys/admin.password" -nokeys 2>&1)" \
  "CN = admin"
check "the server certificate covers the configured host names" \
  "$(openssl x509 -in "$home/pki/server.crt" -noout -ext subjectAltName 2>&1)" \
  "DNS:localhost, IP Address:127.0.0.1, DNS:results.example.test, IP Address:10.9.8.7"
if grep -qF -- "$(cat "$home/keys/admin.password" 2>/dev/null || echo no-password-file)" "$home/server.log"; then
  failed=$((failed + 1)); echo "not ok - the admin password appears in the log"
else
  passed=$((passed + 1)); echo "ok - the admin password never appears in the log"
fi

echo "client-smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
