package io.hookstream.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.connections.RawHttpConnection.Response;
import io.hookstream.connections.RunningControlPlane.Answer;
import io.hookstream.schemas.avro.Connection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connections API against a real broker and a real HTTP provider: {@code info} decides what is
 * stored, and the compacted {@code connections} topic holds exactly that.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1",
            "group.initial.rebalance.delay.ms=0"
        })
class ConnectionsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FakeProvider provider;
    private static RunningControlPlane control;

    @BeforeAll
    static void start() throws Exception {
        provider = new FakeProvider();
        control =
                RunningControlPlane.start(EmbeddedKafkaCondition.getBroker().getBrokersAsString());
        control.putApp("acme", TestApps.acme(provider.baseUrl()));
        control.putApp(
                "down",
                TestApps.infoAt("http://127.0.0.1:" + FakeProvider.closedPort() + "/api/me"));
        control.putApp("slow", TestApps.infoAt(provider.baseUrl() + "/slow"));
        control.putApp("big", TestApps.infoAt(provider.baseUrl() + "/big"));
        control.putApp("relative", TestApps.infoAt("{{connection.baseUrl}}/api/me"));
        control.putApp("plain", "{\"webhooks\": {\"orders\": {\"spec\": {}}}}");
    }

    @AfterAll
    static void stop() {
        if (control != null) {
            control.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aValidConnectionIsStoredWithWhatInfoLearnt() {
        String user = user();
        String token = "tok-" + UUID.randomUUID();
        provider.identity(token, "acct-1", "ada@example.test", "Ada", "sess-" + UUID.randomUUID());

        Answer created =
                control.post(
                        "/api/connections",
                        "{\"appId\":\"acme\",\"userId\":\""
                                + user
                                + "\",\"data\":{\"accessToken\":\""
                                + token
                                + "\"},\"parameters\":{\"region\":\"eu\"}}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("connectionId");
        assertThat(id).matches("[a-z2-7]{32}");
        assertThat(created.json().get("uid").asString()).isEqualTo("acct-1");
        assertThat(created.json().get("valid").asBoolean()).isTrue();
        assertThat(created.json().get("metadata").toString())
                .isEqualTo("{\"type\":\"email\",\"value\":\"ada@example.test\"}");
        assertThat(created.json().get("dataKeys").toString())
                .isEqualTo("[\"accessToken\",\"accountName\"]");
        assertThat(created.body()).doesNotContain(token);

        // the info request went out with the stored data bound as `connection` (D8)
        FakeProvider.Recorded info = last(provider.requests("GET", "/api/me"));
        assertThat(info.header("authorization")).isEqualTo("Bearer " + token);
        assertThat(info.query())
                .isEmpty(); // no apiKey in the data: the undefined query parameter is left out

        Connection stored = control.latest(RunningControlPlane.TOPICS.connections()).get(id);
        assertThat(stored).isNotNull();
        assertThat(stored.getAppId()).isEqualTo("acme");
        assertThat(stored.getUserId()).isEqualTo(user);
        assertThat(stored.getUid()).isEqualTo("acct-1");
        assertThat(stored.getValid()).isTrue();
        assertThat(stored.getError()).isNull();
        assertThat(stored.getMetadata().getType()).isEqualTo("email");
        assertThat(stored.getMetadata().getValue()).isEqualTo("ada@example.test");
        // sealed at rest: the token is not in the record's bytes, and the data opens with the
        // service's key
        assertThat(stored.getDataEncryption()).isEqualTo("AES-GCM:k1");
        assertThat(
                        new String(
                                RunningControlPlane.bytes(stored.getData()),
                                StandardCharsets.ISO_8859_1))
                .doesNotContain(token);
        assertThat(RunningControlPlane.openData(stored))
                .isEqualTo(
                        JSON.readTree(
                                "{\"accessToken\":\"" + token + "\",\"accountName\":\"Ada\"}"));
        assertThat(JSON.readTree(stored.getParameters()))
                .isEqualTo(JSON.readTree("{\"region\":\"eu\"}"));

        Answer read = control.get("/api/connections/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("uid").asString()).isEqualTo("acct-1");
        assertThat(read.json().get("parameters").toString()).isEqualTo("{\"region\":\"eu\"}");
        assertThat(read.json().has("data")).isFalse();
        assertThat(read.body()).doesNotContain(token);
    }

    @Test
    void aRefusedTokenIs422WithTheMessageOfTheResponseBlockAndNothingIsStored() {
        String user = user();
        String token = "revoked-" + UUID.randomUUID();
        int before = control.records(RunningControlPlane.TOPICS.connections()).size();

        Answer refused =
                control.post(
                        "/api/connections",
                        "{\"appId\":\"acme\",\"userId\":\""
                                + user
                                + "\",\"data\":{\"accessToken\":\""
                                + token
                                + "\"}}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        // §7: error.<status>.message wins over error.message; the echoed token is the connection's
        // own secret
        assertThat(refused.text("detail")).isEqualTo("Acme says: token ******** is revoked");
        assertThat(refused.text("errorType")).isEqualTo("AuthError");
        assertThat(refused.json().get("remoteStatus").asInt()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain(token);
        assertThat(control.records(RunningControlPlane.TOPICS.connections())).hasSize(before);
        assertThat(control.get("/api/connections?userId=" + user).json()).isEmpty();
    }

    @Test
    void anUnreachableProviderIs502AndNothingIsStored() {
        String user = user();
        int before = control.records(RunningControlPlane.TOPICS.connections()).size();

        Answer failed =
                control.post(
                        "/api/connections",
                        "{\"appId\":\"down\",\"userId\":\""
                                + user
                                + "\",\"data\":{\"accessToken\":\"t-unreachable\"}}");

        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        assertThat(failed.text("reason")).isEqualTo("unreachable");
        assertThat(failed.text("detail")).startsWith("the info request to http://127.0.0.1:");
        assertThat(control.records(RunningControlPlane.TOPICS.connections())).hasSize(before);
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIs502() {
        Answer failed =
                control.post(
                        "/api/connections",
                        "{\"appId\":\"slow\",\"userId\":\""
                                + user()
                                + "\",\"data\":{\"accessToken\":\"t-slow\"}}");

        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        assertThat(failed.text("reason")).isEqualTo("timeout");
    }

    @Test
    void anAnswerLargerThanTheCapIs502() {
        Answer failed =
                control.post(
                        "/api/connections",
                        "{\"appId\":\"big\",\"userId\":\""
                                + user()
                                + "\",\"data\":{\"accessToken\":\"t-big\"}}");

        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        assertThat(failed.text("reason")).isEqualTo("too-large");
    }

    @Test
    void anInfoRequestThatCannotBeBuiltIs422WithTheDirectivePath() {
        // no baseUrl in the data: the URL evaluates to a relative path
        Answer failed =
                control.post(
                        "/api/connections",
                        "{\"appId\":\"relative\",\"userId\":\""
                                + user()
                                + "\",\"data\":{\"accessToken\":\"t-relative\"}}");

        assertThat(failed.status()).as(failed.body()).isEqualTo(422);
        assertThat(failed.text("reason")).isEqualTo("render");
        assertThat(failed.text("directivePath")).isEqualTo("url");
        assertThat(failed.text("code")).isEqualTo("WEBHOOK-REQUEST");
    }

    /**
     * The exploit: an app templating the host from the connection, and a connection naming an
     * inside address. Only 127.0.0.1 is allowed in these tests; other loopback forms stand for
     * every address that is not public (a name resolving inside is refused in the end-to-end tests,
     * where 127.0.0.1 is not allowed).
     */
    @Test
    void aConnectionWhoseInfoGoesToADestinationNotAllowedIsRefusedUnsentAndUnstored() {
        int port = Integer.parseInt(provider.baseUrl().replaceAll(".*:", ""));
        for (String baseUrl :
                List.of(
                        "http://127.0.0.2:" + port,
                        "http://[::1]:" + port,
                        "http://[::ffff:127.0.0.2]:" + port,
                        "http://0.0.0.0:" + port)) {
            String user = user();
            int infosBefore = provider.requests("GET", "/api/me").size();

            Answer refused =
                    control.post(
                            "/api/connections",
                            "{\"appId\":\"relative\",\"userId\":\""
                                    + user
                                    + "\",\"data\":{\"baseUrl\":\""
                                    + baseUrl
                                    + "\",\"accessToken\":\"t-inside\"}}");

            assertThat(refused.status()).as(baseUrl + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.text("reason")).isEqualTo("destination_not_allowed");
            assertThat(refused.text("type")).isEqualTo("/problems/destination_not_allowed");
            assertThat(refused.text("detail")).contains("is not an allowed destination");
            assertThat(refused.json().has("host")).isTrue();
            assertThat(provider.requests("GET", "/api/me")).as(baseUrl).hasSize(infosBefore);
            assertThat(
                            control.latestValues(RunningControlPlane.TOPICS.connections())
                                    .filter(c -> c.getUserId().equals(user)))
                    .as(baseUrl)
                    .isEmpty();
        }
    }

    @Test
    void theAllowedLoopbackAddressStillWorksThroughTheTemplatedHost() {
        String user = user();
        String token = "tok-" + UUID.randomUUID();
        provider.identity(token, "acct-allowed", "al@example.test", "Al", "s");

        Answer created =
                control.post(
                        "/api/connections",
                        "{\"appId\":\"relative\",\"userId\":\""
                                + user
                                + "\",\"data\":{\"baseUrl\":\""
                                + provider.baseUrl()
                                + "\",\"accessToken\":\""
                                + token
                                + "\"}}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void anAppWithoutConnectionOrAnUnknownAppIs422AndMalformedDataIs400() {
        assertThat(
                        control.post(
                                        "/api/connections",
                                        "{\"appId\":\"plain\",\"userId\":\"u1\",\"data\":{}}")
                                .status())
                .isEqualTo(422);
        assertThat(
                        control.post(
                                        "/api/connections",
                                        "{\"appId\":\"nope\",\"userId\":\"u1\",\"data\":{}}")
                                .status())
                .isEqualTo(422);
        assertThat(
                        control.post(
                                        "/api/connections",
                                        "{\"appId\":\"acme\",\"userId\":\"u1\",\"data\":[1]}")
                                .status())
                .isEqualTo(400);
        assertThat(
                        control.post(
                                        "/api/connections",
                                        "{\"appId\":\"acme\",\"userId\":\"a b\",\"data\":{}}")
                                .status())
                .isEqualTo(400);
        assertThat(control.get("/api/connections/unknown").status()).isEqualTo(404);
        assertThat(control.send("GET", "/api/connections", null, false).status()).isEqualTo(401);
    }

    @Test
    void verifyStoresTheIdentityTheProviderNowReportsAndARefusalMarksTheConnectionInvalid() {
        String user = user();
        String token = "tok-" + UUID.randomUUID();
        provider.identity(token, "acct-old", "old@example.test", "Old", "s1");
        String id =
                control.post(
                                "/api/connections",
                                "{\"appId\":\"acme\",\"userId\":\""
                                        + user
                                        + "\",\"data\":{\"accessToken\":\""
                                        + token
                                        + "\"}}")
                        .text("connectionId");

        provider.identity(token, "acct-new", "new@example.test", "New", "s2");
        Answer verified = control.post("/api/connections/" + id + "/verify", "{}");

        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.text("uid")).isEqualTo("acct-new");
        Connection stored = control.latest(RunningControlPlane.TOPICS.connections()).get(id);
        assertThat(stored.getUid()).isEqualTo("acct-new");
        assertThat(stored.getMetadata().getValue()).isEqualTo("new@example.test");
        assertThat(RunningControlPlane.openData(stored).get("accountName").asString())
                .isEqualTo("New");
        assertThat(control.get("/api/connections/" + id).text("uid")).isEqualTo("acct-new");

        provider.revoke(token);
        Answer refused = control.post("/api/connections/" + id + "/verify", "{}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().get("valid").asBoolean()).isFalse();
        assertThat(refused.text("error")).isEqualTo("Acme says: token ******** is revoked");
        Connection invalid = control.latest(RunningControlPlane.TOPICS.connections()).get(id);
        assertThat(invalid.getValid()).isFalse();
        assertThat(invalid.getError()).isEqualTo("Acme says: token ******** is revoked");
        assertThat(invalid.getUid())
                .as("the identity is kept until the connection is fixed")
                .isEqualTo("acct-new");
    }

    @Test
    void aConnectionTheProviderAcceptsAgainIsValidWithoutTheErrorOfItsRefusal() {
        String user = user();
        String token = "tok-" + UUID.randomUUID();
        provider.identity(token, "acct-back", "back@example.test", "Back", "s1");
        String id =
                control.post(
                                "/api/connections",
                                "{\"appId\":\"acme\",\"userId\":\""
                                        + user
                                        + "\",\"data\":{\"accessToken\":\""
                                        + token
                                        + "\"}}")
                        .text("connectionId");
        provider.revoke(token);
        assertThat(control.post("/api/connections/" + id + "/verify", "{}").text("error"))
                .isEqualTo("Acme says: token ******** is revoked");

        provider.identity(token, "acct-back", "back@example.test", "Back", "s2");
        Answer accepted = control.post("/api/connections/" + id + "/verify", "{}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("valid").asBoolean()).isTrue();
        assertThat(accepted.json().hasNonNull("error")).as(accepted.body()).isFalse();
        Connection stored = control.latest(RunningControlPlane.TOPICS.connections()).get(id);
        assertThat(stored.getValid()).isTrue();
        assertThat(stored.getError()).isNull();
        assertThat(stored.getUid()).isEqualTo("acct-back");
        assertThat(stored.getMetadata().getValue()).isEqualTo("back@example.test");
    }

    @Test
    void aBodyWithoutAppIdOrUserIdIs400AndNothingIsStored() {
        int before = control.latest(RunningControlPlane.TOPICS.connections()).size();

        Answer noApp = control.post("/api/connections", "{\"userId\":\"u1\",\"data\":{}}");
        Answer noUser = control.post("/api/connections", "{\"appId\":\"acme\",\"data\":{}}");
        Answer empty = control.post("/api/connections", "{}");

        assertThat(noApp.status()).as(noApp.body()).isEqualTo(400);
        assertThat(noApp.text("detail")).startsWith("appId must be");
        assertThat(noUser.status()).as(noUser.body()).isEqualTo(400);
        assertThat(noUser.text("detail")).startsWith("userId must be");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(control.latest(RunningControlPlane.TOPICS.connections())).hasSize(before);
    }

    @Test
    void updateChecksTheNewDataFirstAndKeepsTheStoredConnectionWhenRefused() {
        String user = user();
        String first = "tok-" + UUID.randomUUID();
        String second = "tok-" + UUID.randomUUID();
        provider.identity(first, "acct-a", "a@example.test", "A", "s");
        provider.identity(second, "acct-b", "b@example.test", "B", "s");
        String id =
                control.post(
                                "/api/connections",
                                "{\"appId\":\"acme\",\"userId\":\""
                                        + user
                                        + "\",\"data\":{\"accessToken\":\""
                                        + first
                                        + "\"}}")
                        .text("connectionId");

        Answer refused =
                control.put(
                        "/api/connections/" + id, "{\"data\":{\"accessToken\":\"not-a-token\"}}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        Connection unchanged = control.latest(RunningControlPlane.TOPICS.connections()).get(id);
        assertThat(RunningControlPlane.openData(unchanged).get("accessToken").asString())
                .isEqualTo(first);

        Answer updated =
                control.put(
                        "/api/connections/" + id,
                        "{\"data\":{\"accessToken\":\"" + second + "\"},\"parameters\":{\"x\":1}}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.text("uid")).isEqualTo("acct-b");
        Connection stored = control.latest(RunningControlPlane.TOPICS.connections()).get(id);
        assertThat(stored.getUid()).isEqualTo("acct-b");
        assertThat(RunningControlPlane.openData(stored).get("accessToken").asString())
                .isEqualTo(second);
        assertThat(stored.getParameters()).isEqualTo("{\"x\":1}");
        assertThat(stored.getCreatedAt()).isEqualTo(unchanged.getCreatedAt());
    }

    /**
     * A client that reuses its connection may send the next request before the server has finished
     * the previous one. The server queues it; once the queue is drained, it must read the
     * connection again, or every later request on it waits until the client gives up (seen as 30 s
     * timeouts of bodyless requests right after another one, fixed in Reactor Netty 1.3.8).
     */
    @Test
    void aConnectionIsReadAgainAfterARequestQueuedBehindASlowerOneIsAnswered() throws Exception {
        String user = user();
        try (RawHttpConnection connection =
                new RawHttpConnection(control.baseUrl(), java.time.Duration.ofSeconds(10))) {
            // the info call of app "slow" never gets an answer: 502 after the 1 s response timeout
            String slow =
                    connection.request(
                            "POST",
                            "/api/connections",
                            RunningControlPlane.TOKEN,
                            "{\"appId\":\"slow\",\"userId\":\""
                                    + user
                                    + "\",\"data\":{\"accessToken\":\"t-slow\"}}");
            String list =
                    connection.request(
                            "GET",
                            "/api/connections?userId=" + user,
                            RunningControlPlane.TOKEN,
                            null);
            connection.send(slow, list);
            assertThat(connection.read().status()).isEqualTo(502);
            assertThat(connection.read()).isEqualTo(new Response(200, "[]"));

            for (int i = 0; i < 3; i++) {
                connection.send(list);
                assertThat(connection.read())
                        .as("request %d after the queued one", i)
                        .isEqualTo(new Response(200, "[]"));
            }
        }
    }

    @Test
    void listFiltersByUserAndApp() {
        String user = user();
        String token = "tok-" + UUID.randomUUID();
        provider.identity(token, "acct-l", "l@example.test", "L", "s");
        String id =
                control.post(
                                "/api/connections",
                                "{\"appId\":\"acme\",\"userId\":\""
                                        + user
                                        + "\",\"data\":{\"accessToken\":\""
                                        + token
                                        + "\"}}")
                        .text("connectionId");

        JsonNode mine = control.get("/api/connections?userId=" + user + "&appId=acme").json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("connectionId").asString()).isEqualTo(id);
        assertThat(control.get("/api/connections?userId=" + user + "&appId=other").json())
                .isEmpty();
        assertThat(control.get("/api/connections?userId=" + user()).json()).isEmpty();
    }

    @Test
    void deleteIsRefusedWhileAHookUsesTheConnectionThenWritesATombstone() {
        String user = user();
        String token = "tok-" + UUID.randomUUID();
        provider.identity(token, "acct-d", "d@example.test", "D", "s");
        String id =
                control.post(
                                "/api/connections",
                                "{\"appId\":\"acme\",\"userId\":\""
                                        + user
                                        + "\",\"data\":{\"accessToken\":\""
                                        + token
                                        + "\"}}")
                        .text("connectionId");
        Answer hook =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"events\",\"userId\":\""
                                + user
                                + "\",\"connectionId\":\""
                                + id
                                + "\"}");
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);

        Answer refused = control.delete("/api/connections/" + id);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("hooks").toString()).contains(hook.text("hookId"));

        assertThat(control.delete("/api/hooks/" + hook.text("hookId")).status()).isEqualTo(204);
        assertThat(control.delete("/api/connections/" + id).status()).isEqualTo(204);

        List<ConsumerRecord<String, Connection>> records =
                control.records(RunningControlPlane.TOPICS.connections()).stream()
                        .filter(r -> r.key().equals(id))
                        .toList();
        assertThat(records).hasSizeGreaterThanOrEqualTo(2);
        assertThat(records.get(records.size() - 1).value())
                .as("the last record is a tombstone")
                .isNull();
        assertThat(control.get("/api/connections/" + id).status()).isEqualTo(404);
        assertThat(control.delete("/api/connections/" + id).status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentIsServedWithoutTheToken() {
        Answer docs = control.send("GET", "/v3/api-docs", null, false);

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
        assertThat(docs.json().get("paths").propertyNames())
                .contains(
                        "/api/connections",
                        "/api/connections/{connectionId}",
                        "/api/connections/{connectionId}/verify",
                        "/api/hooks",
                        "/api/hooks/{hookId}",
                        "/api/apps/{appId}");
        assertThat(docs.json().at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
    }

    private static String user() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static <T> T last(List<T> items) {
        assertThat(items).isNotEmpty();
        return items.get(items.size() - 1);
    }
}
