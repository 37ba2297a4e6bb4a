#!/usr/bin/env bash
# Router throughput against a real broker (its own JVM): for 1 and 2 stream threads, each variant in a
# fresh JVM with the same flags and the router's own Streams configuration (exactly_once_v2):
#   passthrough  raw event -> one bundle, same serdes (the ceiling)
#   floor        the same on a webhook whose directives never read the body: the router's cost apart from directives
#   dedicated    RouterTopology on dedicated-hook events: hook and app joins, iterate + output
#   shared       RouterTopology on shared-webhook events: iterate, uid, repartition, subscription index
# Writes "## Router" of docs/benchmarks.md and docs/img/router.png.
#
#   benchmarks/run-router.sh                      # defaults below
#   EVENTS=20000 THREADS_LIST="1" ROUNDS=1 benchmarks/run-router.sh
#   EXTRA_JAVA_OPTS=-Dbench.streams.producer.batch.size=65536 benchmarks/run-router.sh   # A/B of a Streams setting
#
# Repeated runs of one cell differ by 15-30 % on a shared 2-core machine, more than the effects measured, so
# every cell runs ROUNDS times, the rounds interleaved over the cells and the ratios taken within a round.
source "$(dirname "$0")/lib.sh"

EVENTS="${EVENTS:-400000}"           # measured events per run (pre-loaded)
# after 100,000 the JIT threads still took 7-9 us of the pass-through's 15 us per measured event; after 1,000,000, 2-3
WARMUP_EVENTS="${WARMUP_EVENTS:-1000000}"
THREADS_LIST="${THREADS_LIST:-1 2}"
VARIANTS="${VARIANTS:-passthrough floor dedicated shared}"
COMMIT_MS="${COMMIT_MS:-10}"          # the router's default commit interval
ROUNDS="${ROUNDS:-3}"
RESULTS="$WORK/router-results.jsonl"

ensure_packages
build
rm -f "$RESULTS"
: >"$WORK/router-raw.txt"
start_broker

# round 0 is not recorded: it warms the broker, whose JIT otherwise favours whichever cells run last (measured:
# the same 1-thread pass-through at 14,338 events/s in round 1 and 34,922 in round 2)
for ((round = 0; round <= ROUNDS; round++)); do
  for threads in $THREADS_LIST; do
    for variant in $VARIANTS; do
      [ "$round" = 0 ] && [ "$threads" != "${THREADS_LIST##* }" ] && continue
      load="$(quiet_machine)"
      echo "round $round: router $variant, $threads thread(s), load $load"
      name="router-$variant-$threads-$round"
      EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -Dbench.broker.pid=${BROKER_JAVA_PID:-}" \
        start_java "$name" io.hookstream.benchmarks.load.RouterBench "$BOOTSTRAP" "$variant" "$threads" \
        "$EVENTS" "$WARMUP_EVENTS" "$WORK" "$COMMIT_MS" "$WORK/router-run.json"
      pid=$LAST_PID
      rm -f "$WORK/router-run.json"
      wait "$pid" || { echo "router run $variant/$threads failed" >&2; tail -40 "$WORK/$name.log" >&2; exit 1; }
      grep -v '^RESULT' "$WORK/$name.log" | grep -E 'warm-up|WARN|ERROR' | head -5 || true
      line="$(sed -n 's/^RESULT //p' "$WORK/$name.log")"
      [ "$round" = 0 ] && { echo "warm-up run: $(echo "$line" | cut -c1-160)"; continue; }
      echo "{\"load\":$load,\"round\":$round,\"result\":$line}" >>"$RESULTS"
      echo "RESULT $line" | cut -c1-400 | tee -a "$WORK/router-raw.txt"
    done
  done
done

"$PY" benchmarks/report.py router "$RESULTS" \
  --machine "$(machine_info)" --java "$(java_info)" --java-opts "$JAVA_OPTS" \
  --command "EVENTS=$EVENTS WARMUP_EVENTS=$WARMUP_EVENTS THREADS_LIST='$THREADS_LIST' COMMIT_MS=$COMMIT_MS ROUNDS=$ROUNDS ${EXTRA_JAVA_OPTS:+EXTRA_JAVA_OPTS='$EXTRA_JAVA_OPTS' }benchmarks/run-router.sh" \
  --raw "$WORK/router-raw.txt"
