#!/usr/bin/env bash
# The activity API's answer times as hooks grow (ActivityBench): at 10k, 100k and 1M hooks, each with an
# outcome, and a hundred busy hooks with 150 outcomes each, a hook read (the baseline of the same size),
# a hook's events, its request log and an event by id, for hooks picked at random. Hooks and outcomes are
# written straight to their topics. The broker in its own JVM, the three services in another
# (SystemMain, with a heap large enough for a million hooks in the ingress's and the control plane's
# views), the client in a third.
#
#   benchmarks/run-activity.sh                               # 10k, 100k, 1M hooks; 300 samples; 2 rounds
#   SIZES=10000,100000 SAMPLES=300 ROUNDS=2 SYSTEM_HEAP=6g benchmarks/run-activity.sh
source "$(dirname "$0")/lib.sh"

SIZES="${SIZES:-10000,100000,1000000}"
SAMPLES="${SAMPLES:-300}"
ROUNDS="${ROUNDS:-2}"
SYSTEM_HEAP="${SYSTEM_HEAP:-6g}"
RESULTS="$WORK/activity-results.jsonl"

build
rm -f "$RESULTS"
start_broker
rm -rf "$WORK/activity-state" "$WORK/system.ports"
EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -Xms$SYSTEM_HEAP -Xmx$SYSTEM_HEAP" \
  start_java system io.hookstream.benchmarks.load.SystemMain "$BOOTSTRAP" "$WORK/activity-state" 100 1 "$WORK/system.ports"
wait_for_line "$WORK/system.log" "system ready" 180
# the JVM under the timeout that started it
SYSTEM_PID="$(pgrep -P "$LAST_PID" java || echo "$LAST_PID")"
CONTROL_PORT="$(sed -n 's/^control=//p' "$WORK/system.ports")"
load="$(quiet_machine)"
echo "activity: hooks $SIZES, $SAMPLES samples per phase, $ROUNDS rounds, load $load"
# shellcheck disable=SC2086
timeout 3600 java $JAVA_OPTS -cp "$CP" io.hookstream.benchmarks.load.ActivityBench \
  "http://127.0.0.1:$CONTROL_PORT" "$BOOTSTRAP" "$SIZES" "$SAMPLES" "$ROUNDS" >"$WORK/activity.log" 2>&1 \
  || { echo "activity load failed" >&2; tail -30 "$WORK/activity.log" >&2; exit 1; }
sed -n 's/^RESULT //p' "$WORK/activity.log" >"$RESULTS"
sed -n 's/^LOADED //p' "$WORK/activity.log"
# what the services' JVM holds after a full collection, with every hook loaded
jcmd "$SYSTEM_PID" GC.run >/dev/null 2>&1 && jcmd "$SYSTEM_PID" GC.heap_info 2>/dev/null | grep -m1 -i "used" || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

"$PY" - "$RESULTS" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| hooks | round | phase | n | p50 ms | p99 ms | max ms | p50 / hook read p50 |")
print("|---:|---:|---|---:|---:|---:|---:|---:|")
for r in rows:
    read = next(x for x in rows if x["hooks"] == r["hooks"] and x["round"] == r["round"] and x["phase"] == "hook read")
    print(f"| {r['hooks']:,} | {r['round']} | {r['phase']} | {r['n']} | {r['p50_us']/1000:.2f} | "
          f"{r['p99_us']/1000:.2f} | {r['max_us']/1000:.1f} | {r['p50_us']/max(read['p50_us'],1):.2f} |")
PY
