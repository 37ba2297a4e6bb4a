#!/usr/bin/env bash
# Ingress throughput and latency, five targets in one run on loopback, each hit by wrk with the same
# signed 1 KB JSON POST over 64 connections:
#   a0  nginx (Debian package) answering 200: the machine's HTTP ceiling
#   a   /noop on the ingress JVM: WebFlux reads the body and answers 200 (the framework ceiling)
#   a1  /noop-stored: the same, answered once the body is in Kafka with acks=all (the durable write alone)
#   b   a dedicated hook (github signature preset + JSON respond), published to Kafka with acks=all
#   c   the app's shared webhook, same directives
# The broker runs in its own JVM; the ingress alone in another, with the same flags. Then b and c are
# paced at half their maximum rate for the latency target. Writes "## Ingress" of docs/benchmarks.md
# and docs/img/ingress.png.
#
#   benchmarks/run-ingress.sh                          # defaults below
#   DURATION=10 ROUNDS=1 benchmarks/run-ingress.sh     # quicker, noisier
#   PROFILE=1 benchmarks/run-ingress.sh                # instead: JFR (profile settings) of the ingress JVM
#                                                      # during one b run; prints the top frames, no report
#
# The warm-up is long on purpose: on 2 cores the ingress JVM's C2 compiler needs about a minute of load
# (20+ CPU seconds) before the hook path reaches its steady rate; measured earlier, round 1 is mostly JIT.
# For the same reason JFR is started with the JVM, not attached later: starting a recording in a running
# JVM throws away compiled code, and a 15 s recording then profiles the interpreter.
source "$(dirname "$0")/lib.sh"

DURATION="${DURATION:-15}"     # seconds per measured wrk run
WARMUP="${WARMUP:-60}"         # seconds of unrecorded load per JVM target before the first round
ROUNDS="${ROUNDS:-3}"          # rounds over a0, a, a1, b, c; the spread across rounds is the error bar
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
PACED="${PACED:-20}"           # seconds of each half-rate run
RESULTS="$WORK/ingress-results.jsonl"

ensure_packages
build
rm -f "$RESULTS"
start_broker
java $JAVA_OPTS -cp "$CP" io.hookstream.benchmarks.load.IngressSetup "$BOOTSTRAP" "$WORK" >"$WORK/setup.log" 2>&1
# shellcheck disable=SC1091
source "$WORK/request.env"

NGINX_PORT="$(free_port)"
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_max_body_size 5m;
    location / { default_type text/plain; return 200 "Accepted"; }
  }
}
CONF
timeout "$MAX_LIFETIME" /usr/sbin/nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" >"$WORK/nginx.log" 2>&1 &
PIDS+=($!)

rm -f "$WORK/ingress.port"
if [ "${PROFILE:-0}" = 1 ]; then
  EXTRA_JAVA_OPTS="-XX:StartFlightRecording=name=ingress,settings=profile,maxsize=500m" \
    start_java ingress io.hookstream.benchmarks.load.IngressMain "$BOOTSTRAP" 0 "$WORK/ingress.port"
else
  start_java ingress io.hookstream.benchmarks.load.IngressMain "$BOOTSTRAP" 0 "$WORK/ingress.port"
fi
INGRESS_PID=$LAST_PID
wait_for_line "$WORK/ingress.log" "ingress ready" 120
INGRESS_PORT="$(cat "$WORK/ingress.port")"
echo "nginx on $NGINX_PORT, ingress on $INGRESS_PORT"

url_of() {
  case "$1" in
    a0) echo "http://127.0.0.1:$NGINX_PORT$PATH_DEDICATED" ;;
    a) echo "http://127.0.0.1:$INGRESS_PORT/noop" ;;
    a1) echo "http://127.0.0.1:$INGRESS_PORT/noop-stored" ;;
    b) echo "http://127.0.0.1:$INGRESS_PORT$PATH_DEDICATED" ;;
    c) echo "http://127.0.0.1:$INGRESS_PORT$PATH_SHARED" ;;
  esac
}
sig_of() {
  if [ "$1" = c ]; then echo "$SIG_SHARED"; else echo "$SIG_DEDICATED"; fi
}

# the request must be accepted before anything is measured
for t in b c; do
  code="$(curl -s -o "$WORK/check-$t.out" -w '%{http_code}' -X POST "$(url_of $t)" -H 'Content-Type: application/json' \
    -H "X-Hub-Signature-256: $(sig_of $t)" -H 'X-GitHub-Event: push' \
    -H 'X-GitHub-Delivery: 72d3162e-cc78-11e3-81ab-4c9367dc0958' --data-binary @"$WORK/body.json")"
  echo "check $t: HTTP $code $(cat "$WORK/check-$t.out")"
  [ "$code" = 200 ] || { echo "target $t does not accept the request" >&2; exit 1; }
done

