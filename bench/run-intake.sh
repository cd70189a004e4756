#!/usr/bin/env bash
# Builds OMEGA, starts it on its embedded defaults (Derby + embedded messaging) with a random bootstrap
# API key, measures the cold start, runs bench/IntakeBench.java against it and stops the server again
# (also on failure or Ctrl-C). See bench/README.md.
#
# Environment (all optional):
#   N=10000  C=32  WARMUP=500  DRAIN_TIMEOUT=300   passed to IntakeBench (--n --c --warmup --drain-timeout)
#   HTTP_PORT=9080                                  the server's HTTP port (server.xml reads HTTP_PORT)
#   OUT=bench/results/intake-<UTC timestamp>.json   where the JSON result goes
#   BENCH_FRESH_DB=1     1: a new, empty Derby database for this run (deleted afterwards) so runs compare;
#                        0: the server's default database (grows with every run)
#   BENCH_KEEP_DB=0      1: keep the fresh database directory for inspection
#   SKIP_BUILD=0         1: skip `mvn install` (reuse the last build; the server is still re-created)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

N="${N:-10000}"
C="${C:-32}"
WARMUP="${WARMUP:-500}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-300}"
PORT="${HTTP_PORT:-9080}"
BENCH_FRESH_DB="${BENCH_FRESH_DB:-1}"
BENCH_KEEP_DB="${BENCH_KEEP_DB:-0}"
SKIP_BUILD="${SKIP_BUILD:-0}"
READY_TIMEOUT_S=120

SERVER=omega
WLP="$ROOT/modules/app/target/liberty/wlp"
BASE="http://localhost:$PORT"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="${OUT:-bench/results/intake-$STAMP.json}"
START_LOG="$ROOT/modules/app/target/bench-server-start-$STAMP.log"

STARTED=0
START_PID=""
BENCH_PID=""
DB_DIR=""

log() { printf '[run-intake %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

now_ns() { date +%s%N; }

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$BENCH_PID" ]] && kill -0 "$BENCH_PID" 2>/dev/null; then
        log "ending the benchmark (pid $BENCH_PID)"
        kill -TERM "$BENCH_PID" 2>/dev/null || true
        wait "$BENCH_PID" 2>/dev/null || true
    fi
    if [[ "$STARTED" == 1 ]]; then
        log "stopping server $SERVER"
        "$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || log "warning: 'server stop $SERVER' failed"
    fi
    if [[ -n "$START_PID" ]] && kill -0 "$START_PID" 2>/dev/null; then
        wait "$START_PID" 2>/dev/null || true
    fi
    if [[ -n "$DB_DIR" && "$BENCH_KEEP_DB" != 1 && -d "$DB_DIR" ]]; then
        rm -rf -- "$DB_DIR"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v java >/dev/null || { log "java (17+) is not on PATH"; exit 1; }
command -v mvn >/dev/null || { log "mvn is not on PATH"; exit 1; }
command -v curl >/dev/null || { log "curl is not on PATH"; exit 1; }

# Never benchmark (or stop) somebody else's server.
if curl -s -o /dev/null --max-time 2 "$BASE/health/ready"; then
    log "something already answers on $BASE; stop it first (this script starts and stops its own server)"
    exit 1
fi
if [[ -x "$WLP/bin/server" ]] && "$WLP/bin/server" status "$SERVER" >/dev/null 2>&1; then
    log "Liberty server '$SERVER' in $WLP is already running; stop it first"
    exit 1
fi

# (1) build
if [[ "$SKIP_BUILD" != 1 ]]; then
    log "building: mvn -q -DskipTests install"
    mvn -q -DskipTests install
fi

# (2) lay out the server and start it with a known, random bootstrap key
log "creating server: mvn -q -pl modules/app liberty:create liberty:deploy"
mvn -q -pl modules/app liberty:create liberty:deploy

KEY="bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
export OMEGA_BOOTSTRAP_API_KEY="$KEY"
export HTTP_PORT="$PORT"
if [[ "$BENCH_FRESH_DB" == 1 ]]; then
    DB_DIR="$ROOT/modules/app/target/bench-db-$STAMP"
    export OMEGA_DB_URL="jdbc:derby:$DB_DIR;create=true"
    log "fresh Derby database: $DB_DIR"
fi

log "starting server: $WLP/bin/server start $SERVER"
STARTED=1
T0="$(now_ns)"
"$WLP/bin/server" start "$SERVER" >"$START_LOG" 2>&1 &
START_PID=$!

READY=0
DEADLINE=$((T0 + READY_TIMEOUT_S * 1000000000))
for _ in $(seq 1 $((READY_TIMEOUT_S * 20))); do   # bounded by count and by time
    if curl -sf -o /dev/null --max-time 2 "$BASE/health/ready"; then
        READY=1
        break
    fi
    (( $(now_ns) < DEADLINE )) || break
    sleep 0.1
done
T1="$(now_ns)"
COLD_START_S="$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"

if [[ "$READY" != 1 ]]; then
    log "server not ready within ${READY_TIMEOUT_S}s; last health answer:"
    curl -s --max-time 2 "$BASE/health/ready" >&2 || true
    echo >&2
    log "server start output ($START_LOG):"
    tail -n 20 "$START_LOG" >&2 || true
    log "messages.log tail:"
    tail -n 40 "$WLP/usr/servers/$SERVER/logs/messages.log" >&2 || true
    exit 1
fi
START_RC=0
wait "$START_PID" || START_RC=$?
START_PID=""
if [[ "$START_RC" != 0 ]]; then
    log "note: 'server start' exited with $START_RC although /health/ready answers 200"
fi
log "cold start: ${COLD_START_S} s (from 'server start' to the first 200 from /health/ready)"

# (3) the benchmark (the key travels in the environment, not on the command line)
GIT_REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
BENCH_RC=0
# in the background + wait, so that a TERM/INT to this script runs the trap at once (bash defers traps
# while a foreground child runs); the trap then ends the benchmark too
OMEGA_BENCH_KEY="$KEY" java "$ROOT/bench/IntakeBench.java" \
    --url "$BASE" --n "$N" --c "$C" --warmup "$WARMUP" --drain-timeout "$DRAIN_TIMEOUT" \
    --out "$OUT" \
    --meta "cold_start_s=$COLD_START_S" --meta "git=$GIT_REV" --meta "fresh_db=$BENCH_FRESH_DB" &
BENCH_PID=$!
wait "$BENCH_PID" || BENCH_RC=$?
BENCH_PID=""

echo "cold start: ${COLD_START_S} s (server start -> /health/ready 200)"
echo "result: $OUT (benchmark exit code $BENCH_RC)"
# (4) the EXIT trap stops the server
exit "$BENCH_RC"
