package io.hookstream.benchmarks.load;

import io.hookstream.iml.Iml;
import io.hookstream.ingress.publish.RawEventKeys;
import io.hookstream.router.RouterSettings;
import io.hookstream.router.routing.EventRouter;
import io.hookstream.router.streams.RouterStreams;
import io.hookstream.router.topology.RouterTopology;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.schemas.topic.TopicNames;
import io.hookstream.schemas.topic.TopicProvisioner;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.support.kafka.KafkaSettings;
import io.hookstream.support.secrets.DataSealer;
import io.hookstream.webhook.pipeline.WebhookProcessor;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.jspecify.annotations.Nullable;

/**
 * Router throughput on a real broker, one variant per JVM:
 *
 * <ul>
 *   <li>{@code passthrough}: raw events (Avro) → one trigger bundle each (Avro), nothing else; the
 *       ceiling;
 *   <li>{@code dedicated}: {@link RouterTopology} on dedicated-hook events (join with hooks and
 *       apps, iterate and output, two bundles per event);
 *   <li>{@code floor}: the same topology and events, on a webhook whose directives never read the
 *       body (two items from the hook's parameters, each output as it is): what dedicated routing
 *       costs apart from its directives, and so the most that faster directives could give;
 *   <li>{@code shared}: {@link RouterTopology} on shared-webhook events (iterate, uid per item,
 *       repartition by {@code appId:uid}, join with the subscription index; two bundles per event).
 * </ul>
 *
 * Every variant runs with the router's own Streams configuration ({@link RouterStreams#config}, EOS
 * v2) on its own topics: state and {@code warmup} events are written and processed first (which
 * also builds the subscription index and warms the JIT), the streams are paused ({@link
 * KafkaStreams#pause()}), {@code events} more are written, and the clock starts when processing
 * resumes; it stops at the read_committed poll that returns the last expected output. Pausing
 * rather than closing and starting again keeps what the JIT compiled: a new {@link KafkaStreams} on
 * the same JVM made the JIT recompile the hot paths (their compiled code made not entrant at the
 * restart), and that compilation ran during the measured batch, on the cores the router and the
 * broker share. {@code -Dbench.restart=true} measures the old way, with a restart between the
 * phases.
 *
 * <p>Arguments: {@code <bootstrap> <variant> <threads> <events> <warmup> <work-dir>
 * <commit-interval-ms> <result-file>}. {@code -Dbench.format} (default {@code avro}) is the bundle
 * format of the topology's bundles, {@code -Dbench.consumer-compression} (default {@code producer},
 * i.e. the producer's lz4 kept) the topic-level codec of the trigger and unmatched topics.
 */
public final class RouterBench {

    private static final int HOOKS = 64;
    private static final int USERS = 16;
    private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

    /** Shared events are keyed as the ingress keys them by default, spread over the partitions. */
    private static final RawEventKeys SHARED_KEYS = new RawEventKeys(RawEventKeys.SharedKey.EVENT);

    private RouterBench() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String variant = args[1];
        int threads = Integer.parseInt(args[2]);
        int events = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        Path work = Path.of(args[5]);
        long commitMs = Long.parseLong(args[6]);
        Path resultFile = Path.of(args[7]);
        if (!List.of("passthrough", "dedicated", "floor", "shared").contains(variant)) {
            throw new IllegalArgumentException("variant: passthrough, dedicated, floor or shared");
        }

        io.hookstream.schemas.bundle.BundleFormat format =
                io.hookstream.schemas.bundle.BundleFormat.of(
                        System.getProperty("bench.format", "avro"));
        String codec = System.getProperty("bench.consumer-compression", "producer");
        String run = variant + "-t" + threads + "-" + System.currentTimeMillis();
        String p = "rb-" + run + ".";
        TopicNames names = topicNames(p);
        HookstreamTopics topics = new HookstreamTopics(names);
        String passthroughOut = p + "passthrough.out";
        boolean shared = variant.equals("shared");
        String dedicatedWebhook = variant.equals("floor") ? Fixtures.FLOOR : Fixtures.DEDICATED;

