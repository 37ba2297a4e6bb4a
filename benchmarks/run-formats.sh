#!/usr/bin/env bash
# Router throughput by bundle format and consumer-topic codec, against today's Avro/lz4 in the same run: the
# dedicated variant of RouterBench (full topology, two bundles per event, one stream thread) for each cell, each in
# a fresh JVM on one broker, the rounds interleaved over the cells so that the machine's drift falls on every cell
# alike. Prints one RESULT line per run and a table of the medians with their ratio to avro/producer.
#
#   flock /tmp/hookstream-maven.lock benchmarks/run-formats.sh
#   EVENTS=40000 WARMUP_EVENTS=60000 ROUNDS=2 CELLS="avro:producer cloudevents-binary:gzip" benchmarks/run-formats.sh
#
# A cell is <format>:<codec>; codec "producer" keeps what the router's producer sends (lz4), as trigger topics were
# created before the codec setting existed.
source "$(dirname "$0")/lib.sh"

EVENTS="${EVENTS:-40000}"
WARMUP_EVENTS="${WARMUP_EVENTS:-60000}"
ROUNDS="${ROUNDS:-2}"
THREADS="${THREADS:-1}"
COMMIT_MS="${COMMIT_MS:-10}"
CELLS="${CELLS:-avro:producer cloudevents-binary:gzip cloudevents-binary:none cloudevents-structured:gzip cloudevents-structured:none}"
RESULTS="$WORK/formats-results.jsonl"

build
rm -f "$RESULTS"
start_broker

first_cell="${CELLS%% *}"
for ((round = 0; round <= ROUNDS; round++)); do
  for cell in $CELLS; do
    # round 0 warms the broker once, on the first cell only, and is not recorded
    [ "$round" = 0 ] && [ "$cell" != "$first_cell" ] && continue
    format="${cell%%:*}"
    codec="${cell##*:}"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    name="formats-$format-$codec-$round"
    EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -Dbench.broker.pid=${BROKER_JAVA_PID:-} -Dbench.format=$format -Dbench.consumer-compression=$codec" \
      start_java "$name" io.hookstream.benchmarks.load.RouterBench "$BOOTSTRAP" dedicated "$THREADS" \
      "$EVENTS" "$WARMUP_EVENTS" "$WORK" "$COMMIT_MS" "$WORK/formats-run.json"
    pid=$LAST_PID
    wait "$pid" || { echo "run $cell failed" >&2; tail -40 "$WORK/$name.log" >&2; exit 1; }
    line="$(sed -n 's/^RESULT //p' "$WORK/$name.log")"
    echo "round $round $cell load $load: $(echo "$line" | cut -c1-220)"
    [ "$round" = 0 ] && continue
    echo "{\"load\":$load,\"round\":$round,\"result\":$line}" >>"$RESULTS"
  done
done

"$PY" - "$RESULTS" <<'PYEOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
cells = {}
for r in rows:
    res = r["result"]
    key = (res["format"], res["consumer_compression"])
    cells.setdefault(key, []).append(res)
base = statistics.median(x["events_per_s"] * x["outputs_per_event"] for x in cells[("avro", "producer")])
print("| format | trigger-topic codec | bundles/s (median) | runs | vs avro/lz4 | bytes/bundle on disk | router CPU µs/event | broker CPU µs/event |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for (fmt, codec), xs in cells.items():
    rate = statistics.median(x["events_per_s"] * x["outputs_per_event"] for x in xs)
    shown = "producer (lz4)" if codec == "producer" else codec
    print(f"| {fmt} | {shown} | {rate:,.0f} | {len(xs)} | {rate / base:.2f} | "
          f"{statistics.median(x['out_bytes_per_bundle'] for x in xs):.0f} | "
          f"{statistics.median(x['router_cpu_us_per_event'] for x in xs):.0f} | "
          f"{statistics.median(x['broker_cpu_us_per_event'] for x in xs):.0f} |")
PYEOF
