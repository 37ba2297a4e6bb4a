#!/usr/bin/env bash
# A JFR profile of one router variant's measured stream threads:
#
#   benchmarks/profile-router.sh dedicated            # or passthrough, shared
#   EVENTS=800000 WARMUP_EVENTS=1000000 THREADS=1 benchmarks/profile-router.sh shared
#   JFC=my.jfc benchmarks/profile-router.sh dedicated   # other JFR settings, e.g. jdk.ThreadCPULoad every 500 ms
#
# RouterBench runs with a recording from JVM start (attaching one later throws compiled code away); the top
# frames are those of the stream threads within the measured batch's clock (jfr_top.py --window, from the
# result's clock_epoch_ms).
source "$(dirname "$0")/lib.sh"

VARIANT="${1:-dedicated}"
EVENTS="${EVENTS:-800000}"
WARMUP_EVENTS="${WARMUP_EVENTS:-1000000}"   # as run-router.sh: fewer leave the JIT compiling in the measured batch
THREADS="${THREADS:-1}"
COMMIT_MS="${COMMIT_MS:-10}"
TOP="${TOP:-40}"

build
start_broker
EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -XX:StartFlightRecording=filename=$WORK/router-$VARIANT.jfr,settings=${JFC:-profile},dumponexit=true -Dbench.broker.pid=${BROKER_JAVA_PID:-}" \
  start_java "router-profile-$VARIANT" io.hookstream.benchmarks.load.RouterBench "$BOOTSTRAP" "$VARIANT" "$THREADS" \
  "$EVENTS" "$WARMUP_EVENTS" "$WORK" "$COMMIT_MS" "$WORK/router-profile.json"
wait "$LAST_PID" || { echo "router run failed" >&2; tail -40 "$WORK/router-profile-$VARIANT.log" >&2; exit 1; }
result="$(sed -n 's/^RESULT //p' "$WORK/router-profile-$VARIANT.log")"
echo "$result" | cut -c1-600
window="$(echo "$result" | "$PY" -c 'import json, sys; print(*json.load(sys.stdin)["clock_epoch_ms"])')"
# shellcheck disable=SC2086 # two numbers
"$PY" "$(dirname "$0")/jfr_top.py" "$WORK/router-$VARIANT.jfr" "$TOP" StreamThread --window $window