        try (Admin admin = Fixtures.admin(bootstrap)) {
            var provisioner = Fixtures.provisioner(admin, 3);
            provisioner.ensureSystemTopics(names);
            provisioner.ensureTriggerTopic(names.triggersShared());
            provisioner.ensureTriggerTopic(passthroughOut);
            List<String> dedicatedHooks = new ArrayList<>();
            for (int i = 0; i < HOOKS; i++) {
                dedicatedHooks.add("hook-" + i);
            }
            Fixtures.writeState(
                    bootstrap,
                    topics,
                    dedicatedWebhook,
                    shared ? List.of() : dedicatedHooks,
                    shared ? HOOKS : 0,
                    i -> "user-" + (i % USERS),
                    user -> names.triggersShared());

            Properties config =
                    RouterStreams.config(
                            new KafkaSettings(
                                    bootstrap,
                                    3,
                                    (short) 1,
                                    Duration.ofDays(7),
                                    Duration.ofSeconds(60),
                                    TopicProvisioner.Layout.DEFAULT_CONSUMER_COMPRESSION,
                                    Duration.ofMillis(
                                            TopicProvisioner.Layout.DEFAULT_REQUEST_RETENTION_MS),
                                    TopicProvisioner.Layout.BY_CLUSTER_SIZE),
                            new RouterSettings(
                                    "bench-router-" + run,
                                    work.resolve("state-" + run),
                                    threads,
                                    Duration.ofMillis(commitMs),
                                    Duration.ofSeconds(30),
                                    RouterSettings.DEFAULT_MAX_TASK_IDLE,
                                    RouterSettings.DEFAULT_PRODUCER_COMPRESSION,
                                    RouterSettings.StateStores.ROCKSDB,
                                    format,
                                    format,
                                    RouterSettings.DEFAULT_SESSION_TIMEOUT));
            // A/B runs of Streams settings without a rebuild: -Dbench.streams.<property>=<value>
            System.getProperties().stringPropertyNames().stream()
                    .filter(k -> k.startsWith("bench.streams."))
                    .forEach(
                            k ->
                                    config.put(
                                            k.substring("bench.streams.".length()),
                                            System.getProperty(k)));
            String applicationId = config.getProperty("application.id");
            Iml iml = Iml.standard();
            EventRouter router =
                    new EventRouter(
                            new AppCatalog(new AppDefinitionParser(iml)),
                            new WebhookProcessor(iml, Clock.systemUTC()),
                            DataSealer.ofBase64("k1", Fixtures.DATA_KEY),
                            names,
                            Clock.systemUTC(),
                            new SimpleMeterRegistry(),
                            new io.hookstream.router.format.BundleFormats(format, format),
                            // -Dbench.outcomes=false: the router without its outcomes, to measure
                            // them
                            !"false".equals(System.getProperty("bench.outcomes")));
            // -Dbench.passthrough.bundles=2: a pass-through that writes as many bundles per event
            // as b does
            int passthroughBundles = Integer.getInteger("bench.passthrough.bundles", 1);
            java.util.function.Supplier<Topology> topology =
                    () ->
                            variant.equals("passthrough")
                                    ? passThrough(
                                            topics, passthroughOut, config, passthroughBundles)
                                    : RouterTopology.build(topics, router, config);

            String out = variant.equals("passthrough") ? passthroughOut : names.triggersShared();
            double perEvent =
                    variant.equals("passthrough") ? passthroughBundles : Fixtures.ITEMS_PER_EVENT;
            long expected = Math.round(events * perEvent);
            boolean restart = Boolean.getBoolean("bench.restart");

            // phase 1: state, warm-up events, subscription index; not measured
            long offset = load(bootstrap, p, shared, dedicatedWebhook, 0, warmup);
            Started streams = start(topology.get(), config);
            Phase measured;
            Map<TopicPartition, Long> sideStart;
            // one counting consumer for both phases: it reads the output while the warm-up runs, so
            // that the JIT has
            // seen this JVM's consumer code used its way too before the clock starts
            try (KafkaConsumer<byte[], byte[]> counter = countingConsumer(bootstrap)) {
                Map<TopicPartition, Long> outFirst = endOffsets(admin, List.of(out));
                counter.assign(outFirst.keySet());
                outFirst.forEach(counter::seek);
                Phase warm =
                        runUntilConsumed(admin, topics, streams, applicationId, shared, counter);
                System.out.printf("warm-up: %d events in %.1f s%n", warmup, warm.seconds());
                if (restart) {
                    close(streams.streams());
                } else {
                    pause(streams.streams());
                }

                // phase 2: the measured batch
                load(bootstrap, p, shared, dedicatedWebhook, offset, events);
                Map<TopicPartition, Long> outStart = endOffsets(admin, List.of(out));
                sideStart = endOffsets(admin, List.of(names.eventsDlq(), names.eventsUnmatched()));
                if (restart) {
                    streams = start(topology.get(), config);
                }
                outStart.forEach(counter::seek);
                measured = runUntilOutput(counter, streams, restart, expected);
            } finally {
                close(streams.streams());
            }
            Map<String, Long> produced = countSince(bootstrap, sideStart);
            produced.put(out, measured.outputs());

            double seconds = measured.seconds();
            long outBytes = logBytes(admin, out);
            String json =
                    String.format(
                            java.util.Locale.ROOT,
                            "{\"format\":\"%s\",\"consumer_compression\":\"%s\",\"out_bytes_per_bundle\":%.1f,"
                                    + "\"variant\":\"%s\",\"threads\":%d,\"events\":%d,\"warmup\":%d,\"commit_ms\":%d,\"between_phases\":\"%s\","
                                    + "\"seconds\":%.3f,"
                                    + "\"events_per_s\":%.1f,\"steady_events_per_s\":%.1f,\"startup_ms\":%d,\"outputs\":%d,\"dlq\":%d,"
                                    + "\"unmatched\":%d,\"outputs_per_event\":%.2f,\"router_cpu_us_per_event\":%.1f,"
                                    + "\"broker_cpu_us_per_event\":%.1f,\"thread_cpu_us_per_event\":%s,\"clock_epoch_ms\":%s,\"timeline\":%s}",
                            format,
                            codec,
                            outBytes
                                    / (double)
                                            Math.max(1, expected + Math.round(warmup * perEvent)),
                            variant,
                            threads,
                            events,
                            warmup,
                            commitMs,
                            restart ? "restart" : "pause",
                            seconds,
                            events / seconds,
                            measured.steadyRate(events, perEvent),
                            measured.startupMillis(),
                            produced.getOrDefault(out, 0L),
                            produced.getOrDefault(names.eventsDlq(), 0L),
                            produced.getOrDefault(names.eventsUnmatched(), 0L),
                            produced.getOrDefault(out, 0L) / (double) events,
                            measured.measuredCpuEnd()
                                    .selfMicrosPer(measured.measuredCpuStart(), events),
                            measured.measuredCpuEnd()
                                    .brokerMicrosPer(measured.measuredCpuStart(), events),
                            CpuTime.json(
                                    measured.measuredCpuEnd()
                                            .threadMicrosPer(measured.measuredCpuStart(), events)),
                            measured.clockJson(),
                            measured.timelineJson(perEvent));
            System.out.println("RESULT " + json);
            Files.writeString(
                    resultFile,
                    json + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        System.exit(0);
    }

    /**
     * The ceiling: the same source and sink serdes and configuration, {@code bundles} bundles per
     * event (one unless asked otherwise, to see what a second record per event costs), no routing.
     */
    static Topology passThrough(
            HookstreamTopics topics, String out, Properties config, int bundles) {
        StreamsBuilder builder = new StreamsBuilder();
        var events =
                builder.stream(
                        topics.eventsRaw().name(),
                        Consumed.with(Serdes.String(), topics.eventsRaw().valueSerde())
                                .withName("raw-events-source"));
        var produced =
                Produced.with(Serdes.String(), topics.triggerBundleSerde())
                        .withName("bundles-sink");
        if (bundles == 1) {
            events.mapValues(event -> bundle(event, 0), Named.as("to-bundle")).to(out, produced);
        } else {
            events.flatMapValues(
                            event -> {
                                List<TriggerBundle> list = new ArrayList<>(bundles);
                                for (int i = 0; i < bundles; i++) {
                                    list.add(bundle(event, i));
                                }
                                return list;
                            },
                            Named.as("to-bundles"))
                    .to(out, produced);
        }
        return builder.build(config);
    }

    private static TriggerBundle bundle(RawWebhookEvent event, int index) {
        return TriggerBundle.newBuilder()
                .setBundleId(event.getEventId() + ":" + index + ":" + event.getHookId())
                .setEventId(event.getEventId())
                .setItemIndex(index)
                .setHookId(event.getHookId() == null ? event.getAppId() : event.getHookId())
                .setAppId(event.getAppId())
                .setWebhookName(event.getWebhookName())
                .setUserId("user")
                .setOutput(StandardCharsets.UTF_8.decode(event.getBody().duplicate()).toString())
                .setReceivedAt(event.getReceivedAt())
                .setEmittedAt(Instant.now())
                .build();
    }

    /** Bytes the broker holds for {@code topic} (every partition, every log dir): size on disk. */
    private static long logBytes(Admin admin, String topic) throws Exception {
        List<Integer> brokers =
                admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                        .map(org.apache.kafka.common.Node::id)
                        .toList();
        long bytes = 0;
        for (var dirs :
                admin.describeLogDirs(brokers)
                        .allDescriptions()
                        .get(30, TimeUnit.SECONDS)
                        .values()) {
            for (var dir : dirs.values()) {
                for (var replica : dir.replicaInfos().entrySet()) {
                    if (replica.getKey().topic().equals(topic)) {
                        bytes += replica.getValue().size();
                    }
                }
            }
        }
        return bytes;
    }

    /** The benchmark's topics, each name starting with {@code p}. */
    static TopicNames topicNames(String p) {
        return new TopicNames(
                p + "apps",
                p + "hooks",
                p + "connections",
                p + "events.raw",
                p + "events.replay",
                p + "events.dlq",
                p + "events.unmatched",
                p + "triggers.",
                p + "triggers",
                p + "requests",
                p + "events.outcomes");
    }

    /**
     * Writes {@code count} events after the first {@code from} from another JVM ({@link
     * RouterLoad}), and returns the next sequence number. A producer in this JVM would share the
     * Kafka client's code with the router's producers and consumers, but not its use of it (no
     * transactions, large batches); a recording showed the JIT deoptimising and compiling again
     * client code the router runs (the producer's sender among it) after such a batch.
     */
    static long load(
            String bootstrap,
            String prefix,
            boolean shared,
            String dedicatedWebhook,
            long from,
            int count)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process loader =
                new ProcessBuilder(
                                java,
                                "-Xms256m",
                                "-Xmx256m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                RouterLoad.class.getName(),
                                bootstrap,
                                prefix,
                                Boolean.toString(shared),
                                dedicatedWebhook,
                                Long.toString(from),
                                Integer.toString(count))
                        .inheritIO()
                        .start();
        if (!loader.waitFor(RUN_LIMIT.toMinutes(), TimeUnit.MINUTES) || loader.exitValue() != 0) {
            loader.destroyForcibly();
            throw new IllegalStateException("the loader did not write " + count + " events");
        }
        return from + count;
    }

