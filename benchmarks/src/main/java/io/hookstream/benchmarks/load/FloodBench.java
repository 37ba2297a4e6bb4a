package io.hookstream.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Accepted requests at a fixed rate with and without a flood of forged ones, in alternating phases
 * of one run against one system: whether the request log of refused requests slows the accepted
 * path, and how many records the flood leaves in it against what its budget allows.
 *
 * <p>Accepted load: signed requests to a dedicated hook, open loop at {@code rate} per second, the
 * latency taken from each request's scheduled time (so that a stall is not hidden by requests that
 * were never sent). Flood: {@code flood} forged requests, paced evenly over the phase, half with a
 * wrong signature to the same hook and half to hook ids that do not exist.
 *
 * <p>Arguments: {@code <ingress-url> <control-url> <bootstrap> <rate> <phase-seconds> <rounds>
 * <flood> <requests-topic> <per-hook-per-second> <unknown-per-second>}. Prints one {@code RESULT}
 * line of JSON per phase.
 */
public final class FloodBench {

    /** Requests in flight at most; beyond it a request waits, and its wait counts as latency. */
    private static final int MAX_IN_FLIGHT = 512;

    private FloodBench() {}

    public static void main(String[] args) throws Exception {
        String ingress = args[0];
        String control = args[1];
        String bootstrap = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);
        int flood = Integer.parseInt(args[6]);
        String requestsTopic = args[7];
        int perHook = Integer.parseInt(args[8]);
        int unknown = Integer.parseInt(args[9]);
        HttpClient client = Fixtures.httpClient();
        String url = E2eLoad.setUp(client, control);
        try (Admin admin = Fixtures.admin(bootstrap)) {
            // warm-up, not reported: the JIT and the connections of both kinds of request
            phase(client, url, ingress, rate, seconds, flood, admin, requestsTopic, "warm-up");
            for (int round = 1; round <= rounds; round++) {
                for (boolean flooded : new boolean[] {false, true}) {
                    Phase p =
                            phase(
                                    client,
                                    url,
                                    ingress,
                                    rate,
                                    seconds,
                                    flooded ? flood : 0,
                                    admin,
                                    requestsTopic,
                                    flooded ? "flood" : "alone");
                    // the hook's own budget and that of every unknown id together, per second the
                    // ingress spent answering the flood (plus the second it started in): a loaded
                    // ingress answers later than the flood was sent
                    long budget = flooded ? (long) (perHook + unknown) * (p.floodSeconds() + 1) : 0;
                    System.out.printf(
                            "RESULT {\"round\":%d,\"phase\":\"%s\",\"rate\":%d,\"seconds\":%d,"
                                    + "\"accepted_ok\":%d,\"accepted_other\":%d,\"accepted_per_s\":%.1f,"
                                    + "\"p50_us\":%d,\"p99_us\":%d,\"max_us\":%d,"
                                    + "\"forged_sent\":%d,\"forged_statuses\":%s,"
                                    + "\"flood_answered_within_s\":%d,\"log_records\":%d,\"log_budget\":%d}%n",
                            round,
                            flooded ? "flood" : "alone",
                            rate,
                            seconds,
                            p.ok(),
                            p.other(),
                            p.ok() / (double) seconds,
                            p.p50(),
                            p.p99(),
                            p.max(),
                            p.forged(),
                            p.forgedStatuses(),
                            p.floodSeconds(),
                            p.logRecords(),
                            budget);
                }
            }
        }
    }

    private record Phase(
            long ok,
            long other,
            long p50,
            long p99,
            long max,
            long forged,
            String forgedStatuses,
            long floodSeconds,
            long logRecords) {}

    private static Phase phase(
            HttpClient client,
            String url,
            String ingress,
            int rate,
            int seconds,
            int flood,
            Admin admin,
            String requestsTopic,
            String name)
            throws Exception {
        long logBefore = size(admin, requestsTopic);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        Map<Integer, AtomicLong> forgedStatuses = new ConcurrentHashMap<>();
        AtomicLong lastForgedAnswer = new AtomicLong();
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        long total = (long) rate * seconds;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        // one schedule for both kinds: accepted at i / rate, forged in between at j / floodRate
        long intervalAccepted = TimeUnit.SECONDS.toNanos(1) / rate;
        long intervalForged =
                flood == 0 ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(seconds) / flood;
        long nextAccepted = start;
        long nextForged = flood == 0 ? Long.MAX_VALUE : start + intervalForged / 2;
        long sentAccepted = 0;
        long sentForged = 0;
        while (sentAccepted < total || sentForged < flood) {
            boolean accepted = nextAccepted <= nextForged;
            long due = accepted ? nextAccepted : nextForged;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            if (accepted) {
                byte[] body =
                        Fixtures.body(sentAccepted, 0, Fixtures.account(0), Fixtures.account(1));
                HttpRequest.Builder request =
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30))
                                .header(
                                        "X-Hub-Signature-256",
                                        Fixtures.githubSignature(Fixtures.HOOK_SECRET, body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                Fixtures.headers().forEach(request::header);
                long scheduled = due;
                pending.add(
                        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                                .whenComplete(
                                        (response, error) -> {
                                            inFlight.release();
                                            latencies.add((System.nanoTime() - scheduled) / 1_000);
                                            if (error == null && response.statusCode() == 200) {
                                                ok.incrementAndGet();
                                            } else {
                                                other.incrementAndGet();
                                            }
                                        }));
                sentAccepted++;
                nextAccepted =
                        start
                                + (sentAccepted < total
                                        ? sentAccepted * intervalAccepted
                                        : Long.MAX_VALUE / 2);
                if (sentAccepted >= total) {
                    nextAccepted = Long.MAX_VALUE;
                }
            } else {
                byte[] body = ("{\"forged\":" + sentForged + "}").getBytes(StandardCharsets.UTF_8);
                String target =
                        sentForged % 2 == 0
                                ? url
                                : ingress
                                        + "/hooks/"
                                        + UUID.randomUUID().toString().replace("-", "");
                HttpRequest.Builder request =
                        HttpRequest.newBuilder(URI.create(target))
                                .timeout(Duration.ofSeconds(30))
                                .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                Fixtures.headers().forEach(request::header);
                pending.add(
                        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                                .whenComplete(
                                        (response, error) -> {
                                            inFlight.release();
                                            lastForgedAnswer.accumulateAndGet(
                                                    System.nanoTime(), Math::max);
                                            int status = error == null ? response.statusCode() : -1;
                                            forgedStatuses
                                                    .computeIfAbsent(status, s -> new AtomicLong())
                                                    .incrementAndGet();
                                        }));
                sentForged++;
                nextForged =
                        sentForged < flood
                                ? start + intervalForged / 2 + sentForged * intervalForged
                                : Long.MAX_VALUE;
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .get(60, TimeUnit.SECONDS);
        // the request log is written asynchronously: give its writer a moment before counting
        Thread.sleep(2_000);
        long logRecords = size(admin, requestsTopic) - logBefore;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.err.println(name + ": " + ok.get() + " accepted, " + sentForged + " forged");
        return new Phase(
                ok.get(),
                other.get(),
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                sentForged,
                statuses(forgedStatuses),
                sentForged == 0 ? 0 : (long) Math.ceil((lastForgedAnswer.get() - start) / 1e9),
                logRecords);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0
                ? 0
                : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static String statuses(Map<Integer, AtomicLong> counts) {
        StringBuilder json = new StringBuilder("{");
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(
                        e ->
                                json.append(json.length() > 1 ? "," : "")
                                        .append('"')
                                        .append(e.getKey())
                                        .append("\":")
                                        .append(e.getValue().get()));
        return json.append('}').toString();
    }

    /** Records the topic holds: the sum of its partitions' end offsets minus their starts. */
    private static long size(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        var description =
                admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS)
                        .get(topic);
        if (description == null) {
            throw new IllegalStateException("no topic " + topic);
        }
        description
                .partitions()
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset())
                .sum();
    }
}
