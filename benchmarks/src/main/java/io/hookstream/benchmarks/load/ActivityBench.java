package io.hookstream.benchmarks.load;

import io.hookstream.schemas.avro.EventOutcome;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.HookstreamTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The activity API's answer times as the number of hooks grows: at each size, every hook has an
 * outcome and a hundred busy hooks have 150 each, then a hook read ({@code GET /api/hooks/{id}},
 * the baseline of the same size), a hook's events ({@code .../events?limit=100}) of a quiet and of
 * a busy hook, its request log, and one event by id are asked for hooks picked at random. Hooks and
 * outcomes are written straight to their topics (the API's create rate is the control-plane
 * benchmark's), so the sizes are reached in minutes; the control plane, ingress and router read
 * them as they would read their own.
 *
 * <p>Arguments: {@code <control-url> <bootstrap> <sizes,comma,separated> <samples> <rounds>}.
 * Prints one {@code RESULT} line of JSON per size, round and phase, and one {@code LOADED} line per
 * size with the seconds until the control plane answered for the last hooks and events written.
 */
public final class ActivityBench {

    private static final int BUSY = 100;
    private static final int BUSY_OUTCOMES = 150;
    private static final String TRIGGER_TOPIC = "hookstream.triggers.bench-activity";

    private ActivityBench() {}

    public static void main(String[] args) throws Exception {
        String control = args[0];
        String bootstrap = args[1];
        int[] sizes = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        int samples = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        HookstreamTopics topics = HookstreamTopics.defaults();
        HttpClient client = Fixtures.httpClient();
        long now = System.currentTimeMillis();
        Fixtures.send(bootstrap, topics.apps(), Map.of(Fixtures.APP_ID, Fixtures.app(now)));
        SplittableRandom random = new SplittableRandom(42);
        int loaded = 0;
        try (KafkaProducer<String, Hook> hooks =
                        Fixtures.producer(bootstrap, topics.hooks().valueSerde().serializer());
                KafkaProducer<String, EventOutcome> outcomes =
                        Fixtures.producer(
                                bootstrap, topics.eventsOutcomes().valueSerde().serializer())) {
            for (int b = 0; b < BUSY; b++) {
                String hookId = busy(b);
                hooks.send(new ProducerRecord<>(topics.hooks().name(), hookId, hook(hookId, now)));
                for (int e = 0; e < BUSY_OUTCOMES; e++) {
                    outcomes.send(
                            new ProducerRecord<>(
                                    topics.eventsOutcomes().name(),
                                    hookId,
                                    outcome(hookId, hookId + "-e" + e, now - BUSY_OUTCOMES + e)));
                }
            }
            for (int size : sizes) {
                long t0 = System.nanoTime();
                for (int i = loaded; i < size; i++) {
                    String hookId = quiet(i);
                    hooks.send(
                            new ProducerRecord<>(topics.hooks().name(), hookId, hook(hookId, now)));
                    outcomes.send(
                            new ProducerRecord<>(
                                    topics.eventsOutcomes().name(),
                                    hookId,
                                    outcome(hookId, eventId(i), now)));
                }
                hooks.flush();
                outcomes.flush();
                loaded = size;
                Api api = new Api(client, control);
                // the last hooks written land on every partition: when they all answer, the view
                // and the activity stores have read everything before them
                for (int i = Math.max(0, size - 32); i < size; i++) {
                    api.awaitEvents(quiet(i), 1);
                    // the store by event id is fed through a repartition, so it can be behind
                    api.awaitEvent(eventId(i));
                }
                api.awaitEvents(busy(BUSY - 1), 100);
                System.out.printf(
                        "LOADED {\"hooks\":%d,\"seconds\":%.1f}%n",
                        size, (System.nanoTime() - t0) / 1e9);
                for (int round = 1; round <= rounds; round++) {
                    measure(api, random, size, round, samples);
                }
            }
        }
    }

    private static void measure(Api api, SplittableRandom random, int size, int round, int samples)
            throws Exception {
        // warm the paths once per size, then the phases interleaved request by request, so that a
        // slow moment of the machine falls on all of them alike
        for (int i = 0; i < samples; i++) {
            api.hook(quiet(random.nextInt(size)));
        }
        long[][] nanos = new long[5][samples];
        for (int i = 0; i < samples; i++) {
            int q = random.nextInt(size);
            String quiet = quiet(q);
            String busy = busy(random.nextInt(BUSY));
            long t0 = System.nanoTime();
            api.hook(quiet);
            long t1 = System.nanoTime();
            api.events(quiet, 1);
            long t2 = System.nanoTime();
            api.events(busy, 100);
            long t3 = System.nanoTime();
            api.requests(quiet);
            long t4 = System.nanoTime();
            api.event(eventId(q));
            long t5 = System.nanoTime();
            nanos[0][i] = t1 - t0;
            nanos[1][i] = t2 - t1;
            nanos[2][i] = t3 - t2;
            nanos[3][i] = t4 - t3;
            nanos[4][i] = t5 - t4;
        }
        String[] phases = {
            "hook read",
            "events of a quiet hook",
            "last 100 events of a busy hook",
            "request log",
            "event by id"
        };
        for (int p = 0; p < phases.length; p++) {
            long[] sorted = nanos[p].clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "RESULT {\"hooks\":%d,\"round\":%d,\"phase\":\"%s\",\"n\":%d,\"p50_us\":%d,"
                            + "\"p99_us\":%d,\"max_us\":%d}%n",
                    size,
                    round,
                    phases[p],
                    sorted.length,
                    sorted[sorted.length / 2] / 1000,
                    sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]
                            / 1000,
                    sorted[sorted.length - 1] / 1000);
        }
    }

    private static String quiet(int i) {
        return String.format("act-%07d", i);
    }

    private static String busy(int i) {
        return String.format("busy-%03d", i);
    }

    private static String eventId(int i) {
        return String.format("ev-%07d", i);
    }

    private static Hook hook(String hookId, long now) {
        return Fixtures.dedicatedHook(hookId, "bench-activity-user", TRIGGER_TOPIC, now);
    }

    private static EventOutcome outcome(String hookId, String eventId, long at) {
        return EventOutcome.newBuilder()
                .setEventId(eventId)
                .setReceivedAt(Instant.ofEpochMilli(at))
                .setProcessedAt(Instant.ofEpochMilli(at))
                .setKind(WebhookKind.DEDICATED)
                .setHookId(hookId)
                .setAppId(Fixtures.APP_ID)
                .setWebhookName(Fixtures.DEDICATED)
                .setOutcome("delivered")
                .setBundleIds(List.of(eventId + ":0:" + hookId, eventId + ":1:" + hookId))
                .setTriggerTopics(List.of(TRIGGER_TOPIC))
                .setMethod("POST")
                .setPath("/hooks/" + hookId)
                .setBodySize(512)
                // not a raw topic: the event's detail answers with the outcome alone, without a
                // read of the raw record
                .setSourceTopic("bench.none")
                .setSourcePartition(0)
                .setSourceOffset(0)
                .build();
    }

    /** The calls this benchmark makes, each failing loudly on an answer it does not expect. */
    private record Api(HttpClient client, String control) {

        void hook(String hookId) throws Exception {
            get("/api/hooks/" + hookId);
        }

        void events(String hookId, int expected) throws Exception {
            String body = get("/api/hooks/" + hookId + "/events?limit=100");
            if (count(body, "\"eventId\"") != expected) {
                throw new IllegalStateException(
                        hookId + ": expected " + expected + " events, got " + body);
            }
        }

        void requests(String hookId) throws Exception {
            get("/api/hooks/" + hookId + "/requests?limit=100");
        }

        void event(String eventId) throws Exception {
            get("/api/events/" + eventId);
        }

        /** Until the hook's view and its events have been read, or ten minutes. */
        void awaitEvents(String hookId, int expected) throws Exception {
            long end = System.nanoTime() + 600_000_000_000L;
            while (true) {
                HttpResponse<String> answer = send("/api/hooks/" + hookId + "/events?limit=100");
                if (answer.statusCode() == 200 && count(answer.body(), "\"eventId\"") == expected) {
                    return;
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException(
                            hookId + " never answered its events: " + answer.body());
                }
                Thread.sleep(200);
            }
        }

        /** Until the event is known by its id, or ten minutes. */
        void awaitEvent(String eventId) throws Exception {
            long end = System.nanoTime() + 600_000_000_000L;
            while (send("/api/events/" + eventId).statusCode() != 200) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException(eventId + " never became known by its id");
                }
                Thread.sleep(200);
            }
        }

        private String get(String path) throws Exception {
            HttpResponse<String> answer = send(path);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + path + ": " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        }

        private HttpResponse<String> send(String path) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(control + path))
                            .header("Authorization", "Bearer " + SystemMain.TOKEN)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static int count(String text, String needle) {
            int n = 0;
            for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                n++;
            }
            return n;
        }
    }
}
