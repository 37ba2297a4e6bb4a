#!/usr/bin/env bash
# A/B of the library hot paths (WebhookPipelineBenchmark: atEdge, process, parseRequest) between a base
# commit and the working tree, interleaved in one run so that both see the same machine.
#   benchmarks/run-pipeline-ab.sh [BASE_REF]        # default BASE_REF=HEAD
# Needs the load classpath (benchmarks/run-*.sh or `./mvnw -pl benchmarks -am package` builds it).
source "$(dirname "$0")/lib.sh"
BASE_REF="${1:-HEAD}"
ROUNDS="${ROUNDS:-2}"
JMH_ARGS="${JMH_ARGS:--f 1 -wi 2 -w 2s -i 4 -r 2s -prof gc}"
build
BASE="$WORK/base-src"
rm -rf "$BASE" && mkdir -p "$BASE"
git archive "$BASE_REF" | tar -x -C "$BASE"
(cd "$BASE" && "$ROOT/mvnw" -q ${MVN_ARGS:-} -pl iml,webhook-spec package -DskipTests)
JMH_CLASSES="$WORK/jmh-classes"
rm -rf "$JMH_CLASSES" && mkdir -p "$JMH_CLASSES"
javac -nowarn -d "$JMH_CLASSES" -cp "$CP" benchmarks/src/main/java/io/hookstream/benchmarks/WebhookPipelineBenchmark.java \
  benchmarks/src/main/java/io/hookstream/benchmarks/load/Fixtures.java
# the load classpath names the modules' jars in the local repository (or their target directories): both forms
BASE_IML="$(ls "$BASE"/iml/target/iml-*.jar | grep -v -- '-sources' | head -1)"
BASE_SPEC="$(ls "$BASE"/webhook-spec/target/webhook-spec-*.jar | grep -v -- '-sources' | head -1)"
BASE_CP="$(echo "$CP" | sed "s#$ROOT/iml/target/#$BASE/iml/target/#; s#$ROOT/webhook-spec/target/#$BASE/webhook-spec/target/#;
  s#[^:]*/io/hookstream/iml/[^:]*/iml-[^:]*\.jar#$BASE_IML#; s#[^:]*/io/hookstream/webhook-spec/[^:]*/webhook-spec-[^:]*\.jar#$BASE_SPEC#")"
[ "$BASE_CP" != "$CP" ] || { echo "the base classpath is the working tree's: nothing to compare" >&2; exit 1; }
: >"$WORK/pipeline-ab.txt"
for ((r = 1; r <= ROUNDS; r++)); do
  for side in base head; do
    if [ "$side" = base ]; then cp_="$BASE_CP"; else cp_="$CP"; fi
    echo "== round $r $side (load $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$WORK/pipeline-ab.txt"
    # shellcheck disable=SC2086
    timeout 600 java -cp "$JMH_CLASSES:$cp_" org.openjdk.jmh.Main WebhookPipelineBenchmark $JMH_ARGS 2>&1 \
      | grep -E '^WebhookPipelineBenchmark\.[a-zA-Z]+( |:gc.alloc.rate.norm)' | tee -a "$WORK/pipeline-ab.txt"
  done
done
