package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.bundle.Bundle;
import io.hookstream.schemas.bundle.BundleReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * The control plane's half of shared webhooks, through the whole system: a connection's {@code
 * info} request learns its uid from a provider over real HTTP, a shared subscription names the
 * connection, and a delivery to the app's shared URL reaches the subscriber's trigger topic. When
 * the provider later reports another identity, verifying the connection moves the subscription to
 * the new uid.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0"
        })
class SharedSubscriptionTest {

    @Test
    void aDeliveryToTheSharedUrlReachesTheSubscriberWhoseConnectionHasItsUid(
            EmbeddedKafkaBroker broker) throws Exception {
        Map<String, String> teamOfToken = new ConcurrentHashMap<>();
        HttpServer provider = teamsProvider(teamOfToken);
        try (RunningSystem hs = new RunningSystem(broker.getBrokersAsString())) {
            String app =
                    """
                {"connection": {"info": {"url": "http://127.0.0.2:%d/api/me",
                                         "headers": {"Authorization": "Bearer {{connection.accessToken}}"},
                                         "response": {"uid": "{{body.team}}"}},
                                "log": {"sanitize": ["request.headers.authorization"]}},
                 "webhooks": {"events": {"type": "shared", "spec": {"uid": "{{body.team}}", "output": {"n": "{{body.n}}"}}}}}
                """
                            .formatted(provider.getAddress().getPort());
            HttpResponse<String> put = hs.control("PUT", "/api/apps/teams", app);
            assertThat(put.statusCode()).as(put.body()).isIn(200, 201);

            String user = "alice-" + UUID.randomUUID().toString().substring(0, 8);
            String token = "tok-" + UUID.randomUUID();
            String firstTeam = "T-" + UUID.randomUUID();
            String secondTeam = "T-" + UUID.randomUUID();
            teamOfToken.put(token, firstTeam);

            HttpResponse<String> connection =
                    hs.control(
                            "POST",
                            "/api/connections",
                            "{\"appId\":\"teams\",\"userId\":\""
                                    + user
                                    + "\",\"data\":{\"accessToken\":\""
                                    + token
                                    + "\"}}");
            assertThat(connection.statusCode()).as(connection.body()).isEqualTo(201);
            JsonNode created = RunningSystem.JSON.readTree(connection.body());
            assertThat(created.get("uid").asString()).isEqualTo(firstTeam);
            String connectionId = created.get("connectionId").asString();

            HttpResponse<String> hook =
                    hs.control(
                            "POST",
                            "/api/hooks",
                            "{\"appId\":\"teams\",\"webhook\":\"events\",\"userId\":\""
                                    + user
                                    + "\",\"connectionId\":\""
                                    + connectionId
                                    + "\"}");
            assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
            String sharedUrl = RunningSystem.JSON.readTree(hook.body()).get("url").asString();
            assertThat(sharedUrl).isEqualTo(hs.system.ingressUrl() + "/apps/teams/webhooks/events");

            // the subscription index is built asynchronously from the hooks and connections topics
            List<Bundle> first = deliverUntilRouted(hs, sharedUrl, firstTeam, user);
            assertThat(first)
                    .isNotEmpty()
                    .allSatisfy(
                            b -> {
                                assertThat(b.userId()).isEqualTo(user);
                                assertThat(b.hookId())
                                        .isEqualTo(
                                                RunningSystem.JSON
                                                        .readTree(hook.body())
                                                        .get("hookId")
                                                        .asString());
                                assertThat(
                                                RunningSystem.JSON
                                                        .readTree(b.output())
                                                        .get("n")
                                                        .asString())
                                        .isEqualTo(firstTeam);
                            });

            teamOfToken.put(token, secondTeam);
            HttpResponse<String> verified =
                    hs.control("POST", "/api/connections/" + connectionId + "/verify", "{}");
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            assertThat(RunningSystem.JSON.readTree(verified.body()).get("uid").asString())
                    .isEqualTo(secondTeam);

            List<Bundle> second = deliverUntilRouted(hs, sharedUrl, secondTeam, user);
            assertThat(second)
                    .isNotEmpty()
                    .allSatisfy(
                            b ->
                                    assertThat(
                                                    RunningSystem.JSON
                                                            .readTree(b.output())
                                                            .get("n")
                                                            .asString())
                                            .isEqualTo(secondTeam));

            // the old uid has no subscriber any more
            HttpResponse<String> stale =
                    hs.send(
                            "POST",
                            sharedUrl,
                            "application/json",
                            "{\"team\":\"" + firstTeam + "\",\"n\":\"stale\"}");
            assertThat(stale.statusCode()).isEqualTo(200);
            List<ConsumerRecord<String, UnmatchedItem>> unmatched =
                    hs
                            .read(
                                    hs.topics.eventsUnmatched().name(),
                                    hs.topics.eventsUnmatched().valueSerde().deserializer(),
                                    1,
                                    Duration.ofSeconds(60))
                            .stream()
                            .filter(r -> r.key().equals("teams:" + firstTeam))
                            .toList();
            assertThat(unmatched).isNotEmpty();
        } finally {
            provider.stop(0);
        }
    }

