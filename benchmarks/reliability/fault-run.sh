#!/usr/bin/env bash
# Runs one fault scenario under load and reports what the senders were answered, when, and whether every accepted
# request became its bundles exactly once (read by a read_committed consumer, timed from each 2xx). Brokers and the
# killed router run in JVMs of their own so that they can be killed for real; the services and the load run in the
# driver's JVM (io.hookstream.e2e.FaultDriver in e2e-tests' test sources). Everything stays on 127.0.0.1, all state
# under benchmarks/target/reliability/, and the run ends by itself. Called by the scripts beside it:
#
#   broker-restart.sh   the only broker killed and restarted on its data
#   leader-kill.sh      3-node cluster: the node leading the raw topic's partition 0 killed, restarted later
#   router-kill.sh      two routers: one killed, not replaced
#
#   benchmarks/reliability/fault-run.sh --scenario router-kill --requests 3000 --rate 100 --stop-after 1000
#
# Exit code 0 when duplicates = 0 and missing = 0.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"

WORK="benchmarks/target/reliability/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$WORK"

# the services and the CLI as installed artifacts, then the e2e test classes and their class path
./mvnw -q -o -pl devstack,cli -am install -DskipTests
./mvnw -q -o -pl e2e-tests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$ROOT/$WORK/classpath.txt" -Dmdep.includeScope=test
CP="e2e-tests/target/test-classes:$(cat "$WORK/classpath.txt")"

echo "work dir: $WORK"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
set +e
java -Xmx1g -Djava.io.tmpdir="$WORK" -cp "$CP" io.hookstream.e2e.FaultDriver --work-dir "$WORK" "$@" \
  > "$WORK/driver.log" 2>&1
STATUS=$?
set -e
grep -E '^(RESULT|\|)' "$WORK/driver.log" || { echo "no result; see $WORK/driver.log"; exit 1; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); java -version: $(java -version 2>&1 | head -1); nproc: $(nproc)"
exit $STATUS