    /**
     * Writes {@code count} events after the first {@code from}; returns the next sequence number.
     */
    static long produce(
            String bootstrap,
            HookstreamTopics topics,
            boolean shared,
            String dedicatedWebhook,
            long from,
            int count)
            throws Exception {
        Random random = new Random(from);
        long now = System.currentTimeMillis();
        try (KafkaProducer<String, RawWebhookEvent> producer =
                Fixtures.producer(bootstrap, topics.eventsRaw().valueSerde().serializer())) {
            for (long i = from; i < from + count; i++) {
                String a = Fixtures.account(random.nextInt(HOOKS));
                String b = Fixtures.account(random.nextInt(HOOKS));
                byte[] body = Fixtures.body(i, now * 1000, a, b);
                RawWebhookEvent event;
                String key;
                if (shared) {
                    event = Fixtures.rawEvent(WebhookKind.SHARED, null, Fixtures.SHARED, body, now);
                    key = SHARED_KEYS.keyOf(event);
                } else {
                    key = "hook-" + (i % HOOKS);
                    event =
                            Fixtures.rawEvent(
                                    WebhookKind.DEDICATED, key, dedicatedWebhook, body, now);
                }
                producer.send(new ProducerRecord<>(topics.eventsRaw().name(), key, event));
            }
            producer.flush();
        }
        return from + count;
    }

