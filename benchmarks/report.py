"""Turns the results of the run-*.sh scripts into sections of docs/benchmarks.md and PNG plots.

    report.py ingress RESULTS.jsonl --machine ... --java ... --java-opts ... --command ... --raw FILE
    report.py router  RESULTS.jsonl ...
    report.py e2e     RESULTS.jsonl ...

Each call rewrites one section ("## Ingress", "## Router", "## End to end") and leaves the others alone.
"""
import argparse
import datetime
import json
import pathlib
import re
import statistics

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

DOC = pathlib.Path("docs/benchmarks.md")
IMG = pathlib.Path("docs/img")


def write_section(title, body):
    text = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
    section = f"## {title}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.write_text(text.rstrip("\n") + "\n")
    print(f"wrote section '{title}' of {DOC}")


def load(path):
    return [json.loads(line) for line in open(path) if line.strip()]


def fmt(x, digits=0):
    return f"{x:,.{digits}f}"


def ms(us):
    return us / 1000.0


def verdict(ok):
    return "met" if ok else "**missed**"


def header(args, script):
    return (f"Run on {datetime.date.today().isoformat()} with `{args.command}`.\n\n"
            f"* Machine: {args.machine}\n"
            f"* JVM: {args.java}; flags for every JVM: `{args.java_opts}`\n")


# ---------------------------------------------------------------- ingress

