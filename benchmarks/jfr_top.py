"""Top frames of a JFR recording's execution samples.

    jfr_top.py RECORDING.jfr [N] [THREAD-SUBSTRING] [--measured-stream-threads] [--window FROM_MS TO_MS]

Prints the N (default 25) most sampled leaf frames (self time), the most sampled frames anywhere on the stack
(inclusive, one count per sample) among io.hookstream, Jackson, Avro, Kafka, Reactor/Netty and Spring code, and
the sample count per thread. Uses `jfr print --json` from the running JDK.

--measured-stream-threads keeps only the stream threads (not their producers) of the Kafka Streams client started
last, whose thread names carry its UUID: RouterBench, when it restarts its streams between the phases
(-Dbench.restart=true), runs a warm-up client and then the measured one in the same JVM.
--window keeps only the samples taken between two wall-clock times in epoch milliseconds: RouterBench prints its
clock's span as "clock_epoch_ms", so that the samples of the measured batch can be told from the warm-up's when
one client runs both.
"""
import collections
import datetime
import json
import re
import subprocess
import sys

CLIENT = re.compile(r"-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-")


def last_client(events):
    """The UUID of the Kafka Streams client that was sampled last to start (the measured one), or None."""
    first = {}
    for e in events:
        m = CLIENT.search((e["values"].get("sampledThread") or {}).get("javaName") or "")
        if m:
            first.setdefault(m.group(1), e["values"]["startTime"])
    return max(first, key=first.get) if first else None


def epoch_millis(iso):
    """Epoch milliseconds of a JFR time stamp such as 2026-11-23T01:54:37.826662907Z."""
    whole, _, frac = iso.rstrip("Z").partition(".")
    base = datetime.datetime.fromisoformat(whole).replace(tzinfo=datetime.timezone.utc)
    return int(base.timestamp() * 1000) + int((frac + "000")[:3])


def frame_name(f):
    m = f["method"]
    return (m["type"]["name"] + "." + m["name"]).replace("/", ".")


def main():
    argv = sys.argv[1:]
    window = None
    if "--window" in argv:
        i = argv.index("--window")
        window = (int(argv[i + 1]), int(argv[i + 2]))
        argv = argv[:i] + argv[i + 3:]
    args = [a for a in argv if a != "--measured-stream-threads"]
    path = args[0]
    n = int(args[1]) if len(args) > 1 else 25
    thread_filter = args[2] if len(args) > 2 else None
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    client = last_client(events) if "--measured-stream-threads" in sys.argv else None
    stream_thread = re.compile(r"-StreamThread-\d+$")
    leaf = collections.Counter()
    inclusive = collections.Counter()
    threads = collections.Counter()
    total = 0
    interesting = ("io.hookstream", "tools.jackson", "org.apache.avro", "org.apache.kafka", "reactor.", "io.netty",
                   "org.springframework", "javax.crypto", "com.sun.crypto", "java.util.regex")
    for e in events:
        v = e["values"]
        thread = (v.get("sampledThread") or {}).get("javaName") or "?"
        if thread_filter and thread_filter not in thread:
            continue
        if client and (client not in thread or not stream_thread.search(thread)):
            continue
        if window and not window[0] <= epoch_millis(v["startTime"]) <= window[1]:
            continue
        frames = (v.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        total += 1
        threads[thread.rstrip("0123456789-")] += 1
        leaf[frame_name(frames[0])] += 1
        seen = set()
        for f in frames:
            name = frame_name(f)
            if name.startswith(interesting) and name not in seen:
                seen.add(name)
                inclusive[name] += 1
    print(f"{total} execution samples" + (f" on threads matching '{thread_filter}'" if thread_filter else ""))
    print("\nthreads (samples):")
    for name, c in threads.most_common(8):
        print(f"  {100.0 * c / total:5.1f}%  {name}")
    print("\ntop frames, self:")
    for name, c in leaf.most_common(n):
        print(f"  {100.0 * c / total:5.1f}%  {name}")
    print("\ntop project frames, inclusive (io.hookstream):")
    for name, c in [(k, v) for k, v in inclusive.most_common() if k.startswith("io.hookstream") and "$$Lambda" not in k][:n]:
        print(f"  {100.0 * c / total:5.1f}%  {name}")
    print("\ntop library frames, inclusive (Jackson, Avro, Kafka, crypto, regex):")
    libs = ("tools.jackson", "org.apache.avro", "org.apache.kafka", "javax.crypto", "com.sun.crypto", "java.util.regex")
    for name, c in [(k, v) for k, v in inclusive.most_common() if k.startswith(libs) and "$$Lambda" not in k][:n]:
        print(f"  {100.0 * c / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
