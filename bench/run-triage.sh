#!/usr/bin/env bash
# Triage stage benchmark with only the local titan (docs/benchmarks.md, triage section): measures embedding-only
# throughput in-process (EmbeddingBench: the server's MiniLmEmbeddings, 1 and 2 threads), then starts the built
# server (modules/app/target/liberty/wlp) on its embedded defaults (fresh Derby, embedded messaging) with its own
# output directory and free ports, runs bench/TriageBench.java against it and stops it again (also on failure).
#
# Environment (all optional):
#   N=2000 TRAIN=2000 C=8 WARMUP=300 VIA=history   passed to TriageBench (VIA=train: /models/train, no memory)
#   CSV=../shared/datasets/endava-tickets-subset.csv
#   MVN_ARGS="-Dmaven.repo.local=..."     extra Maven arguments
#   SKIP_BUILD=0     1: reuse the last build and server layout (else mvn install + liberty:create/deploy)
#   OUT=bench/results/triage-<UTC timestamp>.json
#   SERVER_JVM_ARGS="-XX:StartFlightRecording=..."   JVM options of the measured server only (not of `server stop`)
#   MP_MESSAGING_INCOMING_TICKET_NORMALIZED_TRIAGE_CONSUMERS=2   tickets decided at a time (the server reads it)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${N:-2000}"; TRAIN="${TRAIN:-2000}"; C="${C:-8}"; WARMUP="${WARMUP:-300}"
CSV="${CSV:-$ROOT/../shared/datasets/endava-tickets-subset.csv}"
MVN_ARGS="${MVN_ARGS:-}"
SKIP_BUILD="${SKIP_BUILD:-0}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="${OUT:-bench/results/triage-$STAMP.json}"
WLP="$ROOT/modules/app/target/liberty/wlp"
SERVER=omega
export WLP_OUTPUT_DIR="$ROOT/modules/app/target/bench-triage-$STAMP"
STARTED=0

log() { printf '[run-triage %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1]); s.close()'; }

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ "$STARTED" == 1 ]]; then
        log "stopping the server"
        "$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || log "warning: server stop failed"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[[ -f "$CSV" ]] || { log "dataset $CSV not found: SKIPPED"; exit 0; }

if [[ "$SKIP_BUILD" != 1 ]]; then
    log "building: mvn -q -DskipTests install; laying out the server"
    mvn -q $MVN_ARGS -DskipTests install
    mvn -q $MVN_ARGS -pl modules/app liberty:create liberty:deploy
fi

log "embedding-only throughput (in-process, same MiniLmEmbeddings settings)"
EMB="$(mvn -q $MVN_ARGS -pl modules/titans test-compile exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=omega.titans.control.EmbeddingBench -Dexec.args="$CSV $N 2" 2>/dev/null | grep -o 'embedding-only.*')"
echo "$EMB"
EMB1="$(sed -n 's/.*threads=1 .* per_s=\([0-9.]*\).*/\1/p' <<<"$EMB")"
EMB2="$(sed -n 's/.*threads=2 .* per_s=\([0-9.]*\).*/\1/p' <<<"$EMB")"
EMBCPU="$(sed -n 's/.*threads=1 .*cpu_ms_per_text=\([0-9.]*\).*/\1/p' <<<"$EMB")"

PORT="$(free_port)"
export HTTP_PORT="$PORT" OMEGA_JMS_PORT="$(free_port)"
export OMEGA_BOOTSTRAP_API_KEY="bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
mkdir -p "$WLP_OUTPUT_DIR"
log "starting the server on port $PORT (output $WLP_OUTPUT_DIR)"
STARTED=1
JVM_ARGS="${SERVER_JVM_ARGS:-${JVM_ARGS:-}}" "$WLP/bin/server" start "$SERVER" >"$WLP_OUTPUT_DIR/start.log" 2>&1 || true
for _ in $(seq 1 600); do
    curl -sf -o /dev/null --max-time 2 "http://localhost:$PORT/health/ready" && break
    sleep 0.5
done
curl -sf -o /dev/null --max-time 2 "http://localhost:$PORT/health/ready" || { log "server not ready"; exit 1; }

LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
PIDFILE="$(find "$WLP_OUTPUT_DIR" -name "$SERVER.pid" 2>/dev/null | head -1)"
SERVER_PID="$(cat "$PIDFILE" 2>/dev/null || echo 0)"
OMEGA_BENCH_KEY="$OMEGA_BOOTSTRAP_API_KEY" java "$ROOT/bench/TriageBench.java" --url "http://localhost:$PORT" \
    --csv "$CSV" --n "$N" --train "$TRAIN" --c "$C" --warmup "$WARMUP" --via "${VIA:-history}" --out "$OUT" \
    --server-pid "$SERVER_PID" --meta "embedding_only_1t_per_s=$EMB1" --meta "embedding_only_2t_per_s=$EMB2" --meta "embedding_cpu_ms_per_text=$EMBCPU" \
    --meta "load_before=$LOAD" --meta "git=$(git rev-parse --short HEAD)"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg); result in $OUT"
"$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true
STARTED=0
log "embedding-only throughput again, with the server stopped (the machine's load changes during a run)"
mvn -q $MVN_ARGS -pl modules/titans exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=omega.titans.control.EmbeddingBench -Dexec.args="$CSV $N 2" 2>/dev/null | grep -o 'embedding-only.*'
log "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