def ingress(args):
    rows = load(args.results)
    maxes = [r for r in rows if r["phase"] == "max"]
    targets = ["a0", "a", "a1", "b", "c"]
    names = {"a0": "a0 nginx 200 (HTTP ceiling)", "a": "a WebFlux no-op (framework ceiling)",
             "a1": "a1 WebFlux no-op that stores the body (acks=all)", "b": "b dedicated hook", "c": "c shared webhook"}
    by = {t: [r["result"] for r in maxes if r["target"] == t] for t in targets}
    med = {t: statistics.median(x["rps"] for x in by[t]) for t in targets if by[t]}
    rounds = sorted({r["round"] for r in maxes})

    def per_round_ratio(num, den):
        vals = []
        for rd in rounds:
            n = [r["result"]["rps"] for r in maxes if r["target"] == num and r["round"] == rd]
            d = [r["result"]["rps"] for r in maxes if r["target"] == den and r["round"] == rd]
            if n and d:
                vals.append(n[0] / d[0])
        return vals

    lines = ["| target | req/s (median) | min – max over rounds | p50 ms | p99 ms | p99.9 ms | errors |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for t in targets:
        if not by[t]:
            continue
        rs = [x["rps"] for x in by[t]]
        p = lambda k: statistics.median(ms(x[k]) for x in by[t])  # noqa: E731
        errs = sum(x["errors_status"] + x["errors_timeout"] + x["errors_connect"] + x["errors_read"] + x["errors_write"]
                   for x in by[t])
        lines.append(f"| {names[t]} | {fmt(med[t])} | {fmt(min(rs))} – {fmt(max(rs))} | {p('p50_us'):.2f} | "
                     f"{p('p99_us'):.2f} | {p('p999_us'):.2f} | {errs} |")
    table = "\n".join(lines)

    ratio_lines = ["| ratio | value (medians) | per-round range | target | |", "|---|---:|---:|---|---|"]
    summary = []
    for num, den, target in [("b", "a", 0.8), ("c", "a", None), ("b", "a0", 0.25), ("a", "a0", None), ("a1", "a", None),
                             ("b", "a1", None)]:
        if num in med and den in med:
            v = med[num] / med[den]
            pr = per_round_ratio(num, den)
            rng = f"{min(pr):.2f} – {max(pr):.2f}" if pr else ""
            tgt = f"≥ {target}" if target else "–"
            ok = verdict(v >= target) if target else ""
            ratio_lines.append(f"| {num}/{den} | {v:.2f} | {rng} | {tgt} | {ok} |")
            summary.append(f"{num}/{den} = {v:.2f}")
    ratios = "\n".join(ratio_lines)

    # CPU per request during the maximum-rate runs: where the machine's two cores went
    cpu_lines = ["| target | ingress JVM µs/request | broker JVM µs/request | whole machine µs/request (wrk, kernel, nginx included) |",
                 "|---|---:|---:|---:|"]
    for t in targets:
        cpus = [(r["cpu"], r["result"]["requests"]) for r in maxes if r["target"] == t and "cpu" in r and r["result"]["requests"]]
        if not cpus:
            continue
        per = lambda k: statistics.median(1e6 * c[k] / n for c, n in cpus)  # noqa: E731
        ingress_cell = "–" if t == "a0" else f"{per('ingress_s'):.0f}"
        cpu_lines.append(f"| {names[t]} | {ingress_cell} | {per('broker_s'):.0f} | {per('machine_s'):.0f} |")
    cpu_table = "\n".join(cpu_lines)

    halves = [r for r in rows if r["phase"] == "half"]
    half_lines = ["| target | paced at (mean gap per connection) | achieved req/s | p50 ms | p99 ms | p99.9 ms | max ms | target p99 ≤ 15 ms |",
                  "|---|---:|---:|---:|---:|---:|---:|---|"]
    for h in halves:
        x = h["result"]
        half_lines.append(f"| {names[h['target']]} | {float(h['pace_ms']):.2f} ms | {fmt(x['rps'])} | {ms(x['p50_us']):.2f} | "
                          f"{ms(x['p99_us']):.2f} | {ms(x['p999_us']):.2f} | {ms(x['max_us']):.1f} | "
                          f"{verdict(ms(x['p99_us']) <= 15) if h['target'] == 'b' else ''} |")
        summary.append(f"{h['target']} at {x['rps']:.0f} req/s: p99 {ms(x['p99_us']):.2f} ms")
    half = "\n".join(half_lines)
    loads = sorted(r["load"] for r in rows)

    # plot: throughput bars with min-max whiskers; latency percentiles at max and at half rate
    IMG.mkdir(parents=True, exist_ok=True)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.8))
    present = [t for t in targets if by[t]]
    vals = [med[t] for t in present]
    lo = [med[t] - min(x["rps"] for x in by[t]) for t in present]
    hi = [max(x["rps"] for x in by[t]) - med[t] for t in present]
    colors = {"a0": "#888888", "a": "#4c72b0", "a1": "#8172b3", "b": "#dd8452", "c": "#55a868"}
    ax1.bar(present, vals, yerr=[lo, hi], capsize=6, color=[colors[t] for t in present])
    for i, v in enumerate(vals):
        ax1.text(i, v, f"{v:,.0f}", ha="center", va="bottom", fontsize=9)
    ax1.set_title(f"Ingress max throughput ({args.connections} connections, 1 KB POST)")
    ax1.set_ylabel("requests/s (median of rounds; whiskers min–max)")
    ax1.set_xticks(range(len(present)))
    short = {"a0": "a0 nginx", "a": "a no-op", "a1": "a1 no-op stored", "b": "b dedicated", "c": "c shared"}
    ax1.set_xticklabels([short[t] for t in present])
    groups = [(f"{t} max", by[t]) for t in present] + [(f"{h['target']} half", [h["result"]]) for h in halves]
    width = 0.25
    for k, (key, label) in enumerate([("p50_us", "p50"), ("p99_us", "p99"), ("p999_us", "p99.9")]):
        ys = [statistics.median(ms(x[key]) for x in g) for _, g in groups]
        ax2.bar([i + (k - 1) * width for i in range(len(groups))], ys, width, label=label)
    ax2.axhline(15, color="red", linestyle="--", linewidth=1, label="15 ms (target at half rate)")
    ax2.set_yscale("log")
    ax2.set_xticks(range(len(groups)))
    ax2.set_xticklabels([g for g, _ in groups], rotation=20)
    ax2.set_ylabel("latency ms (log)")
    ax2.set_title("Ingress latency: at max rate and paced at half of it")
    ax2.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(IMG / "ingress.png", dpi=110)

    raw = open(args.raw).read().strip() if args.raw else ""
    body = header(args, "run-ingress.sh") + f"""\
* Processes: the broker (`LocalKafka`, KRaft, one node) in its own JVM; the ingress alone in a second JVM
  (`IngressApplication` plus the `/noop` and `/noop-stored` routes added to the same context, so that a, a1 and b
  share server, event loops and JIT); nginx from Debian's package (`worker_processes auto`, `return 200`); wrk
  (`-t{args.threads} -c{args.connections}`) on the same machine. The ingress runs without the router and the
  control plane so that their CPU does not show up in the HTTP numbers; hook and app are written straight to
  the compacted topics with the production Avro serdes.
* Request: the same {args.body_bytes}-byte JSON POST with a GitHub `X-Hub-Signature-256` for every target.
  b is a dedicated hook whose spec checks the `github` signature preset and renders a JSON `respond`; c is
  the app's shared webhook with the same directives; both wait for `acks=all` before answering. a1 is not a
  target of the issue: a reads the body and answers, a1 also writes the body as it came to a topic of as many
  partitions with the ingress's producer settings (`acks=all`, idempotent, lz4, 1 ms linger) and answers once
  the broker acknowledged it. It is what the brief's "answered only after the raw event is durably in Kafka"
  costs on its own, without hook, signature, JSON check, respond or Avro: a1/a bounds b/a, and b/a1 is what
  the webhook logic itself costs.
* Rounds: a warm-up of every JVM target, then {len(rounds)} rounds of a0, a, a1, b, c, interleaved so that a drift of
  the machine hits all of them. The 1-minute load average before each run was {loads[0]:.2f} – {loads[-1]:.2f}.
* Half rate: b and c paced at half their median maximum by a per-connection exponential think time
  (wrk's `delay()`); wrk is closed-loop, so a stall delays the next request of that connection and the
  percentiles under-count queueing (coordinated omission); the achieved rate is what counts.
* Error bars: the per-round min – max. All of them share 2 cores with wrk and the broker, so the absolute
  numbers are this machine's, not the service's; the ratios are what the run is for.

![ingress throughput and latency](img/ingress.png)

### Maximum rate

{table}

### Ratios

{ratios}

### CPU per request (median over rounds)

{cpu_table}

### Latency at half the maximum rate

{half}

### Raw wrk output

```
{raw}
```
"""
    write_section("Ingress", body)
    print("; ".join(summary))


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["ingress", "router", "e2e"])
    ap.add_argument("results")
    ap.add_argument("--machine", default="")
    ap.add_argument("--java", default="")
    ap.add_argument("--java-opts", default="")
    ap.add_argument("--command", default="")
    ap.add_argument("--raw", default="")
    ap.add_argument("--body-bytes", default="")
    ap.add_argument("--profile", default="0")
    ap.add_argument("--connections", default="64")
    ap.add_argument("--threads", default="2")
    ap.add_argument("--extra", default="")
    args = ap.parse_args()
    {"ingress": ingress, "router": router, "e2e": e2e}[args.kind](args)


