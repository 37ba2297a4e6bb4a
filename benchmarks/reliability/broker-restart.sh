#!/usr/bin/env bash
# Kills the Kafka broker under load and restarts it on the same data, then reports what the senders were answered
# and whether every accepted request became its bundle exactly once. The broker runs in its own JVM (LocalKafka's
# launcher) so that it can be killed for real; the three services and the load run in the driver's JVM
# (io.hookstream.e2e.BrokerRestartDriver in e2e-tests' test sources). Everything stays on 127.0.0.1, all state
# under benchmarks/target/reliability/, and the run ends by itself.
#
#   benchmarks/reliability/broker-restart.sh                      # 5,000 requests at 100/s, SIGKILL after 1,500, 10 s down
#   benchmarks/reliability/broker-restart.sh --signal TERM        # controlled shutdown instead of a kill
#   benchmarks/reliability/broker-restart.sh --requests 1000 --rate 50 --stop-after 300 --down-seconds 5
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
set +e
java -Xmx1g -Djava.io.tmpdir="$WORK" -cp "$CP" io.hookstream.e2e.BrokerRestartDriver --work-dir "$WORK" "$@" \
  > "$WORK/driver.log" 2>&1
STATUS=$?
set -e
grep -E '^(RESULT|\|)' "$WORK/driver.log" || { echo "no result; see $WORK/driver.log"; exit 1; }
echo "java -version: $(java -version 2>&1 | head -1); nproc: $(nproc)"
exit $STATUS