    @Test
    void eachItemReachesEveryHookOfItsUidOnlyAndStopsWhenTheSubscriptionIsGone(
            EmbeddedKafkaBroker broker) throws Exception {
        Map<String, String> teamOfToken = new ConcurrentHashMap<>();
        HttpServer provider = teamsProvider(teamOfToken);
        try (RunningSystem hs = new RunningSystem(broker.getBrokersAsString())) {
            String app =
                    """
                {"connection": {"info": {"url": "http://127.0.0.2:%d/api/me",
                                         "headers": {"Authorization": "Bearer {{connection.accessToken}}"},
                                         "response": {"uid": "{{body.team}}"}}},
                 "webhooks": {"feed": {"type": "shared",
                   "spec": {"iterate": "{{body.items}}", "uid": "{{item.team}}", "output": {"n": "{{item.n}}"}}}}}
                """
                            .formatted(provider.getAddress().getPort());
            assertThat(hs.control("PUT", "/api/apps/feeds", app).statusCode()).isIn(200, 201);
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String alice = "alice-" + suffix;
            String bob = "bob-" + suffix;
            String teamA = "A-" + suffix;
            String teamB = "B-" + suffix;
            String aliceConnection = connect(hs, teamOfToken, "feeds", alice, teamA);
            String bobConnection = connect(hs, teamOfToken, "feeds", bob, teamB);
            String aliceHook1 = subscribe(hs, "feeds", "feed", alice, aliceConnection);
            String aliceHook2 = subscribe(hs, "feeds", "feed", alice, aliceConnection);
            String bobHook = subscribe(hs, "feeds", "feed", bob, bobConnection);
            String url = hs.system.ingressUrl() + "/apps/feeds/webhooks/feed";

            // the subscription index is built asynchronously: send until both users are routed
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            String marker = null;
            while (System.nanoTime() < deadline) {
                marker = "m-" + UUID.randomUUID();
                assertThat(
                                hs.send(
                                                "POST",
                                                url,
                                                "application/json",
                                                items(marker, teamA, teamB, "nobody-" + suffix))
                                        .statusCode())
                        .isEqualTo(200);
                if (bundles(hs, alice, marker, 2).size() == 2
                        && bundles(hs, bob, marker, 1).size() == 1) {
                    break;
                }
            }
            // the last delivery: alice's two hooks got item 0, bob's hook item 1, nobody item 2
            List<Bundle> toAlice = bundles(hs, alice, marker, 2);
            assertThat(toAlice)
                    .extracting(Bundle::hookId)
                    .containsExactlyInAnyOrder(aliceHook1, aliceHook2);
            assertThat(toAlice).extracting(Bundle::itemIndex).containsOnly(0);
            List<Bundle> toBob = bundles(hs, bob, marker, 1);
            assertThat(toBob).extracting(Bundle::hookId).containsExactly(bobHook);
            assertThat(toBob).extracting(Bundle::itemIndex).containsExactly(1);
            String lastMarker = marker;
            assertThat(
                            hs
                                    .read(
                                            hs.topics.eventsUnmatched().name(),
                                            hs.topics.eventsUnmatched().valueSerde().deserializer(),
                                            1,
                                            Duration.ofSeconds(30))
                                    .stream()
                                    .filter(
                                            r ->
                                                    r.key().equals("feeds:nobody-" + suffix)
                                                            && r.value()
                                                                    .getOutput()
                                                                    .contains(lastMarker)))
                    .hasSize(1);

            // bob unsubscribes and removes his connection: his uid now belongs to nobody
            assertThat(hs.control("DELETE", "/api/hooks/" + bobHook, null).statusCode())
                    .isEqualTo(204);
            assertThat(hs.control("DELETE", "/api/connections/" + bobConnection, null).statusCode())
                    .isEqualTo(204);
            String after = null;
            boolean unmatchedNow = false;
            for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    System.nanoTime() < end && !unmatchedNow; ) {
                after = "m-" + UUID.randomUUID();
                assertThat(
                                hs.send("POST", url, "application/json", items(after, teamA, teamB))
                                        .statusCode())
                        .isEqualTo(200);
                String sent = after;
                unmatchedNow =
                        hs
                                .read(
                                        hs.topics.eventsUnmatched().name(),
                                        hs.topics.eventsUnmatched().valueSerde().deserializer(),
                                        1,
                                        Duration.ofSeconds(5))
                                .stream()
                                .anyMatch(
                                        r ->
                                                r.key().equals("feeds:" + teamB)
                                                        && r.value().getOutput().contains(sent));
            }
            assertThat(unmatchedNow)
                    .as("bob's uid unmatched after his subscription is gone")
                    .isTrue();
            assertThat(bundles(hs, bob, after, 1)).isEmpty();
            assertThat(bundles(hs, alice, after, 2)).hasSize(2);
        } finally {
            provider.stop(0);
        }
    }

    private static String items(String marker, String... teams) {
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (int i = 0; i < teams.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"team\":\"")
                    .append(teams[i])
                    .append("\",\"n\":\"")
                    .append(marker)
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    private static List<Bundle> bundles(
            RunningSystem hs, String user, String marker, int expected) {
        return hs
                .read(
                        "hookstream.triggers." + user,
                        new BundleReader(),
                        expected,
                        Duration.ofSeconds(5))
                .stream()
                .map(ConsumerRecord::value)
                .filter(b -> b.output().contains(marker))
                .toList();
    }

    private static String connect(
            RunningSystem hs,
            Map<String, String> teamOfToken,
            String appId,
            String user,
            String team)
            throws IOException, InterruptedException {
        String token = "tok-" + UUID.randomUUID();
        teamOfToken.put(token, team);
        HttpResponse<String> created =
                hs.control(
                        "POST",
                        "/api/connections",
                        "{\"appId\":\""
                                + appId
                                + "\",\"userId\":\""
                                + user
                                + "\",\"data\":{\"accessToken\":\""
                                + token
                                + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunningSystem.JSON.readTree(created.body()).get("connectionId").asString();
    }

    private static String subscribe(
            RunningSystem hs, String appId, String webhook, String user, String connectionId)
            throws IOException, InterruptedException {
        HttpResponse<String> hook =
                hs.control(
                        "POST",
                        "/api/hooks",
                        "{\"appId\":\""
                                + appId
                                + "\",\"webhook\":\""
                                + webhook
                                + "\",\"userId\":\""
                                + user
                                + "\",\"connectionId\":\""
                                + connectionId
                                + "\"}");
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
        return RunningSystem.JSON.readTree(hook.body()).get("hookId").asString();
    }

    /** A provider whose {@code /api/me} answers the team of the bearer token. */
    private static HttpServer teamsProvider(Map<String, String> teamOfToken) throws IOException {
        HttpServer provider =
                HttpServer.create(new InetSocketAddress(FakeProviderApi.ADDRESS, 0), 0);
        provider.createContext(
                "/api/me",
                exchange -> {
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    String team =
                            authorization == null
                                    ? null
                                    : teamOfToken.get(authorization.replace("Bearer ", ""));
                    byte[] body =
                            (team == null
                                            ? "{\"message\":\"unknown token\"}"
                                            : "{\"team\":\"" + team + "\"}")
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(team == null ? 401 : 200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        provider.start();
        return provider;
    }

    /**
     * Sends deliveries for {@code team} (their output is the team) until one reaches {@code user}'s
     * trigger topic, and answers that topic's bundles for {@code team}.
     */
    private static List<Bundle> deliverUntilRouted(
            RunningSystem hs, String url, String team, String user)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> delivery =
                    hs.send(
                            "POST",
                            url,
                            "application/json",
                            "{\"team\":\"" + team + "\",\"n\":\"" + team + "\"}");
            assertThat(delivery.statusCode()).as(delivery.body()).isEqualTo(200);
            List<Bundle> bundles =
                    hs
                            .read(
                                    "hookstream.triggers." + user,
                                    new BundleReader(),
                                    1,
                                    Duration.ofSeconds(5))
                            .stream()
                            .map(ConsumerRecord::value)
                            .filter(
                                    b ->
                                            RunningSystem.JSON
                                                    .readTree(b.output())
                                                    .path("n")
                                                    .asString()
                                                    .equals(team))
                            .toList();
            if (!bundles.isEmpty()) {
                return bundles;
            }
        }
        throw new AssertionError(
                "no delivery for uid " + team + " reached " + user + " within 90 s");
    }
}
