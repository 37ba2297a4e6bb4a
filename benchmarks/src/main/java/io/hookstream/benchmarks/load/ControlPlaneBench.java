package io.hookstream.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The control plane's answer times as a client sees them, all phases in one run against one system:
 * a hook read ({@code GET /api/hooks/{id}}), a hook created one at a time ({@code POST
 * /api/hooks}), an app registered one at a time ({@code PUT /api/apps/{id}}), and creates from
 * {@code clients} concurrent clients. Every write is answered only once it is durable (acks=all)
 * and the instance's own view has read it, so the ratio write / read is what a new user feels.
 *
 * <p>Hooks are created for {@code users} users in turn; their trigger topics are created in the
 * warm-up, so the phases measure the create path, not topic creation (which the per-user scale run
 * measures on its own).
 *
 * <p>Arguments: {@code <control-url> <rounds> <sequential> <concurrent> <clients> <users>}. Prints
 * one {@code RESULT} line of JSON per phase and round.
 */
public final class ControlPlaneBench {

    private static final Pattern HOOK_ID = Pattern.compile("\"hookId\"\\s*:\\s*\"([^\"]+)\"");

    private ControlPlaneBench() {}

    public static void main(String[] args) throws Exception {
        String control = args[0];
        int rounds = Integer.parseInt(args[1]);
        int sequential = Integer.parseInt(args[2]);
        int concurrent = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        int users = Integer.parseInt(args[5]);
        HttpClient client = Fixtures.httpClient();
        Api api = new Api(client, control);
        api.putApp(Fixtures.APP_ID);
        // warm-up, not reported: every user's trigger topic, the JIT, the connection pool
        String someHook = api.createHook(user(0));
        for (int i = 1; i < Math.max(users, 200); i++) {
            api.createHook(user(i % users));
        }
        concurrentCreates(api, clients, concurrent, users);
        for (int i = 0; i < sequential; i++) {
            api.getHook(someHook);
        }
        for (int round = 1; round <= rounds; round++) {
            long[] reads = new long[sequential];
            for (int i = 0; i < sequential; i++) {
                long t0 = System.nanoTime();
                api.getHook(someHook);
                reads[i] = System.nanoTime() - t0;
            }
            report(round, "hook read", reads, 0);
            long[] creates = new long[sequential];
            for (int i = 0; i < sequential; i++) {
                long t0 = System.nanoTime();
                api.createHook(user(i % users));
                creates[i] = System.nanoTime() - t0;
            }
            report(round, "hook create", creates, 0);
            long[] apps = new long[sequential];
            for (int i = 0; i < sequential; i++) {
                long t0 = System.nanoTime();
                api.putApp("bench-app-" + round + "-" + i);
                apps[i] = System.nanoTime() - t0;
            }
            report(round, "app register", apps, 0);
            long t0 = System.nanoTime();
            long[] each = concurrentCreates(api, clients, concurrent, users);
            double seconds = (System.nanoTime() - t0) / 1e9;
            report(round, "hook create x" + clients, each, concurrent / seconds);
        }
    }

    private static String user(int i) {
        return "bench-user-" + i;
    }

    /** {@code total} creates from {@code clients} threads, each as fast as it is answered. */
    private static long[] concurrentCreates(Api api, int clients, int total, int users)
            throws Exception {
        long[] each = new long[total];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(
                        pool.submit(
                                () -> {
                                    for (int i = next.getAndIncrement();
                                            i < total;
                                            i = next.getAndIncrement()) {
                                        long t0 = System.nanoTime();
                                        api.createHook(user(i % users));
                                        each[i] = System.nanoTime() - t0;
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return each;
    }

    private static void report(int round, String phase, long[] nanos, double perSecond) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "RESULT {\"round\":%d,\"phase\":\"%s\",\"n\":%d,\"p50_us\":%d,\"p99_us\":%d,"
                        + "\"max_us\":%d,\"per_s\":%.1f}%n",
                round,
                phase,
                sorted.length,
                sorted[sorted.length / 2] / 1000,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]
                        / 1000,
                sorted[sorted.length - 1] / 1000,
                perSecond);
    }

    /** The few calls this benchmark makes, each failing loudly on an answer that is not 2xx. */
    private record Api(HttpClient client, String control) {

        void putApp(String appId) throws Exception {
            send(
                    HttpRequest.newBuilder(URI.create(control + "/api/apps/" + appId))
                            .PUT(HttpRequest.BodyPublishers.ofString(Fixtures.appDefinition())));
        }

        String createHook(String userId) throws Exception {
            String json =
                    "{\"appId\":\""
                            + Fixtures.APP_ID
                            + "\",\"webhook\":\""
                            + Fixtures.DEDICATED
                            + "\",\"userId\":\""
                            + userId
                            + "\",\"parameters\":{\"secret\":\""
                            + Fixtures.HOOK_SECRET
                            + "\"}}";
            String body =
                    send(
                            HttpRequest.newBuilder(URI.create(control + "/api/hooks"))
                                    .POST(HttpRequest.BodyPublishers.ofString(json)));
            Matcher m = HOOK_ID.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no hookId in " + body);
            }
            return m.group(1);
        }

        void getHook(String hookId) throws Exception {
            send(HttpRequest.newBuilder(URI.create(control + "/api/hooks/" + hookId)).GET());
        }

        private String send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> answer =
                    client.send(
                            request.header("Authorization", "Bearer " + SystemMain.TOKEN)
                                    .header("Content-Type", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        answer.request().method()
                                + " "
                                + answer.request().uri()
                                + ": "
                                + answer.statusCode()
                                + " "
                                + answer.body());
            }
            return answer.body();
        }
    }
}
