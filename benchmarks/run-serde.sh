#!/usr/bin/env bash
# The Avro serde every webhook goes through (the ingress encodes raw events, the router decodes them and encodes
# bundles) against Avro's own single-object encoder and decoder, which write the same bytes, in one JMH run;
# prints ops/s and the serde/baseline ratio of each operation.
#
#   benchmarks/run-serde.sh
#   JMH_ARGS="-f 1 -wi 1 -i 1" benchmarks/run-serde.sh   # quicker, noisier
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

JMH_ARGS="${JMH_ARGS:--f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc}"
RESULTS="benchmarks/target/serde-results.json"

[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -pl benchmarks -am package -DskipTests

# shellcheck disable=SC2086
java -jar benchmarks/target/benchmarks.jar 'io.hookstream.benchmarks.AvroSerdeBenchmark' $JMH_ARGS -rf json -rff "$RESULTS" \
  | grep -E '^(Benchmark|AvroSerdeBenchmark)'

python3 - "$RESULTS" <<'PY'
import json, sys
rows = {r["benchmark"].rsplit(".", 1)[1]: r for r in json.load(open(sys.argv[1]))}
print()
print("| operation | AvroSerde ops/s | Avro's message codec ops/s | ratio | B/op (serde / Avro) |")
print("|---|---:|---:|---:|---:|")
for op in ("encodeEvent", "decodeEvent", "encodeBundle"):
    ours, base = rows[op], rows[op + "Baseline"]
    alloc = lambda r: r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")  # noqa: E731
    a, b = alloc(ours), alloc(base)
    print(f"| {op} | {ours['primaryMetric']['score']:,.0f} | {base['primaryMetric']['score']:,.0f} | "
          f"{ours['primaryMetric']['score'] / base['primaryMetric']['score']:.2f} | "
          f"{'–' if a is None else f'{a:,.0f}'} / {'–' if b is None else f'{b:,.0f}'} |")
PY
