#!/usr/bin/env bash
# Starts OMEGA from the last build (modules/app/target/liberty/wlp; run the README's build first) on a free port
# with a fresh Derby database, runs web-dashboard/e2e/bench.mjs against it, and stops it again.
#   N=50 LOAD=1000 RUNS=10 HTTP_PORT=9181 [OMEGA_JMS_PORT=9182] bench/run-dashboard.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${HTTP_PORT:-9181}"
OUT="$(mktemp -d /tmp/omega-bench-dashboard.XXXXXX)"
KEY="bench-key-$(date +%s%N)"
PASSWORD="bench-admin-$(date +%s%N)"
cleanup() {
  [[ -n "${PID:-}" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$OUT"
}
trap cleanup EXIT INT TERM
HTTP_PORT="$PORT" OMEGA_JMS_PORT="${OMEGA_JMS_PORT:-$((PORT + 1))}" WLP_OUTPUT_DIR="$OUT" OMEGA_BOOTSTRAP_API_KEY="$KEY" \
  OMEGA_BOOTSTRAP_ADMIN_PASSWORD="$PASSWORD" "$ROOT/modules/app/target/liberty/wlp/bin/server" run omega >"$OUT/console.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do
  curl -fs "http://localhost:$PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { cat "$OUT/console.log"; exit 1; }
  sleep 1
done
cd "$ROOT/web-dashboard"
node e2e/bench.mjs "http://localhost:$PORT" --key="$KEY" --tenant=demo --admin-email=admin@demo.local \
  --admin-password="$PASSWORD" --n="${N:-50}" --load="${LOAD:-1000}" --runs="${RUNS:-10}"
