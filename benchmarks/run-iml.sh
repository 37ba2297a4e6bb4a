#!/usr/bin/env bash
# Builds the JMH uber jar, runs the IML benchmarks (IML vs JSONata for Java vs raw Jackson) with bounded
# settings, prints ops/s with the iml/jsonata and iml/jackson ratios, and rewrites the "## IML engine"
# section of docs/benchmarks.md with the results. Needs a JDK 17+, python3 and the Maven wrapper.
#
#   benchmarks/run-iml.sh                 # build and run everything
#   JMH_ARGS="-f 1 -wi 1 -i 1" benchmarks/run-iml.sh   # quicker, noisier run
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

JMH_ARGS="${JMH_ARGS:--f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc}"
RESULTS="benchmarks/target/iml-results.json"
LOG="benchmarks/target/iml-results.txt"

./mvnw -q -pl benchmarks -am package -DskipTests

# shellcheck disable=SC2086
java -jar benchmarks/target/benchmarks.jar 'io.hookstream.benchmarks.ImlBenchmark' $JMH_ARGS \
  -rf json -rff "$RESULTS" | tee "$LOG"

CMD="java -jar benchmarks/target/benchmarks.jar 'io.hookstream.benchmarks.ImlBenchmark' $JMH_ARGS"
NPROC="$(nproc)"
JAVA_VERSION="$(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')"

python3 - "$RESULTS" "$LOG" "$CMD" "$NPROC" "$JAVA_VERSION" <<'PY'
import json, re, sys, datetime, pathlib

results_file, log_file, cmd, nproc, java_version = sys.argv[1:6]
results = json.load(open(results_file))

rows = {}
for r in results:
    name = r["benchmark"].rsplit(".", 1)[1]
    case, engine = name.rsplit("_", 1)
    m = r["primaryMetric"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    rows.setdefault(case, {})[engine] = (m["score"], m["scoreError"], alloc)

def fmt(x):
    return f"{x:,.0f}"

lines = []
lines.append("| case | engine | ops/s | ± (99.9%) | B/op |")
lines.append("|---|---|---:|---:|---:|")
for case in ["path", "interpolate", "date", "join", "iterate"]:
    for engine in ["iml", "jsonata", "jackson"]:
        if engine in rows.get(case, {}):
            s, e, a = rows[case][engine]
            lines.append(f"| {case} | {engine} | {fmt(s)} | {fmt(e)} | {'' if a is None else fmt(a)} |")
table = "\n".join(lines)

ratio_lines = ["| case | iml / jsonata | target | iml / jackson | target |", "|---|---:|---|---:|---|"]
summary = []
for case in ["path", "interpolate", "date", "join", "iterate"]:
    r = rows.get(case, {})
    if "iml" not in r:
        continue
    iml = r["iml"][0]
    vs_jsonata = iml / r["jsonata"][0] if "jsonata" in r else None
    vs_jackson = iml / r["jackson"][0] if "jackson" in r else None
    ok_j = "met (≥ 3×)" if vs_jsonata is not None and vs_jsonata >= 3 else "MISSED"
    ok_k = ("met (≥ 1/3)" if vs_jackson >= 1/3 else "MISSED") if vs_jackson is not None else ""
    ratio_lines.append(f"| {case} | {vs_jsonata:.1f}× | {ok_j} | "
                       + (f"{vs_jackson:.2f}× | {ok_k} |" if vs_jackson is not None else "– | |"))
    summary.append(f"{case}: iml/jsonata = {vs_jsonata:.1f}x" + (f", iml/jackson = {vs_jackson:.2f}x" if vs_jackson else ""))
ratios = "\n".join(ratio_lines)

raw = open(log_file).read()
m = re.search(r"^Benchmark\s+Mode.*", raw, re.M)
raw_table = raw[m.start():].strip() if m else "(no JMH summary found)"

section = f"""## IML engine

Run on {datetime.date.today().isoformat()} with `benchmarks/run-iml.sh`.

* Machine: `nproc` = {nproc}; `java -version`: {java_version}
* Command: `{cmd}`
* Inputs: one JSON body (a user, an order, a Unix-seconds timestamp and 100 items), converted once per engine
  in `@Setup`; every expression is compiled once. `iterate` evaluates `body.items` and then a three-property
  `output` per item (IML binds `item` with `EvalContext.with`); JSONata runs the equivalent
  `items.{{...}}` projection. The Jackson floor is `JsonNode.at(JsonPointer)` with a pre-compiled pointer.
* Design choices that set these numbers: closure compilation (one small final object per AST node),
  constant folding at compile time, dotted paths pre-split into one node with an `instanceof` fast path for
  object steps, and no per-evaluation allocation beyond one `Frame` (the 32 B/op of `path`). A quick
  5-iteration run before the object-step fast path measured `path_iml` at ~20 M ops/s with error bars
  wider than the value on a loaded machine, so its gain is not isolated rigorously.
* Error bars are JMH's 99.9% confidence intervals from a single fork on a shared 2-core machine where other
  builds may run; treat differences under ~20% as noise.

### Results

{table}

### Ratios (higher is better for IML)

{ratios}

### Raw JMH output

```
{raw_table}
```
"""

doc = pathlib.Path("docs/benchmarks.md")
doc.parent.mkdir(exist_ok=True)
text = doc.read_text() if doc.exists() else "# Benchmarks\n"
pattern = re.compile(r"^## IML engine\n.*?(?=^## |\Z)", re.S | re.M)
if pattern.search(text):
    text = pattern.sub(lambda _: section + "\n", text)
else:
    text = text.rstrip("\n") + "\n\n" + section
doc.write_text(text)
print("\n".join(summary))
print(f"wrote {doc}")
PY