    /**
     * @param cpuStart CPU used when the clock started (null for phases that do not measure it)
     * @param cpuEnd CPU used when it stopped
     */
    record Phase(
            long startupMillis,
            long runningAtNanos,
            long doneAtNanos,
            List<long[]> timeline,
            long outputs,
            @Nullable CpuTime cpuStart,
            @Nullable CpuTime cpuEnd) {

        /** CPU at the start of a phase that measures it (the measured one). */
        CpuTime measuredCpuStart() {
            return Objects.requireNonNull(cpuStart, "this phase did not measure CPU");
        }

        CpuTime measuredCpuEnd() {
            return Objects.requireNonNull(cpuEnd, "this phase did not measure CPU");
        }

        double seconds() {
            return (doneAtNanos - runningAtNanos) / 1e9;
        }

        /**
         * The clock's span in wall-clock milliseconds, [start, end], for matching it with a
         * recording.
         */
        String clockJson() {
            long nowNanos = System.nanoTime();
            long nowMillis = System.currentTimeMillis();
            long from = nowMillis - (nowNanos - runningAtNanos) / 1_000_000;
            long to = nowMillis - (nowNanos - doneAtNanos) / 1_000_000;
            return "[" + from + "," + to + "]";
        }

        /**
         * Events per second between 10% and 90% of the outputs, which leaves out the start and the
         * last commit; {@code perEvent} outputs make one event.
         */
        double steadyRate(long events, double perEvent) {
            long outputs = Math.round(events * perEvent);
            long[] lo = null;
            long[] hi = null;
            for (long[] point : timeline) {
                if (lo == null && point[1] >= outputs / 10) {
                    lo = point;
                }
                if (hi == null && point[1] >= outputs * 9 / 10) {
                    hi = point;
                }
            }
            if (lo == null || hi == null || hi[0] == lo[0]) {
                return events / seconds();
            }
            return (hi[1] - lo[1]) / perEvent / ((hi[0] - lo[0]) / 1e9);
        }

        /** [seconds since RUNNING, events so far] pairs. */
        String timelineJson(double perEvent) {
            StringBuilder sb = new StringBuilder("[");
            for (long[] point : timeline) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(
                        String.format(
                                java.util.Locale.ROOT,
                                "[%.2f,%d]",
                                (point[0] - runningAtNanos) / 1e9,
                                Math.round(point[1] / perEvent)));
            }
            return sb.append(']').toString();
        }
    }

    /** Streams that were started, with when, and when they first reached RUNNING (0 until then). */
    record Started(KafkaStreams streams, long startedNanos, AtomicLong runningNanos) {}

    static Started start(Topology topology, Properties config) {
        long started = System.nanoTime();
        AtomicLong running = new AtomicLong();
        KafkaStreams streams = new KafkaStreams(topology, config);
        streams.setStateListener(
                (next, old) -> {
                    if (next == KafkaStreams.State.RUNNING) {
                        running.compareAndSet(0, System.nanoTime());
                    }
                });
        streams.start();
        return new Started(streams, started, running);
    }

    /**
     * Waits for RUNNING, then polls the committed offsets of the input every 50 ms until they reach
     * the input's end (and, if asked, until the subscription index holds every hook), reading the
     * output with {@code counter} in between; the streams keep running.
     */
    static Phase runUntilConsumed(
            Admin admin,
            HookstreamTopics topics,
            Started started,
            String applicationId,
            boolean awaitIndex,
            KafkaConsumer<byte[], byte[]> counter)
            throws Exception {
        Map<TopicPartition, Long> end = endOffsets(admin, List.of(topics.eventsRaw().name()));
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        List<long[]> timeline = new ArrayList<>();
        AtomicLong running = started.runningNanos();
        while (running.get() == 0) {
            check(deadline, "RUNNING");
            Thread.sleep(5);
        }
        while (true) {
            check(deadline, "the end of the input");
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(applicationId)
                            .partitionsToOffsetAndMetadata()
                            .get(10, TimeUnit.SECONDS);
            long now = System.nanoTime();
            long total = 0;
            boolean done = true;
            for (var e : end.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                long at = c == null ? 0 : c.offset();
                total += at;
                done &= at >= e.getValue();
            }
            timeline.add(new long[] {now, total});
            if (done && (!awaitIndex || indexReady(started.streams()))) {
                // what the last transactions wrote is committed by now; the index has settled
                Thread.sleep(2000);
                return new Phase(
                        TimeUnit.NANOSECONDS.toMillis(running.get() - started.startedNanos()),
                        running.get(),
                        now,
                        timeline,
                        0,
                        null,
                        null);
            }
            counter.poll(Duration.ofMillis(50));
        }
    }

    /**
     * Stops processing but keeps the stream threads, their tasks and what the JIT compiled; the
     * threads go on polling, so the next batch is partly fetched by the time processing resumes.
     */
    static void pause(KafkaStreams streams) {
        streams.pause();
        if (!streams.isPaused()) {
            throw new IllegalStateException("the streams did not pause");
        }
    }

    /**
     * Counts committed records on the output from the consumer's positions (a read_committed
     * consumer, values not deserialized) until {@code expected} arrived, and stops the clock at the
     * poll that returned the last one. Paused streams are resumed, and the clock starts then.
     * Streams started again ({@code restarted}) are clocked from RUNNING, or from the first output
     * if that came earlier: with several stream threads the first thread can process the whole
     * batch while a later rebalance still holds the instance out of RUNNING. The timeline holds
     * (seconds since the clock started, outputs so far).
     */
    static Phase runUntilOutput(
            KafkaConsumer<byte[], byte[]> consumer,
            Started started,
            boolean restarted,
            long expected) {
        AtomicLong running = started.runningNanos();
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        List<long[]> timeline = new ArrayList<>();
        long count = 0;
        long lastSample = 0;
        @Nullable CpuTime cpuStart = null;
        long clockStart = 0;
        if (!restarted) {
            cpuStart = CpuTime.now();
            clockStart = System.nanoTime();
            started.streams().resume();
            System.out.println("measuring");
        }
        while (count < expected) {
            check(deadline, expected + " outputs (got " + count + ")");
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(20));
            long now = System.nanoTime();
            if (clockStart == 0 && (running.get() != 0 || !records.isEmpty())) {
                // read within one poll (<= 20 ms) of RUNNING, or at the first output
                clockStart = running.get() != 0 ? running.get() : now;
                cpuStart = CpuTime.now();
                System.out.println("measuring");
            }
            count += records.count();
            if (clockStart != 0 && (now - lastSample > 50_000_000L || count >= expected)) {
                timeline.add(new long[] {now, count});
                lastSample = now;
            }
        }
        long done = System.nanoTime();
        CpuTime cpuEnd = CpuTime.now();
        long startup =
                running.get() == 0
                        ? 0
                        : TimeUnit.NANOSECONDS.toMillis(running.get() - started.startedNanos());
        return new Phase(
                startup,
                clockStart,
                done,
                timeline,
                count,
                cpuStart == null ? cpuEnd : cpuStart,
                cpuEnd);
    }

    private static KafkaConsumer<byte[], byte[]> countingConsumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Leaves the group, so that the next phase's member gets the partitions at once instead of
     * after the session timeout.
     */
    private static void close(KafkaStreams streams) {
        streams.close(
                org.apache.kafka.streams.CloseOptions.timeout(Duration.ofSeconds(30))
                        .withGroupMembershipOperation(
                                org.apache.kafka.streams.CloseOptions.GroupMembershipOperation
                                        .LEAVE_GROUP));
    }

    private static boolean indexReady(KafkaStreams streams) {
        try {
            var store =
                    streams.store(
                            StoreQueryParameters.fromNameAndType(
                                    "subscription-index",
                                    QueryableStoreTypes.<String, Object>keyValueStore()));
            long n = 0;
            try (var it = store.all()) {
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
            }
            return n >= HOOKS;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void check(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("gave up waiting for " + what + " after " + RUN_LIMIT);
        }
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topicNames)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        var descriptions =
                admin.describeTopics(topicNames).allTopicNames().get(30, TimeUnit.SECONDS);
        descriptions.forEach(
                (name, d) ->
                        d.partitions()
                                .forEach(
                                        pi ->
                                                request.put(
                                                        new TopicPartition(name, pi.partition()),
                                                        OffsetSpec.latest())));
        Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(request)
                .all()
                .get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }

    /**
     * Committed records per topic from the given offsets up to the current end (read_committed).
     */
    static Map<String, Long> countSince(String bootstrap, Map<TopicPartition, Long> from) {
        Map<String, Long> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = countingConsumer(bootstrap)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                boolean caughtUp =
                        end.entrySet().stream()
                                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                if (caughtUp) {
                    break;
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(r -> counts.merge(r.topic(), 1L, Long::sum));
            }
        }
        return counts;
    }
}
