package io.hookstream.benchmarks.load;

import io.hookstream.schemas.bundle.Bundle;
import io.hookstream.schemas.bundle.BundleReader;
import io.hookstream.schemas.topic.HookstreamTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.resources.ConnectionProvider;

/**
 * End-to-end latency at a fixed request rate: registers the benchmark app and a dedicated hook
 * through the control plane API, then sends signed 1 KB orders open-loop (each request has an
 * intended send time on a fixed schedule; a late sender does not hide the delay) while a
 * read_committed consumer of the user's trigger topic timestamps every bundle. Per request:
 * intended send → HTTP 200 (HTTP latency), HTTP 200 → first bundle committed on the trigger topic
 * (accepted → bundle), intended send → bundle.
 *
 * <p>Arguments: {@code <ingress-url> <control-url> <bootstrap> <rate> <warmup-s> <duration-s>
 * <result-file> <label>}.
 */
public final class E2eLoad {

    private static final String USER = "e2e-user";

    private final long baseNanos = System.nanoTime();
    private final long baseMicros = System.currentTimeMillis() * 1000;

    private E2eLoad() {}

    private long nowMicros() {
        return baseMicros + (System.nanoTime() - baseNanos) / 1000;
    }

    public static void main(String[] args) throws Exception {
        new E2eLoad().run(args);
        System.exit(0);
    }

    private void run(String[] args) throws Exception {
        String ingress = args[0];
        String control = args[1];
        String bootstrap = args[2];
        int rate = Integer.parseInt(args[3]);
        int warmupSeconds = Integer.parseInt(args[4]);
        int durationSeconds = Integer.parseInt(args[5]);
        Path resultFile = Path.of(args[6]);
        String label = args[7];

        HttpClient client = Fixtures.httpClient();
        String hookUrl =
                "direct".equals(System.getenv("E2E_SETUP"))
                        ? setUpDirect(bootstrap, ingress)
                        : setUp(client, control);
        System.out.println("hook " + hookUrl);
        String path = URI.create(hookUrl).getRawPath();
        URI target = URI.create(ingress + path);

        // warm-up: the rate ramps from a tenth of the target to all of it, so that the JIT of all
        // three services
        // (one JVM, two cores) is not also a backlog the measured window inherits; 0.55 = mean of
        // that ramp
        int firstMeasured = (int) Math.round(0.55 * rate * warmupSeconds);
        int total = firstMeasured + rate * durationSeconds;
        long[] intended = new long[total];
        long[] accepted = new long[total];
        long[] bundled = new long[total];
        long[] receivedToBundle = new long[total];
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();

        String topic = HookstreamTopics.defaults().names().triggerTopicOf(USER);
        Thread consumerThread;
        KafkaConsumer<String, Bundle> consumer = consumer(bootstrap);
        List<TopicPartition> partitions =
                consumer.partitionsFor(topic).stream()
                        .map(pi -> new TopicPartition(topic, pi.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        AtomicLong bundles = new AtomicLong();
        java.util.concurrent.CountDownLatch probed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stop =
                new java.util.concurrent.atomic.AtomicBoolean();
        consumerThread =
                new Thread(
                        () -> {
                            while (!stop.get()) {
                                for (ConsumerRecord<String, Bundle> r :
                                        consumer.poll(Duration.ofMillis(5))) {
                                    long now = nowMicros();
                                    Bundle b = r.value();
                                    if (b == null || b.itemIndex() != 0) {
                                        continue;
                                    }
                                    int seq = (int) orderId(b.output());
                                    if (seq == total) {
                                        probed.countDown();
                                    }
                                    if (seq >= 0 && seq < total && bundled[seq] == 0) {
                                        bundled[seq] = now;
                                        receivedToBundle[seq] =
                                                now - b.receivedAt().toEpochMilli() * 1000;
                                        bundles.incrementAndGet();
                                    }
                                }
                            }
                            consumer.close();
                        },
                        "bundle-consumer");
        consumerThread.start();

        // one request through the whole path first: the router may still be starting when the
        // services
        // report ready, and its backlog would otherwise land in the measured window
        byte[] probe = Fixtures.body(total, nowMicros(), Fixtures.account(0), Fixtures.account(1));
        HttpRequest.Builder probeRequest =
                HttpRequest.newBuilder(target)
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(probe))
                        .header(
                                "X-Hub-Signature-256",
                                Fixtures.githubSignature(Fixtures.HOOK_SECRET, probe));
        Fixtures.headers().forEach(probeRequest::header);
        long probeStart = System.nanoTime();
        do {
            client.send(probeRequest.build(), HttpResponse.BodyHandlers.discarding());
        } while (!probed.await(5, TimeUnit.SECONDS)
                && System.nanoTime() - probeStart < TimeUnit.SECONDS.toNanos(90));
        System.out.printf("probe bundle after %.1f s%n", (System.nanoTime() - probeStart) / 1e9);

        // open loop: request i is due at start + i / rate, whatever happened to the ones before
        // at most this many requests in flight: a stalled system makes the sender late (and the
        // latency,
        // counted from the due time, shows it) instead of opening connections without bound
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(256);
        // the JDK client topped out near 1,000 requests/s on 2 cores with the system beside it;
        // Reactor Netty,
        // with kept-alive connections from a fixed pool, is not what limits the rate
        ConnectionProvider pool =
                ConnectionProvider.builder("e2e-load")
                        .maxConnections(64)
                        .pendingAcquireMaxCount(-1)
                        .build();
        reactor.netty.http.client.HttpClient load =
                reactor.netty.http.client.HttpClient.create(pool)
                        .headers(h -> Fixtures.headers().forEach(h::set));
        long periodNanos = 1_000_000_000L / rate;
        long warmupStart = System.nanoTime() + 200_000_000L;
        long startNanos = 0;
        for (int i = 0; i < total; i++) {
            if (i == firstMeasured) {
                // what the warm-up left queued is processed before the measured window starts
                long drainFrom = System.nanoTime();
                long drainDeadline = drainFrom + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < drainDeadline
                        && (inFlight.availablePermits() < 256
                                || bundles.get() < countOk(accepted))) {
                    Thread.sleep(50);
                }
                System.out.printf(
                        "warm-up backlog drained in %.1f s%n",
                        (System.nanoTime() - drainFrom) / 1e9);
                startNanos = System.nanoTime() + 200_000_000L;
            }
            long due =
                    i < firstMeasured
                            ? warmupStart + rampOffsetNanos(i, rate, warmupSeconds)
                            : startNanos + (i - firstMeasured) * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long dueMicros = baseMicros + (due - baseNanos) / 1000;
            intended[i] = dueMicros;
            byte[] body = Fixtures.body(i, dueMicros, Fixtures.account(0), Fixtures.account(1));
            String signature = Fixtures.githubSignature(Fixtures.HOOK_SECRET, body);
            int seq = i;
            inFlight.acquireUninterruptibly();
            load.headers(h -> h.set("X-Hub-Signature-256", signature))
                    .post()
                    .uri(target)
                    .send(ByteBufFlux.fromInbound(Mono.just(body)))
                    .responseSingle(
                            (response, content) ->
                                    content.then(Mono.just(response.status().code())))
                    .timeout(Duration.ofSeconds(10))
                    .subscribe(
                            status -> {
                                inFlight.release();
                                statuses.computeIfAbsent(status, s -> new AtomicLong())
                                        .incrementAndGet();
                                if (status == 200) {
                                    accepted[seq] = nowMicros();
                                }
                            },
                            error -> {
                                inFlight.release();
                                failures.incrementAndGet();
                            });
        }
        long sendEnd = System.nanoTime();
        double achieved = (total - firstMeasured) / ((sendEnd - startNanos) / 1e9);
        // let the last requests and bundles arrive
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && bundles.get() < countOk(accepted)) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        stop.set(true);
        consumerThread.join(5000);