def router(args):
    rows = load(args.results)
    res = [dict(r["result"], round=r.get("round", 1)) for r in rows]
    threads = sorted({r["threads"] for r in res})
    rounds = sorted({r["round"] for r in res})
    variants = [v for v in ["passthrough", "floor", "dedicated", "shared"] if any(r["variant"] == v for r in res)]
    names = {"passthrough": "a pass-through (ceiling)",
             "floor": "b0 dedicated, directives that do not read the body (the router's floor)",
             "dedicated": "b dedicated: hook join, iterate, output",
             "shared": "c shared: iterate, uid, repartition, subscription join"}
    runs = {}
    for r in res:
        runs.setdefault((r["variant"], r["threads"]), []).append(r)

    def median_run(v, t):
        """The run with the median whole-batch rate (the lower middle one for an even count)."""
        rs = sorted(runs.get((v, t), []), key=lambda r: r["events_per_s"])
        return rs[(len(rs) - 1) // 2] if rs else None

    def med(v, t, key):
        rs = runs.get((v, t), [])
        return statistics.median(r[key] for r in rs) if rs else None

    get = {k: median_run(*k) for k in runs}
    lines = ["| variant | threads | events/s (whole batch, median) | min – max over rounds | steady events/s (10–90 %, median) | "
             "bundles/s | router JVM CPU µs/event | of it stream threads | of it JIT | broker CPU µs/event | startup ms | "
             "bundles per run | dead letters | unmatched |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]

    def cpu(v, t, key, group=None):
        """Median CPU per event over the rounds (of one thread group if named); results without the field show a dash."""
        xs = [(r.get("thread_cpu_us_per_event") or {}).get(group, -1) if group else r.get(key, -1)
              for r in runs.get((v, t), [])]
        xs = [x for x in xs if x >= 0]
        return f"{statistics.median(xs):.1f}" if xs else "–"
    for t in threads:
        for v in variants:
            rs = runs.get((v, t))
            if rs:
                m = med(v, t, "events_per_s")
                lines.append(f"| {names[v]} | {t} | {fmt(m)} | {fmt(min(r['events_per_s'] for r in rs))} – "
                             f"{fmt(max(r['events_per_s'] for r in rs))} | {fmt(med(v, t, 'steady_events_per_s'))} | "
                             f"{fmt(m * rs[0]['outputs_per_event'])} | {cpu(v, t, 'router_cpu_us_per_event')} | "
                             f"{cpu(v, t, None, 'stream_threads')} | {cpu(v, t, None, 'jit')} | "
                             f"{cpu(v, t, 'broker_cpu_us_per_event')} | {fmt(med(v, t, 'startup_ms'))} | "
                             f"{'/'.join(sorted({str(r['outputs']) for r in rs}))} | {sum(r['dlq'] for r in rs)} | "
                             f"{sum(r['unmatched'] for r in rs)} |")
    table = "\n".join(lines)

    def per_round(v, t, key="events_per_s"):
        """The variant's rate over the pass-through's in the same round, one value per round."""
        out = []
        for rd in rounds:
            n = [r[key] for r in runs.get((v, t), []) if r["round"] == rd]
            d = [r[key] for r in runs.get(("passthrough", t), []) if r["round"] == rd]
            if n and d:
                out.append(n[0] / d[0])
        return out

    ratio_lines = ["| threads | b/a (median of rounds) | per round | target ≥ 0.7 | c/a (median of rounds) | per round | "
                   "target ≥ 0.5 | b/a steady | c/a steady | b0/a (floor) | per round |",
                   "|---:|---:|---|---|---:|---|---|---:|---:|---:|---|"]
    summary = []
    f = lambda x: "–" if x is None else f"{x:.2f}"  # noqa: E731
    for t in threads:
        if ("passthrough", t) not in runs:
            continue
        ba_r, ca_r = per_round("dedicated", t), per_round("shared", t)
        ba = statistics.median(ba_r) if ba_r else None
        ca = statistics.median(ca_r) if ca_r else None
        bas_r, cas_r = per_round("dedicated", t, "steady_events_per_s"), per_round("shared", t, "steady_events_per_s")
        bas = statistics.median(bas_r) if bas_r else None
        cas = statistics.median(cas_r) if cas_r else None
        b0_r = per_round("floor", t)
        b0 = statistics.median(b0_r) if b0_r else None
        ratio_lines.append(f"| {t} | {f(ba)} | {', '.join(f(x) for x in ba_r)} | {verdict(ba >= 0.7) if ba else ''} | "
                           f"{f(ca)} | {', '.join(f(x) for x in ca_r)} | {verdict(ca >= 0.5) if ca else ''} | {f(bas)} | {f(cas)} | "
                           f"{f(b0)} | {', '.join(f(x) for x in b0_r)} |")
        summary.append(f"{t} thread(s): b/a = {f(ba)}, c/a = {f(ca)} (a = {med('passthrough', t, 'events_per_s'):.0f} events/s)")
    ratios = "\n".join(ratio_lines)
    loads = sorted(r["load"] for r in rows)

    IMG.mkdir(parents=True, exist_ok=True)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.8))
    width = 0.35
    colors = {"passthrough": "#888888", "floor": "#8172b3", "dedicated": "#dd8452", "shared": "#55a868"}
    for k, t in enumerate(threads):
        ys = [med(v, t, "events_per_s") or 0 for v in variants]
        lo = [y - min((r["events_per_s"] for r in runs.get((v, t), [])), default=y) for v, y in zip(variants, ys)]
        hi = [max((r["events_per_s"] for r in runs.get((v, t), [])), default=y) - y for v, y in zip(variants, ys)]
        bars = ax1.bar([i + (k - (len(threads) - 1) / 2) * width for i in range(len(variants))], ys, width,
                       yerr=[lo, hi], capsize=3, label=f"{t} stream thread(s)",
                       alpha=0.6 + 0.4 * k / max(1, len(threads) - 1))
        for bar, y in zip(bars, ys):
            ax1.text(bar.get_x() + bar.get_width() / 2, y, f"{y:,.0f}", ha="center", va="bottom", fontsize=8)
    ax1.set_xticks(range(len(variants)))
    labels = {"passthrough": "a pass-through", "floor": "b0 floor", "dedicated": "b dedicated", "shared": "c shared"}
    ax1.set_xticklabels([labels[v] for v in variants])
    ax1.set_ylabel("raw events/s (whole batch; median, min–max)")
    ax1.set_title("Router throughput, exactly_once_v2")
    ax1.legend(fontsize=8)
    for (v, t), r in sorted(get.items()):
        pts = r.get("timeline") or []
        if pts:
            ax2.plot([p[0] for p in pts], [p[1] for p in pts], label=f"{v}, {t} thr", color=colors[v],
                     linestyle="-" if t == threads[0] else "--")
    ax2.set_xlabel("seconds since RUNNING (the median run of each cell)")
    ax2.set_ylabel("events routed (bundles / bundles per event)")
    ax2.set_title("Progress through the batch")
    ax2.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(IMG / "router.png", dpi=110)

    raw = open(args.raw).read().strip() if args.raw else ""
    n = res[0]["events"] if res else 0
    body = header(args, "run-router.sh") + f"""\
* Processes: the broker in its own JVM; each (variant, threads) in a fresh JVM with the same flags, built
  with the router's own `RouterStreams.config` (exactly_once_v2, commit interval {res[0]['commit_ms'] if res else ''} ms,
  topology optimisation on) and the router's `RouterTopology` and `EventRouter`; the ceiling is a
  `source → mapValues → sink` topology with the same serdes (Avro `RawWebhookEvent` in, Avro `TriggerBundle` out).
* Data: {fmt(n)} pre-loaded raw events of ~1 KB JSON, 2 items each, signed as the ingress stores them; 64 hooks
  of 16 users (dedicated, keyed by hookId over 3 partitions) or 64 shared subscriptions (connections with uids;
  shared events keyed by event id, as the ingress keys them by default, spread over the 3 partitions). Bundles go
  to the one shared trigger topic, so that the comparison measures routing and not topic fan-out.
  b0 is b's topology, hooks and events on a webhook whose directives never read the body (it iterates over two
  items held in the hook's parameters and outputs each as it is): what dedicated routing costs apart from its
  directives, so b0/a bounds what faster directives could give b/a.
  Each run writes state and {fmt(res[0]['warmup']) if res else ''} warm-up events and processes them (JIT,
  subscription index), all the while reading the output with the consumer that later counts it; then it pauses the
  streams (`KafkaStreams.pause()`), writes the measured batch, and resumes them. Events are written by a loader in
  a JVM of its own (`RouterLoad`). The clock runs from the resume to the poll of a read_committed consumer that
  returns the last expected bundle. This benchmark used to warm up with 100,000 events and to close the streams
  and start new ones between the phases: the JIT threads then took 7–9 µs of the pass-through's 15 µs per
  measured event, compiling what the warm-up had not reached and again what the restart had thrown away (after
  1,000,000 warm-up events, 6 µs with a restart and 2–3 µs with a pause). A producer and a consumer in the
  benchmark's JVM that the warm-up had not used also made the JIT compile Kafka client code again (seen in a
  recording), hence the loader JVM and the counter in both phases. The column "of it JIT" shows what compiling was left.
* CPU per event: process CPU time over the clock's span divided by the events, for the benchmark JVM (stream
  threads, their producers, GC, JIT, and the read_committed consumer that counts the bundles) and for the broker;
  the benchmark JVM's stream threads and JIT compiler threads are also given apart (`thread_cpu_us_per_event` in
  the raw results has every group).
* The 1-minute load average before the runs was {loads[0] if loads else 0:.2f} – {loads[-1] if loads else 0:.2f}.
  First an unrecorded round over the variants warms the broker JVM (cold, it made the first cells of a run up
  to 2.4 times slower); then {len(rounds)} round(s), each over every (threads, variant) cell in turn, so that a slow stretch of the machine
  falls on all variants alike; a ratio is taken within one round, and the table gives the median over rounds
  with the spread.

![router throughput](img/router.png)

### Throughput

{table}

### Ratios (events/s over the pass-through with the same thread count)

{ratios}

### Raw results (timelines cut)

```
{raw}
```
"""
    write_section("Router", body)
    print("; ".join(summary))


