#!/usr/bin/env bash
# The control plane's answer times in one run (ControlPlaneBench): a hook read, a hook created one at a
# time, an app registered one at a time, and creates from concurrent clients. The broker in its own JVM,
# the three services in another (SystemMain), the client in a third.
#
#   benchmarks/run-control-plane.sh                          # 3 rounds, 300 one at a time, 5,000 from 16 clients
#   ROUNDS=3 SEQUENTIAL=300 CONCURRENT=5000 CLIENTS=16 USERS=100 benchmarks/run-control-plane.sh
source "$(dirname "$0")/lib.sh"

ROUNDS="${ROUNDS:-3}"
SEQUENTIAL="${SEQUENTIAL:-300}"
CONCURRENT="${CONCURRENT:-5000}"
CLIENTS="${CLIENTS:-16}"
USERS="${USERS:-100}"
RESULTS="$WORK/control-plane-results.jsonl"

build
rm -f "$RESULTS"
start_broker
rm -rf "$WORK/control-state" "$WORK/system.ports"
start_java system io.hookstream.benchmarks.load.SystemMain "$BOOTSTRAP" "$WORK/control-state" 100 1 "$WORK/system.ports"
wait_for_line "$WORK/system.log" "system ready" 180
CONTROL_PORT="$(sed -n 's/^control=//p' "$WORK/system.ports")"
load="$(quiet_machine)"
echo "control plane: $ROUNDS rounds, $SEQUENTIAL one at a time, $CONCURRENT from $CLIENTS clients, $USERS users, load $load"
# shellcheck disable=SC2086
timeout 1800 java $JAVA_OPTS -cp "$CP" io.hookstream.benchmarks.load.ControlPlaneBench \
  "http://127.0.0.1:$CONTROL_PORT" "$ROUNDS" "$SEQUENTIAL" "$CONCURRENT" "$CLIENTS" "$USERS" >"$WORK/control-plane.log" 2>&1 \
  || { echo "control-plane load failed" >&2; tail -30 "$WORK/control-plane.log" >&2; exit 1; }
sed -n 's/^RESULT //p' "$WORK/control-plane.log" >"$RESULTS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

"$PY" - "$RESULTS" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| round | phase | n | p50 ms | p99 ms | max ms | per s |")
print("|---:|---|---:|---:|---:|---:|---:|")
for r in rows:
    print(f"| {r['round']} | {r['phase']} | {r['n']} | {r['p50_us']/1000:.1f} | {r['p99_us']/1000:.1f} | "
          f"{r['max_us']/1000:.1f} | {r['per_s'] or '':} |")
print()
print("| ratio p50 / hook read p50 (same round) | per round | median |")
print("|---|---|---:|")
for phase in ("hook create", "app register"):
    v = []
    for rnd in sorted({r["round"] for r in rows}):
        read = next(r for r in rows if r["round"] == rnd and r["phase"] == "hook read")
        w = next(r for r in rows if r["round"] == rnd and r["phase"] == phase)
        v.append(w["p50_us"] / max(read["p50_us"], 1))
    print(f"| {phase} | {', '.join(f'{x:.1f}' for x in v)} | {statistics.median(v):.1f} |")
PY