        List<Long> http = new ArrayList<>();
        List<Long> acceptedToBundle = new ArrayList<>();
        List<Long> sendToBundle = new ArrayList<>();
        List<Long> ingressToBundle = new ArrayList<>();
        long missing = 0;
        // per-second p50/p99 of ingress received → bundle, for the plot
        StringBuilder timeline = new StringBuilder("[");
        for (int second = 0; second < durationSeconds; second++) {
            List<Long> window = new ArrayList<>();
            for (int i = firstMeasured + second * rate;
                    i < firstMeasured + (second + 1) * rate && i < total;
                    i++) {
                if (accepted[i] != 0 && bundled[i] != 0) {
                    window.add(receivedToBundle[i]);
                }
            }
            if (!window.isEmpty()) {
                long[] w = sorted(window);
                timeline.append(timeline.length() > 1 ? "," : "")
                        .append(
                                String.format(
                                        Locale.ROOT,
                                        "[%d,%.2f,%.2f,%d]",
                                        second,
                                        pct(w, 50) / 1000.0,
                                        pct(w, 99) / 1000.0,
                                        w.length));
            }
        }
        timeline.append(']');
        for (int i = firstMeasured; i < total; i++) {
            if (accepted[i] != 0) {
                http.add(accepted[i] - intended[i]);
                if (bundled[i] != 0) {
                    acceptedToBundle.add(Math.max(0, bundled[i] - accepted[i]));
                    sendToBundle.add(bundled[i] - intended[i]);
                    ingressToBundle.add(receivedToBundle[i]);
                } else {
                    missing++;
                }
            }
        }
        String json =
                String.format(
                        Locale.ROOT,
                        "{\"label\":\"%s\",\"rate\":%d,\"achieved_send_rate\":%.1f,\"warmup_s\":%d,\"duration_s\":%d,\"measured\":%d,"
                                + "\"ok\":%d,\"statuses\":%s,\"failures\":%d,\"missing_bundles\":%d,\"http\":%s,\"accepted_to_bundle\":%s,"
                                + "\"send_to_bundle\":%s,\"ingress_received_to_bundle\":%s,\"timeline\":%s}",
                        label,
                        rate,
                        achieved,
                        warmupSeconds,
                        durationSeconds,
                        total - firstMeasured,
                        http.size(),
                        statusJson(statuses),
                        failures.get(),
                        missing,
                        stats(http),
                        stats(acceptedToBundle),
                        stats(sendToBundle),
                        stats(ingressToBundle),
                        timeline);
        System.out.println("RESULT " + json);
        Files.writeString(
                resultFile,
                json + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * The app and a dedicated hook written straight to the compacted topics (as the router
     * benchmark does), and the user's trigger topic created; returns the hook's URL.
     */
    private static String setUpDirect(String bootstrap, String ingress) {
        String hookId = "hook-e2e-" + System.currentTimeMillis();
        HookstreamTopics topics = HookstreamTopics.defaults();
        String triggerTopic = topics.names().triggerTopicOf(USER);
        try (org.apache.kafka.clients.admin.Admin admin = Fixtures.admin(bootstrap)) {
            Fixtures.provisioner(admin, 3).ensureTriggerTopic(triggerTopic);
        }
        Fixtures.writeState(bootstrap, topics, List.of(hookId), 0, i -> USER, user -> triggerTopic);
        return ingress + "/hooks/" + hookId;
    }

    /** PUT the app, POST a dedicated hook through the control plane API; returns the hook's URL. */
    static String setUp(HttpClient client, String control) throws Exception {
        HttpResponse<String> app =
                client.send(
                        HttpRequest.newBuilder(URI.create(control + "/api/apps/" + Fixtures.APP_ID))
                                .header("Authorization", "Bearer " + SystemMain.TOKEN)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(Fixtures.appDefinition()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (app.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT app: " + app.statusCode() + " " + app.body());
        }
        String hookJson =
                "{\"appId\":\""
                        + Fixtures.APP_ID
                        + "\",\"webhook\":\""
                        + Fixtures.DEDICATED
                        + "\",\"userId\":\""
                        + USER
                        + "\",\"parameters\":{\"secret\":\""
                        + Fixtures.HOOK_SECRET
                        + "\"}}";
        HttpResponse<String> hook =
                client.send(
                        HttpRequest.newBuilder(URI.create(control + "/api/hooks"))
                                .header("Authorization", "Bearer " + SystemMain.TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(hookJson))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (hook.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST hook: " + hook.statusCode() + " " + hook.body());
        }
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"")
                        .matcher(hook.body());
        if (!m.find()) {
            throw new IllegalStateException("no url in " + hook.body());
        }
        return m.group(1);
    }

    private static KafkaConsumer<String, Bundle> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        return new KafkaConsumer<>(p, new StringDeserializer(), new BundleReader());
    }

    /**
     * When request {@code i} of the warm-up is due, in nanoseconds from its start: the rate grows
     * linearly from rate/10 to rate over {@code seconds}, so i requests are due by t where 0.1 r t
     * + 0.45 r t² / W = i.
     */
    private static long rampOffsetNanos(int i, int rate, int seconds) {
        double a = 0.45 * rate / seconds;
        double b = 0.1 * rate;
        double t = (-b + Math.sqrt(b * b + 4 * a * i)) / (2 * a);
        return (long) (t * 1e9);
    }

    /** The order id at the start of the output JSON ({@code {"order":123,...}}). */
    private static long orderId(String output) {
        int at = output.indexOf("\"order\":");
        if (at < 0) {
            return -1;
        }
        long v = 0;
        for (int i = at + 8; i < output.length() && Character.isDigit(output.charAt(i)); i++) {
            v = v * 10 + (output.charAt(i) - '0');
        }
        return v;
    }

    private static String statusJson(Map<Integer, AtomicLong> statuses) {
        StringBuilder sb = new StringBuilder("{");
        statuses.forEach(
                (code, n) ->
                        sb.append(sb.length() > 1 ? "," : "")
                                .append('"')
                                .append(code)
                                .append("\":")
                                .append(n.get()));
        return sb.append('}').toString();
    }

    private static long countOk(long[] accepted) {
        long n = 0;
        for (long a : accepted) {
            if (a != 0) {
                n++;
            }
        }
        return n;
    }

    private static long[] sorted(List<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Percentiles in milliseconds. */
    private static String stats(List<Long> micros) {
        long[] a = sorted(micros);
        return String.format(
                Locale.ROOT,
                "{\"n\":%d,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"p999_ms\":%.2f,\"max_ms\":%.2f}",
                a.length,
                pct(a, 50) / 1000.0,
                pct(a, 90) / 1000.0,
                pct(a, 99) / 1000.0,
                pct(a, 99.9) / 1000.0,
                a.length == 0 ? 0 : a[a.length - 1] / 1000.0);
    }
}