def e2e(args):
    rows = load(args.results)
    lines = ["| router commit interval | target rate | achieved send rate | HTTP 200 | missing bundles | HTTP p50 / p99 ms | "
             "**accepted → bundle** p50 / p99 / p99.9 ms | HTTP 200 → bundle p50 / p99 ms | send → bundle p50 / p99 ms | target p99 ≤ 50 ms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    summary = []
    for row in rows:
        r = row["result"]
        h, ab, sb, cb = r["http"], r["ingress_received_to_bundle"], r["send_to_bundle"], r["accepted_to_bundle"]
        lines.append(f"| {row['commit_ms']} ms | {r['rate']} | {fmt(r['achieved_send_rate'])} | {r['ok']} / {r['measured']} | "
                     f"{r['missing_bundles']} | {h['p50_ms']:.1f} / {h['p99_ms']:.1f} | "
                     f"{ab['p50_ms']:.1f} / {ab['p99_ms']:.1f} / {ab['p999_ms']:.1f} | {cb['p50_ms']:.1f} / {cb['p99_ms']:.1f} | "
                     f"{sb['p50_ms']:.1f} / {sb['p99_ms']:.1f} | "
                     f"{verdict(ab['p99_ms'] <= 50)} |")
        summary.append(f"{r['rate']}/s commit {row['commit_ms']} ms: accepted->bundle p50 {ab['p50_ms']:.1f} ms p99 {ab['p99_ms']:.1f} ms")
    table = "\n".join(lines)
    loads = sorted(r["load"] for r in rows)

    IMG.mkdir(parents=True, exist_ok=True)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.8))
    for row in rows:
        tl = row["result"]["timeline"]
        lbl = f"{row['result']['rate']}/s, commit {row['commit_ms']} ms"
        ax1.plot([p[0] for p in tl], [p[2] for p in tl], label=f"{lbl} p99")
        ax1.plot([p[0] for p in tl], [p[1] for p in tl], linestyle="--", label=f"{lbl} p50")
    ax1.axhline(50, color="red", linestyle=":", linewidth=1, label="50 ms target (p99)")
    ax1.set_xlabel("second of the measured window")
    ax1.set_ylabel("accepted → bundle, ms")
    ax1.set_title("Accepted → bundle, per second of the measured window")
    ax1.set_yscale("log")
    ax1.legend(fontsize=8)
    labels = ["HTTP", "accepted→bundle", "send→bundle"]
    keys = ["http", "ingress_received_to_bundle", "send_to_bundle"]
    width = 0.8 / max(1, len(rows))
    for k, row in enumerate(rows):
        r = row["result"]
        ax2.bar([i + (k - (len(rows) - 1) / 2) * width for i in range(3)], [r[x]["p99_ms"] for x in keys], width,
                label=f"p99, {row['result']['rate']}/s, commit {row['commit_ms']} ms")
        ax2.scatter([i + (k - (len(rows) - 1) / 2) * width for i in range(3)], [r[x]["p50_ms"] for x in keys],
                    color="black", zorder=3, s=12, label="p50" if k == 0 else None)
    ax2.axhline(50, color="red", linestyle=":", linewidth=1)
    ax2.set_xticks(range(3))
    ax2.set_xticklabels(labels)
    ax2.set_ylabel("ms (log)")
    ax2.set_yscale("log")
    ax2.set_title("Whole-window percentiles")
    ax2.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(IMG / "e2e.png", dpi=110)

    raw = open(args.raw).read().strip() if args.raw else ""
    body = header(args, "run-e2e.sh") + f"""\
* Processes: the broker in its own JVM; ingress, control plane and router in one JVM (`HookstreamSystem`,
  1 stream thread); the generator and a read_committed consumer of the user's trigger topic in a third. All
  three share the 2 cores. The app and a dedicated hook are registered through the control plane API, as a
  user would (`E2E_SETUP=direct` writes them to the compacted topics instead).
* Load: open-loop at a fixed rate (request i is due at start + i/rate and its latency counts from then,
  so a stalled sender cannot hide a stall: no coordinated omission), each request a freshly signed ~1 KB
  order with 2 items (2 bundles; the first is timed). Warm-up: the rate ramps from a tenth of the target to
  all of it over the warm-up (JIT of three services in one JVM on 2 cores), its requests are not counted,
  and the measured window starts once they are all answered and their bundles arrived; the measured window
  then runs at the fixed rate.
* Latencies: HTTP = due → 200; **accepted → bundle** = the ingress's `receivedAt` (stamped when it
  accepted the request, ms precision, same machine clock) → first bundle of the request visible to a
  read_committed consumer (the target); HTTP 200 → bundle = the client's 200 → bundle (0 when the bundle
  was visible before the 200 reached the client); send → bundle = due → bundle. At most 256 requests are
  in flight: a stalled system makes the sender late, and the latency counted from the due time shows it. Under exactly_once_v2 a bundle is
  visible only when the router's transaction commits, every `commit.interval.ms`, so that interval is a floor
  of the latency distribution (up to one interval of waiting, plus the commit itself).
* The 1-minute load average before the runs was {loads[0] if loads else 0:.2f} – {loads[-1] if loads else 0:.2f}.

![end-to-end latency](img/e2e.png)

{table}

### Raw results

```
{raw}
```
"""
    write_section("End to end", body)
    print("; ".join(summary))


if __name__ == "__main__":
    main()
