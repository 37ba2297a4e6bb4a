# Shared by the run-*.sh scripts: build, classpath, one JVM flag set, a broker in its own process,
# load checks and cleanup of every process the script started. Source it; do not run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORK="${WORK:-$ROOT/benchmarks/target/load}"
mkdir -p "$WORK/tmp"
# the same flags for every JVM of every run (broker, services, load generators)
JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseG1GC -Djava.io.tmpdir=$WORK/tmp}"
# matplotlib comes from Debian's python3-matplotlib, hence the system interpreter
PY=/usr/bin/python3
# no process started here outlives this many seconds, whatever happens to the script
MAX_LIFETIME="${MAX_LIFETIME:-3600}"
PIDS=()

cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

ensure_packages() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  "$PY" -c 'import matplotlib' 2>/dev/null || missing+=(python3-matplotlib)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing ${missing[*]} from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build() {
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    ./mvnw -q ${MVN_ARGS:-} -pl benchmarks -am package -DskipTests
  fi
  CP="$(cat benchmarks/target/load-classpath.txt):$ROOT/benchmarks/target/classes"
}

# waits (up to LOAD_WAIT seconds) for the 1-minute load average to drop under LOAD_MAX; prints it
LOAD_MAX="${LOAD_MAX:-1.5}"
LOAD_WAIT="${LOAD_WAIT:-180}"
quiet_machine() {
  local waited=0 load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  while awk -v l="$load" -v m="$LOAD_MAX" 'BEGIN{exit !(l > m)}' && [ "$waited" -lt "$LOAD_WAIT" ]; do
    sleep 10; waited=$((waited + 10)); load="$(cut -d' ' -f1 /proc/loadavg)"
  done
  echo "$load"
}

# start_java NAME MAIN ARGS...: a JVM in the background with the shared flags, bounded by MAX_LIFETIME
start_java() {
  local name="$1"; shift
  local main="$1"; shift
  # shellcheck disable=SC2086
  timeout "$MAX_LIFETIME" java $JAVA_OPTS ${EXTRA_JAVA_OPTS:-} -cp "$CP" "$main" "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  LAST_PID=$!
}

# wait_for_line FILE PATTERN SECONDS
wait_for_line() {
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    if grep -q "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for '$2' in $1" >&2
  tail -30 "$1" >&2 || true
  return 1
}

start_broker() {
  rm -rf "$WORK/kafka"
  start_java broker io.hookstream.localkafka.LocalKafka --port 0 --data-dir "$WORK/kafka"
  BROKER_PID=$LAST_PID
  wait_for_line "$WORK/broker.log" "Kafka ready at" 90
  # the JVM under timeout, whose CPU time the router benchmark reads
  BROKER_JAVA_PID="$(pgrep -P "$BROKER_PID" java | head -1 || true)"
  BOOTSTRAP="$(sed -n 's/.*Kafka ready at \([^ ]*\).*/\1/p' "$WORK/broker.log" | head -1)"
  echo "broker at $BOOTSTRAP (pid $BROKER_PID)"
}

free_port() {
  "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

machine_info() {
  echo "nproc=$(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(free -g | awk '/Mem:/{print $2}') GiB RAM; $(uname -sr)"
}

java_info() {
  java -version 2>&1 | head -3 | tr '\n' ' ' | sed 's/ *$//'
}
