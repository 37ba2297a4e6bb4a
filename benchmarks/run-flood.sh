#!/usr/bin/env bash
# Accepted requests at a fixed rate, alone and while a flood of forged requests arrives, in alternating
# phases of one run (FloodBench): the latency of the accepted requests in both, and the records the flood
# leaves in the request log against the budget it is allowed. The broker in its own JVM, the three
# services in another (SystemMain), the generator in a third.
#
#   benchmarks/run-flood.sh                                  # 500 accepted req/s, 5,000 forged per 10 s phase, 3 rounds
#   RATE=1000 FLOOD=5000 SECONDS_PER_PHASE=10 ROUNDS=3 benchmarks/run-flood.sh
source "$(dirname "$0")/lib.sh"

RATE="${RATE:-500}"
FLOOD="${FLOOD:-5000}"
SECONDS_PER_PHASE="${SECONDS_PER_PHASE:-10}"
ROUNDS="${ROUNDS:-3}"
# the ingress's request-log budget (its defaults): the hook's own, and all unknown hook ids' together
PER_HOOK="${PER_HOOK:-10}"
UNKNOWN="${UNKNOWN:-20}"
RESULTS="$WORK/flood-results.jsonl"

build
rm -f "$RESULTS"
start_broker
rm -rf "$WORK/flood-state" "$WORK/system.ports"
EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -Dhookstream.ingress.request-log.per-hook-per-second=$PER_HOOK -Dhookstream.ingress.request-log.unknown-per-second=$UNKNOWN" \
  start_java system io.hookstream.benchmarks.load.SystemMain "$BOOTSTRAP" "$WORK/flood-state" 10 1 "$WORK/system.ports"
wait_for_line "$WORK/system.log" "system ready" 180
INGRESS_PORT="$(sed -n 's/^ingress=//p' "$WORK/system.ports")"
CONTROL_PORT="$(sed -n 's/^control=//p' "$WORK/system.ports")"
load="$(quiet_machine)"
echo "flood: $RATE accepted req/s, $FLOOD forged per ${SECONDS_PER_PHASE}s phase, $ROUNDS rounds, load $load"
# shellcheck disable=SC2086
timeout $(((ROUNDS * 2 + 1) * (SECONDS_PER_PHASE + 70) + 60)) java $JAVA_OPTS -cp "$CP" io.hookstream.benchmarks.load.FloodBench \
  "http://127.0.0.1:$INGRESS_PORT" "http://127.0.0.1:$CONTROL_PORT" "$BOOTSTRAP" "$RATE" "$SECONDS_PER_PHASE" \
  "$ROUNDS" "$FLOOD" hookstream.requests "$PER_HOOK" "$UNKNOWN" >"$WORK/flood-load.log" 2>&1 \
  || { echo "flood load failed" >&2; tail -30 "$WORK/flood-load.log" >&2; exit 1; }
sed -n 's/^RESULT //p' "$WORK/flood-load.log" >"$RESULTS"

"$PY" - "$RESULTS" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| round | phase | accepted 200 | other answers | p50 ms | p99 ms | max ms | forged sent | forged answers | forged answered within s | request-log records | budget |")
print("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|")
for r in rows:
    print(f"| {r['round']} | {r['phase']} | {r['accepted_ok']} | {r['accepted_other']} | {r['p50_us']/1000:.1f} | "
          f"{r['p99_us']/1000:.1f} | {r['max_us']/1000:.1f} | {r['forged_sent']} | {json.dumps(r['forged_statuses'])} | "
          f"{r['flood_answered_within_s'] or ''} | {r['log_records']} | {r['log_budget'] or ''} |")
ratios = {"p50": [], "p99": []}
for rnd in sorted({r["round"] for r in rows}):
    alone = next(r for r in rows if r["round"] == rnd and r["phase"] == "alone")
    flood = next(r for r in rows if r["round"] == rnd and r["phase"] == "flood")
    ratios["p50"].append(flood["p50_us"] / alone["p50_us"])
    ratios["p99"].append(flood["p99_us"] / alone["p99_us"])
print()
print("| ratio flood / alone (same round) | per round | median |")
print("|---|---|---:|")
for k, v in ratios.items():
    print(f"| {k} latency | {', '.join(f'{x:.2f}' for x in v)} | {statistics.median(v):.2f} |")
PY
