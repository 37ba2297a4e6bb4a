#!/usr/bin/env bash
# End-to-end latency at a fixed rate: the broker in its own JVM, the three services in another
# (HookstreamSystem: ingress, control plane, router), and an open-loop generator + trigger-topic consumer
# in a third. The app and a dedicated hook are registered through the control plane API (E2E_SETUP=direct
# writes them to the compacted topics instead). For each router
# commit interval in COMMITS the services are restarted and measured:
#   HTTP 200 -> first bundle of the request committed on the user's trigger topic (read_committed)
# Writes "## End to end" of docs/benchmarks.md and docs/img/e2e.png.
#
#   benchmarks/run-e2e.sh                       # 2000 req/s, 90 s warm-up, 30 s measured, commit 100, 20 and 10 ms
#   RATE=1000 DURATION=20 COMMITS="100" benchmarks/run-e2e.sh
source "$(dirname "$0")/lib.sh"

RATE="${RATE:-2000}"
WARMUP="${WARMUP:-90}"
DURATION="${DURATION:-30}"
# router commit.interval.ms values, one fresh system each; 10 is the router's default. The broker JVM lives
# through all of them, so the first cell also warms it up: 100 (least sensitive to a cold broker) goes first
COMMITS="${COMMITS:-100 20 10}"
STREAM_THREADS="${STREAM_THREADS:-1}"
RESULTS="$WORK/e2e-results.jsonl"

ensure_packages
build
rm -f "$RESULTS"
: >"$WORK/e2e-raw.txt"
start_broker

for commit in $COMMITS; do
  rm -rf "$WORK/e2e-state" "$WORK/system.ports"
  start_java "system-$commit" io.hookstream.benchmarks.load.SystemMain "$BOOTSTRAP" "$WORK/e2e-state" "$commit" \
    "$STREAM_THREADS" "$WORK/system.ports"
  SYSTEM_PID=$LAST_PID
  wait_for_line "$WORK/system-$commit.log" "system ready" 180
  INGRESS_PORT="$(sed -n 's/^ingress=//p' "$WORK/system.ports")"
  CONTROL_PORT="$(sed -n 's/^control=//p' "$WORK/system.ports")"
  load="$(quiet_machine)"
  echo "e2e at $RATE req/s, router commit interval $commit ms, load $load"
  timeout $((WARMUP + DURATION + 120)) java $JAVA_OPTS -cp "$CP" io.hookstream.benchmarks.load.E2eLoad \
    "http://127.0.0.1:$INGRESS_PORT" "http://127.0.0.1:$CONTROL_PORT" "$BOOTSTRAP" "$RATE" "$WARMUP" "$DURATION" \
    "$WORK/e2e-run.json" "commit ${commit} ms" >"$WORK/e2e-load-$commit.log" 2>&1 \
    || { echo "e2e load failed" >&2; tail -30 "$WORK/e2e-load-$commit.log" >&2; exit 1; }
  line="$(sed -n 's/^RESULT //p' "$WORK/e2e-load-$commit.log")"
  echo "{\"load\":$load,\"commit_ms\":$commit,\"result\":$line}" >>"$RESULTS"
  echo "RESULT $line" | tee -a "$WORK/e2e-raw.txt" | cut -c1-600
  kill "$SYSTEM_PID"; wait "$SYSTEM_PID" 2>/dev/null || true
done

"$PY" benchmarks/report.py e2e "$RESULTS" \
  --machine "$(machine_info)" --java "$(java_info)" --java-opts "$JAVA_OPTS" \
  --command "RATE=$RATE WARMUP=$WARMUP DURATION=$DURATION COMMITS='$COMMITS' STREAM_THREADS=$STREAM_THREADS benchmarks/run-e2e.sh" \
  --raw "$WORK/e2e-raw.txt"
