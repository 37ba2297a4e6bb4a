#!/usr/bin/env bash
# What recording each event's outcome (for the control plane's activity view) costs the router: the
# dedicated variant of the router benchmark with outcomes and without (hookstream.router.outcomes.enabled
# =false), against the two-bundle pass-through, interleaved round by round in one run on one broker.
#
#   benchmarks/run-outcomes-ab.sh                          # defaults below
#   EVENTS=200000 WARMUP_EVENTS=400000 ROUNDS=3 benchmarks/run-outcomes-ab.sh
#
# Prints events/s per cell and, per round, dedicated/pass-through with and without outcomes and their
# quotient (the share of throughput the outcomes leave).
source "$(dirname "$0")/lib.sh"

EVENTS="${EVENTS:-200000}"
WARMUP_EVENTS="${WARMUP_EVENTS:-400000}"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-1}"
COMMIT_MS="${COMMIT_MS:-10}"
RESULTS="$WORK/outcomes-ab.jsonl"

build
rm -f "$RESULTS"
start_broker

# round 0 warms the broker and is not recorded
for ((round = 0; round <= ROUNDS; round++)); do
  for cell in passthrough2 dedicated no-outcomes; do
    case "$cell" in
      passthrough2) variant=passthrough; opts="-Dbench.passthrough.bundles=2" ;;
      dedicated) variant=dedicated; opts="" ;;
      no-outcomes) variant=dedicated; opts="-Dbench.outcomes=false" ;;
    esac
    load="$(quiet_machine)"
    echo "round $round: $cell, load $load"
    name="outcomes-$cell-$round"
    EXTRA_JAVA_OPTS="$opts -Dbench.broker.pid=${BROKER_JAVA_PID:-}" \
      start_java "$name" io.hookstream.benchmarks.load.RouterBench "$BOOTSTRAP" "$variant" "$THREADS" \
      "$EVENTS" "$WARMUP_EVENTS" "$WORK" "$COMMIT_MS" "$WORK/outcomes-run.json"
    pid=$LAST_PID
    wait "$pid" || { echo "run $cell failed" >&2; tail -40 "$WORK/$name.log" >&2; exit 1; }
    line="$(sed -n 's/^RESULT //p' "$WORK/$name.log")"
    [ "$round" = 0 ] && continue
    echo "{\"round\":$round,\"cell\":\"$cell\",\"load\":$load,\"result\":$line}" >>"$RESULTS"
  done
done

"$PY" - "$RESULTS" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
by = {}
for r in rows:
    by.setdefault(r["round"], {})[r["cell"]] = r["result"]
print("| round | pass-through (2 bundles) events/s | dedicated events/s | without outcomes events/s | b/a | b/a without outcomes | with / without |")
print("|---:|---:|---:|---:|---:|---:|---:|")
ratios = []
for rnd in sorted(by):
    c = by[rnd]
    a, b, n = (c[k]["events_per_s"] for k in ("passthrough2", "dedicated", "no-outcomes"))
    ratios.append((b / a, n / a, b / n))
    print(f"| {rnd} | {a:,.0f} | {b:,.0f} | {n:,.0f} | {b/a:.2f} | {n/a:.2f} | {b/n:.2f} |")
med = [statistics.median(x) for x in zip(*ratios)]
print(f"| median | | | | {med[0]:.2f} | {med[1]:.2f} | {med[2]:.2f} |")
PY