# CPU seconds (user + system) of a process so far
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }
# all CPU seconds of the machine so far (every state but idle and iowait)
cpu_all() { awk -v hz="$(getconf CLK_TCK)" '/^cpu /{print ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat; }
INGRESS_JAVA="$(pgrep -P "$INGRESS_PID" java)"
BROKER_JAVA="$(pgrep -P "$BROKER_PID" java)"

# run_wrk TARGET PHASE ROUND SECONDS [PACE_MS]: one wrk run; its result line also holds the CPU seconds the
# ingress JVM, the broker JVM and the whole machine spent during it
run_wrk() {
  local target="$1" phase="$2" round="$3" seconds="$4" pace="${5:-}" load out i0 k0 m0
  load="$(quiet_machine)"
  i0="$(cpu_of "$INGRESS_JAVA")"; k0="$(cpu_of "$BROKER_JAVA")"; m0="$(cpu_all)"
  out="$(BODY_FILE="$WORK/body.json" SIGNATURE="$(sig_of "$target")" PACE_MS="$pace" \
    timeout $((seconds + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" -s benchmarks/wrk/post.lua "$(url_of "$target")")"
  echo "$out" >>"$WORK/wrk-raw.txt"
  local json
  json="$(echo "$out" | sed -n 's/^RESULT //p')"
  local cpu
  cpu="{\"ingress_s\":$("$PY" -c "print($(cpu_of "$INGRESS_JAVA") - $i0)"),\"broker_s\":$("$PY" -c "print($(cpu_of "$BROKER_JAVA") - $k0)"),\"machine_s\":$("$PY" -c "print($(cpu_all) - $m0)")}"
  echo "{\"target\":\"$target\",\"phase\":\"$phase\",\"round\":$round,\"load\":$load,\"pace_ms\":\"$pace\",\"cpu\":$cpu,\"result\":$json}" >>"$RESULTS"
  echo "$phase $target round $round (load $load): $(echo "$json" | "$PY" -c 'import json,sys; r=json.load(sys.stdin); e=r["errors_status"]+r["errors_timeout"]+r["errors_connect"]+r["errors_read"]; print("%.0f req/s p50 %.2f ms p99 %.2f ms p99.9 %.2f ms errors %d" % (r["rps"], r["p50_us"]/1e3, r["p99_us"]/1e3, r["p999_us"]/1e3, e))')"
}

: >"$WORK/wrk-raw.txt"
for t in a a1 b c; do run_wrk "$t" warmup 0 "$WARMUP"; done


if [ "${PROFILE:-0}" = 1 ]; then
  java_pid="$INGRESS_JAVA"
  broker_java="$BROKER_JAVA"
  : >"$WORK/ingress-profile.txt"
  for t in a b; do
    i0="$(cpu_of "$java_pid")"; k0="$(cpu_of "$broker_java")"; m0="$(cpu_all)"
    from="$(date -u +%H:%M:%S)"
    run_wrk "$t" profile 1 "$DURATION"
    if [ "$t" = b ]; then
      # only the window of this run, from the recording that runs since the JVM started
      jcmd "$java_pid" JFR.dump name=ingress filename="$WORK/ingress-b.jfr" begin="$from" end="$(date -u +%H:%M:%S)" >/dev/null
    fi
    i1="$(cpu_of "$java_pid")"; k1="$(cpu_of "$broker_java")"; m1="$(cpu_all)"
    req="$(tail -1 "$RESULTS" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["result"]["requests"])')"
    "$PY" -c "i=$i1-$i0; k=$k1-$k0; m=$m1-$m0; n=$req
print(f'CPU split for $t over {n} requests: ingress JVM {i:.1f} s ({1e6*i/n:.0f} us/req), broker {k:.1f} s ({1e6*k/n:.0f} us/req), '
      f'everything else (wrk, other builds) {m-i-k:.1f} s; machine busy {m:.1f} of {2*$DURATION} core-seconds')" | tee -a "$WORK/ingress-profile.txt"
  done
  "$PY" benchmarks/jfr_top.py "$WORK/ingress-b.jfr" 30 | tee -a "$WORK/ingress-profile.txt"
  exit 0
fi
for ((r = 1; r <= ROUNDS; r++)); do
  for t in a0 a a1 b c; do run_wrk "$t" max "$r" "$DURATION"; done
done

# half of each hook target's median maximum, paced per connection
for t in b c; do
  half="$("$PY" - "$RESULTS" "$t" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(statistics.median(r["result"]["rps"] for r in rows if r["phase"] == "max" and r["target"] == sys.argv[2]) / 2)
PY
)"
  pace="$("$PY" -c "print(round($CONNECTIONS * 1000 / $half, 3))")"
  run_wrk "$t" half 1 "$PACED" "$pace"
done

"$PY" benchmarks/report.py ingress "$RESULTS" \
  --machine "$(machine_info)" --java "$(java_info)" --java-opts "$JAVA_OPTS" \
  --command "DURATION=$DURATION WARMUP=$WARMUP ROUNDS=$ROUNDS CONNECTIONS=$CONNECTIONS THREADS=$THREADS PACED=$PACED benchmarks/run-ingress.sh" \
  --raw "$WORK/wrk-raw.txt" --body-bytes "$BODY_BYTES" --profile "${PROFILE:-0}" \
  --connections "$CONNECTIONS" --threads "$THREADS"
