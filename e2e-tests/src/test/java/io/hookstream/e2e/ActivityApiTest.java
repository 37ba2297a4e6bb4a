package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * The activity API on the whole system and a real broker: what a hook's senders sent, refused or
 * not, and what became of each event, as an operator reads it over HTTP.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0"
        })
class ActivityApiTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static RunningSystem hs;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws Exception {
        hs = new RunningSystem(broker.getBrokersAsString());
    }

    @AfterAll
    static void stop() {
        hs.close();
    }

    @Test
    void aForgedGithubDeliveryIsListedAsRefusedWithItsReasonAndAGoodOneAsDelivered()
            throws Exception {
        JsonNode hook =
                hs.createHook(
                        "github", "repository", user("gh"), "{\"secret\":\"" + SECRET + "\"}");
        String hookId = hook.get("hookId").asString();
        String url = hook.get("url").asString();
        String body = "{\"ref\":\"refs/heads/main\",\"token\":\"not-a-secret-of-ours\"}";

        HttpResponse<String> forged =
                hs.send(
                        "POST",
                        url,
                        "application/json",
                        body,
                        "X-GitHub-Event",
                        "push",
                        "X-Hub-Signature-256",
                        "sha256=" + "0".repeat(64),
                        "Authorization",
                        "Bearer stolen-token");
        assertThat(forged.statusCode()).isEqualTo(401);

        JsonNode refused =
                await("/api/hooks/" + hookId + "/requests", "requests", r -> true).get(0);
        assertThat(refused.get("status").asInt()).isEqualTo(401);
        assertThat(refused.get("outcome").asString()).isEqualTo("signature_refused");
        assertThat(refused.get("reason").asString()).isNotBlank();
        assertThat(refused.get("method").asString()).isEqualTo("POST");
        assertThat(refused.get("bodyPreview").asString()).isEqualTo(body);
        assertThat(refused.toString())
                .doesNotContain("stolen-token", SECRET, "0000000000")
                .contains("\"name\":\"authorization\",\"value\":\"********\"");

        HttpResponse<String> push =
                hs.send(
                        "POST",
                        url,
                        "application/json",
                        body,
                        "X-GitHub-Event",
                        "push",
                        "X-GitHub-Delivery",
                        "d-activity-1",
                        "X-Hub-Signature-256",
                        "sha256=" + ProviderWebhooksTest.hmacHex(SECRET, body));
        assertThat(push.statusCode()).isEqualTo(200);
        String eventId = push.headers().firstValue("hookstream-event-id").orElseThrow();

        JsonNode delivered =
                await(
                                "/api/hooks/" + hookId + "/events",
                                "events",
                                e -> e.get("eventId").asString().equals(eventId))
                        .get(0);
        assertThat(delivered.get("outcome").asString()).isEqualTo("delivered");
        assertThat(delivered.get("bundleIds").get(0).asString())
                .isEqualTo(eventId + ":0:" + hookId);
        assertThat(delivered.get("triggerTopic").asString())
                .isEqualTo(hook.get("triggerTopic").asString());

        HttpResponse<String> detail = hs.control("GET", "/api/events/" + eventId, null);
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        JsonNode event = RunningSystem.JSON.readTree(detail.body());
        assertThat(event.get("request").get("bodyPreview").asString()).isEqualTo(body);
        assertThat(event.get("request").get("body").asString()).isEqualTo(body);
        assertThat(event.get("request").toString())
                .contains("\"name\":\"x-hub-signature-256\",\"value\":\"********\"")
                .contains("\"name\":\"x-github-delivery\",\"value\":\"d-activity-1\"");
        assertThat(event.get("request").get("source").asString())
                .startsWith(hs.topics.eventsRaw().name() + ":");
        assertThat(event.get("outcomes").get(0).get("outcome").asString()).isEqualTo("delivered");
    }

    @Test
    void aFilteredAndADeadLetteredEventAreListedWithTheirOutcome() throws Exception {
        HttpResponse<String> put =
                hs.control(
                        "PUT",
                        "/api/apps/activity-shop",
                        """
                        {"webhooks": {"orders": {"type": "dedicated", "spec": {
                          "condition": "{{body.type != 'ping'}}",
                          "iterate": "{{body.items}}", "output": {"sku": "{{item.sku}}"}}}}}""");
        assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
        JsonNode hook = hs.createHook("activity-shop", "orders", user("shop"), "{}");
        String hookId = hook.get("hookId").asString();
        String url = hook.get("url").asString();
        RouterBarrier.awaitHooksApplied(
                hs.bootstrapServers,
                "hookstream-router",
                hs.topics.hooks().name(),
                Duration.ofSeconds(60));

        String ping = eventId(hs.send("POST", url, "application/json", "{\"type\":\"ping\"}"));
        String broken =
                eventId(hs.send("POST", url, "application/json", "{\"items\":\"not a list\"}"));

        JsonNode filtered =
                await(
                                "/api/hooks/" + hookId + "/events",
                                "events",
                                e -> e.get("eventId").asString().equals(ping))
                        .get(0);
        assertThat(filtered.get("outcome").asString()).isEqualTo("filtered");
        assertThat(filtered.get("bundleIds")).isEmpty();
        JsonNode dead =
                await(
                                "/api/hooks/" + hookId + "/events",
                                "events",
                                e -> e.get("eventId").asString().equals(broken))
                        .get(0);
        assertThat(dead.get("outcome").asString()).isEqualTo("dead_letter");
        assertThat(dead.get("error").get("directivePath").asString()).contains("iterate");
        assertThat(dead.get("error").get("code").asString()).isEqualTo("WEBHOOK-ITERATE");

        // newest first
        JsonNode events =
                RunningSystem.JSON
                        .readTree(
                                hs.control("GET", "/api/hooks/" + hookId + "/events", null).body())
                        .get("events");
        assertThat(events.get(0).get("eventId").asString()).isEqualTo(broken);
        assertThat(events.get(1).get("eventId").asString()).isEqualTo(ping);
    }

    @Test
    void theLiveTailShowsARefusedRequestAndADeliveredEventAsTheyHappen() throws Exception {
        JsonNode hook =
                hs.createHook(
                        "github", "repository", user("tail"), "{\"secret\":\"" + SECRET + "\"}");
        String hookId = hook.get("hookId").asString();
        String url = hook.get("url").asString();
        java.util.concurrent.BlockingQueue<String> lines =
                new java.util.concurrent.LinkedBlockingQueue<>();
        var stream =
                java.net.http.HttpClient.newHttpClient()
                        .sendAsync(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create(
                                                        hs.system.controlUrl()
                                                                + "/api/hooks/"
                                                                + hookId
                                                                + "/events/stream"))
                                        .header("Authorization", "Bearer " + RunningSystem.TOKEN)
                                        .header("Accept", "text/event-stream")
                                        .build(),
                                HttpResponse.BodyHandlers.ofLines());
        Thread reader =
                new Thread(
                        () -> {
                            try {
                                stream.join().body().forEach(lines::add);
                            } catch (RuntimeException e) {
                                // the stream is cancelled at the end of the test
                            }
                        });
        reader.setDaemon(true);
        reader.start();
        try {
            String body = "{\"ref\":\"refs/heads/tail\"}";
            // the tail follows from the moment it is opened: send until the stream shows one
            String refused = untilStreamed(lines, "signature_refused", () -> forgedPush(url, body));
            assertThat(refused).contains("\"status\":401").doesNotContain("0000000000");
            String delivered =
                    untilStreamed(
                            lines,
                            "\"outcome\":\"delivered\"",
                            () ->
                                    hs.send(
                                            "POST",
                                            url,
                                            "application/json",
                                            body,
                                            "X-GitHub-Event",
                                            "push",
                                            "X-Hub-Signature-256",
                                            "sha256="
                                                    + ProviderWebhooksTest.hmacHex(SECRET, body)));
            assertThat(delivered).contains(":0:" + hookId);
        } finally {
            stream.cancel(true);
        }
    }

    /** Sends until a data line with {@code marker} arrives on the stream; answers that line. */
    private static String untilStreamed(
            java.util.concurrent.BlockingQueue<String> lines,
            String marker,
            java.util.concurrent.Callable<HttpResponse<String>> send)
            throws Exception {
        for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                System.nanoTime() < end; ) {
            send.call();
            for (long wait = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                    System.nanoTime() < wait; ) {
                String line = lines.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("data:") && line.contains(marker)) {
                    return line;
                }
            }
        }
        throw new AssertionError("the stream showed no " + marker);
    }

    @Test
    void twoControlPlanesAnswerAlikeEachAskingTheOtherForTheHooksItDoesNotOwn() throws Exception {
        java.util.Map<String, String> eventOfHook = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            JsonNode hook =
                    hs.createHook(
                            "github", "repository", user("two"), "{\"secret\":\"" + SECRET + "\"}");
            String body = "{\"n\":" + i + "}";
            eventOfHook.put(
                    hook.get("hookId").asString(),
                    eventId(signedPush(hook.get("url").asString(), body)));
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        try (var second =
                io.hookstream.connections.ConnectionServiceApplication.builder()
                        .run(
                                "--server.port=0",
                                "--management.server.port=0",
                                "--hookstream.kafka.bootstrap-servers=" + hs.bootstrapServers,
                                "--hookstream.control.api-token=" + RunningSystem.TOKEN,
                                "--hookstream.secrets.data-key="
                                        + java.util.Base64.getEncoder().encodeToString(key))) {
            String secondUrl =
                    "http://localhost:"
                            + ((org.springframework.boot.web.server.context
                                                    .WebServerApplicationContext)
                                            second)
                                    .getWebServer()
                                    .getPort();
            // the partitions are now shared by two instances: each hook's entries are on one of
            // them, and both answer for every hook
            for (var hook : eventOfHook.entrySet()) {
                String path = "/api/hooks/" + hook.getKey() + "/events";
                Predicate<JsonNode> itsEvent =
                        e -> e.get("eventId").asString().equals(hook.getValue());
                assertThat(await(hs.system.controlUrl(), path, "events", itsEvent)).hasSize(1);
                assertThat(await(secondUrl, path, "events", itsEvent)).hasSize(1);
            }
            // the counts per outcome are summed over both instances' shares, by either of them
            long[] delivered = {0, -1};
            for (long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                    System.nanoTime() < end && delivered[0] != delivered[1]; ) {
                delivered[0] = count(trafficAt(hs.system.controlUrl()), "events", "delivered");
                delivered[1] = count(trafficAt(secondUrl), "events", "delivered");
                if (delivered[0] != delivered[1]) {
                    Thread.sleep(200);
                }
            }
            assertThat(delivered[1]).isEqualTo(delivered[0]).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void theOverviewCountsRequestsAndEventsPerOutcomeMinuteByMinute() throws Exception {
        JsonNode before = trafficAt(hs.system.controlUrl());
        long refusedBefore = count(before, "requests", "signature_refused");
        long deliveredBefore = count(before, "events", "delivered");
        JsonNode hook =
                hs.createHook(
                        "github", "repository", user("count"), "{\"secret\":\"" + SECRET + "\"}");
        String url = hook.get("url").asString();

        forgedPush(url, "{\"n\":1}");
        forgedPush(url, "{\"n\":2}");
        eventId(signedPush(url, "{\"n\":3}"));

        JsonNode traffic = trafficAt(hs.system.controlUrl());
        for (long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                System.nanoTime() < end
                        && (count(traffic, "requests", "signature_refused") < refusedBefore + 2
                                || count(traffic, "events", "delivered") < deliveredBefore + 1); ) {
            Thread.sleep(200);
            traffic = trafficAt(hs.system.controlUrl());
        }
        assertThat(count(traffic, "requests", "signature_refused"))
                .as(traffic.toString())
                .isGreaterThanOrEqualTo(refusedBefore + 2);
        assertThat(count(traffic, "events", "delivered"))
                .isGreaterThanOrEqualTo(deliveredBefore + 1);
        assertThat(traffic.get("minutes").asInt()).isEqualTo(15);
        assertThat(traffic.get("perMinute").size()).isEqualTo(15);
        long perMinute = 0;
        for (JsonNode minute : traffic.get("perMinute")) {
            perMinute += minute.get("requests").path("signature_refused").asLong(0);
        }
        assertThat(perMinute).isEqualTo(count(traffic, "requests", "signature_refused"));
        assertThat(traffic.get("refused").asLong())
                .isGreaterThanOrEqualTo(count(traffic, "requests", "signature_refused"));
        assertThat(traffic.get("accepted").asLong())
                .isGreaterThanOrEqualTo(count(traffic, "events", "delivered"));
        assertThat(hs.control("GET", "/api/overview?minutes=0", null).statusCode()).isEqualTo(400);
        assertThat(hs.control("GET", "/api/overview?minutes=5", null).statusCode()).isEqualTo(200);
    }

    private static JsonNode trafficAt(String control) throws Exception {
        HttpResponse<String> answer =
                hs.http.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(control + "/api/overview"))
                                .header("Authorization", "Bearer " + RunningSystem.TOKEN)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return RunningSystem.JSON.readTree(answer.body()).get("traffic");
    }

    private static long count(JsonNode traffic, String kind, String outcome) {
        return traffic.get(kind).path(outcome).asLong(0);
    }

    @Test
    void theOverviewShowsHowFarEachTriggerTopicReaderIsBehind() throws Exception {
        String user = user("lag");
        JsonNode hook =
                hs.createHook("github", "repository", user, "{\"secret\":\"" + SECRET + "\"}");
        String body = "{\"ref\":\"lag\"}";
        eventId(signedPush(hook.get("url").asString(), body));
        String topic = hook.get("triggerTopic").asString();
        assertThat(
                        hs.read(
                                topic,
                                new io.hookstream.schemas.bundle.BundleReader(),
                                1,
                                Duration.ofSeconds(60)))
                .hasSize(1);
        String group = "downstream-" + user;
        java.util.Map<
                        org.apache.kafka.common.TopicPartition,
                        org.apache.kafka.clients.admin.OffsetSpec>
                latest = new java.util.HashMap<>();
        hs.admin
                .describeTopics(java.util.List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .forEach(
                        p ->
                                latest.put(
                                        new org.apache.kafka.common.TopicPartition(
                                                topic, p.partition()),
                                        org.apache.kafka.clients.admin.OffsetSpec.latest()));
        java.util.Map<
                        org.apache.kafka.common.TopicPartition,
                        org.apache.kafka.clients.consumer.OffsetAndMetadata>
                atStart = new java.util.HashMap<>();
        java.util.Map<
                        org.apache.kafka.common.TopicPartition,
                        org.apache.kafka.clients.consumer.OffsetAndMetadata>
                atEnd = new java.util.HashMap<>();
        hs.admin
                .listOffsets(latest)
                .all()
                .get()
                .forEach(
                        (tp, info) -> {
                            atStart.put(
                                    tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(0));
                            atEnd.put(
                                    tp,
                                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(
                                            info.offset()));
                        });

        // a reader that has read nothing yet is behind by what the topic holds
        hs.admin.alterConsumerGroupOffsets(group, atStart).all().get();
        JsonNode behind = groupIn(overview(), group);
        assertThat(behind.get("topics").get(0).asString()).isEqualTo(topic);
        assertThat(behind.get("lag").asLong()).isPositive();
        // and by nothing once it has committed the end
        hs.admin.alterConsumerGroupOffsets(group, atEnd).all().get();
        assertThat(groupIn(overview(), group).get("lag").asLong()).isZero();

        JsonNode overview = overview();
        assertThat(overview.get("routerLag")).isNotEmpty();
        assertThat(overview.get("routerLag").get(0).get("topic").asString())
                .startsWith("hookstream.events.");
        assertThat(overview.get("deadLetters").asLong()).isNotNegative();
    }

    private static JsonNode overview() throws Exception {
        HttpResponse<String> answer = hs.control("GET", "/api/overview", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return RunningSystem.JSON.readTree(answer.body());
    }

    private static JsonNode groupIn(JsonNode overview, String group) {
        for (JsonNode g : overview.get("consumerGroups")) {
            if (g.get("groupId").asString().equals(group)) {
                return g;
            }
        }
        throw new AssertionError("no group " + group + " in " + overview);
    }

    @Test
    void aSharedItemNobodySubscribedToIsListedUnmatchedWithItsUid() throws Exception {
        HttpResponse<String> put =
                hs.control(
                        "PUT",
                        "/api/apps/activity-teams",
                        """
                        {"connection": {"info": {"url": "https://api.example.com/me", "response": {"uid": "{{body.team}}"}}},
                         "webhooks": {"feed": {"type": "shared", "spec": {"uid": "{{body.team}}"}}}}""");
        assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
        String eventId =
                eventId(
                        hs.send(
                                "POST",
                                hs.system.ingressUrl() + "/apps/activity-teams/webhooks/feed",
                                "application/json",
                                "{\"team\":\"nobody-here\"}"));

        String path = "/api/apps/activity-teams/webhooks/feed/events";
        JsonNode unmatched =
                await(
                                path,
                                "events",
                                e ->
                                        e.get("eventId").asString().equals(eventId)
                                                && e.get("outcome").asString().equals("unmatched"))
                        .get(0);
        assertThat(unmatched.get("unmatchedUids").get(0).asString()).isEqualTo("nobody-here");
        assertThat(
                        await(
                                path,
                                "events",
                                e ->
                                        e.get("eventId").asString().equals(eventId)
                                                && e.get("outcome").asString().equals("expanded")))
                .hasSize(1);
    }

    @Test
    void theCliPrintsAHooksRequestsAndEventsAsJsonLines() throws Exception {
        JsonNode hook =
                hs.createHook(
                        "github", "repository", user("cli"), "{\"secret\":\"" + SECRET + "\"}");
        String hookId = hook.get("hookId").asString();
        String body = "{\"ref\":\"cli\"}";
        forgedPush(hook.get("url").asString(), body);
        String eventId = eventId(signedPush(hook.get("url").asString(), body));
        await("/api/hooks/" + hookId + "/requests", "requests", r -> true);
        await(
                "/api/hooks/" + hookId + "/events",
                "events",
                e -> e.get("eventId").asString().equals(eventId));

        String[] requests = cli("requests", "--hook", hookId);
        assertThat(requests).hasSize(1);
        assertThat(RunningSystem.JSON.readTree(requests[0]).get("status").asInt()).isEqualTo(401);
        String[] events = cli("events", "--hook", hookId);
        assertThat(events).hasSize(1);
        assertThat(RunningSystem.JSON.readTree(events[0]).get("eventId").asString())
                .isEqualTo(eventId);

        java.io.StringWriter err = new java.io.StringWriter();
        int missing =
                new picocli.CommandLine(new io.hookstream.cli.HookstreamCli())
                        .setOut(new java.io.PrintWriter(new java.io.StringWriter(), true))
                        .setErr(new java.io.PrintWriter(err, true))
                        .execute(
                                "events",
                                "--hook",
                                "no-such-hook",
                                "--control-url",
                                hs.system.controlUrl(),
                                "--token",
                                RunningSystem.TOKEN);
        assertThat(missing).isNotZero();
        assertThat(err.toString()).contains("404").contains("no hook no-such-hook");
    }

    /** The CLI's output lines, which must end with exit code 0. */
    private static String[] cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--control-url";
        all[args.length + 1] = hs.system.controlUrl();
        all[args.length + 2] = "--token";
        all[args.length + 3] = RunningSystem.TOKEN;
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit =
                new picocli.CommandLine(new io.hookstream.cli.HookstreamCli())
                        .setOut(new java.io.PrintWriter(out, true))
                        .setErr(new java.io.PrintWriter(err, true))
                        .execute(all);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString().lines().toArray(String[]::new);
    }

    @Test
    void anUnknownHookIs404AndTheApiNeedsTheToken() throws Exception {
        HttpResponse<String> missing = hs.control("GET", "/api/hooks/no-such-hook/requests", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("/problems/");
        HttpResponse<String> anonymous =
                hs.send("GET", hs.system.controlUrl() + "/api/events/e-1", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    /** A push as GitHub signs it with the hook's secret. */
    private static HttpResponse<String> signedPush(String url, String body) throws Exception {
        return hs.send(
                "POST",
                url,
                "application/json",
                body,
                "X-GitHub-Event",
                "push",
                "X-Hub-Signature-256",
                "sha256=" + ProviderWebhooksTest.hmacHex(SECRET, body));
    }

    /** A push whose signature is made up. */
    private static HttpResponse<String> forgedPush(String url, String body) throws Exception {
        return hs.send(
                "POST",
                url,
                "application/json",
                body,
                "X-GitHub-Event",
                "push",
                "X-Hub-Signature-256",
                "sha256=" + "0".repeat(64));
    }

    private static String eventId(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        return accepted.headers().firstValue("hookstream-event-id").orElseThrow();
    }

    /** Polls a list endpoint until an entry matches; the view follows the topics closely. */
    private static java.util.List<JsonNode> await(
            String path, String field, Predicate<JsonNode> matching) throws Exception {
        return await(hs.system.controlUrl(), path, field, matching);
    }

    private static java.util.List<JsonNode> await(
            String control, String path, String field, Predicate<JsonNode> matching)
            throws Exception {
        String last = "";
        for (long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                System.nanoTime() < end; ) {
            HttpResponse<String> answer =
                    hs.http.send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create(control + path))
                                    .header("Authorization", "Bearer " + RunningSystem.TOKEN)
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            last = answer.statusCode() + " " + answer.body();
            if (answer.statusCode() == 200) {
                java.util.List<JsonNode> found = new java.util.ArrayList<>();
                RunningSystem.JSON.readTree(answer.body()).get(field).forEach(found::add);
                java.util.List<JsonNode> matched = found.stream().filter(matching).toList();
                if (!matched.isEmpty()) {
                    return matched;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("nothing matched at " + path + "; last answer: " + last);
    }

    private static String user(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
