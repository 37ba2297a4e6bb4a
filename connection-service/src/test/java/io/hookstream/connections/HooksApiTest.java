package io.hookstream.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.connections.RunningControlPlane.Answer;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.WebhookKind;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hooks API against a real broker and a real HTTP provider: shared subscriptions through a
 * connection, attached dedicated hooks (attach on create, detach on delete) and status changes.
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
class HooksApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FakeProvider provider;
    private static RunningControlPlane control;

    @BeforeAll
    static void start() throws Exception {
        provider = new FakeProvider();
        control =
                RunningControlPlane.start(EmbeddedKafkaCondition.getBroker().getBrokersAsString());
        control.putApp("acme", TestApps.acme(provider.baseUrl()));
        control.putApp("other", TestApps.other(provider.baseUrl()));
        control.putApp(
                "down",
                TestApps.attachAt("http://127.0.0.1:" + FakeProvider.closedPort() + "/webhooks"));
        // another loopback address: only 127.0.0.1 is allowed in these tests
        control.putApp(
                "inside",
                TestApps.attachAt(
                        provider.baseUrl().replace("127.0.0.1", "127.0.0.2") + "/webhooks"));
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

    @BeforeEach
    void providerAccepts() {
        provider.attachStatus = 201;
        provider.detachStatus = 204;
    }

    @Test
    void aSharedSubscriptionIsStoredWithItsConnectionAndAnswersTheAppsUrl() {
        String user = user();
        String connection = connection("acme", user, "acct-s1");

        Answer created =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"events\",\"userId\":\""
                                + user
                                + "\",\"connectionId\":\""
                                + connection
                                + "\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("kind")).isEqualTo("shared");
        assertThat(created.text("url")).isEqualTo("http://ingress.test/apps/acme/webhooks/events");
        assertThat(created.text("triggerTopic")).isEqualTo("hookstream.triggers." + user);
        Hook stored =
                control.latest(RunningControlPlane.TOPICS.hooks()).get(created.text("hookId"));
        assertThat(stored.getKind()).isEqualTo(WebhookKind.SHARED);
        assertThat(stored.getConnectionId()).isEqualTo(connection);
        assertThat(stored.getUserId()).isEqualTo(user);
        assertThat(stored.getWebhookName()).isEqualTo("events");
        assertThat(stored.getStatus()).isEqualTo(HookStatus.ACTIVE);
        assertThat(stored.getTriggerTopic()).isEqualTo("hookstream.triggers." + user);
    }

    @Test
    void aSharedSubscriptionNeedsAConnectionOfTheSameUserAndApp() {
        String alice = user();
        String bob = user();
        String alicesAcme = connection("acme", alice, "acct-s2");
        String alicesOther = connection("other", alice, "acct-s3");
        int before = control.records(RunningControlPlane.TOPICS.hooks()).size();

        Answer otherUser =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"events\",\"userId\":\""
                                + bob
                                + "\",\"connectionId\":\""
                                + alicesAcme
                                + "\"}");
        Answer otherApp =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"events\",\"userId\":\""
                                + alice
                                + "\",\"connectionId\":\""
                                + alicesOther
                                + "\"}");
        Answer none =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"events\",\"userId\":\"" + alice + "\"}");
        Answer unknown =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"events\",\"userId\":\""
                                + alice
                                + "\",\"connectionId\":\"nosuchconnection\"}");
        Answer noWebhook =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"nope\",\"userId\":\""
                                + alice
                                + "\",\"connectionId\":\""
                                + alicesAcme
                                + "\"}");

        assertThat(otherUser.status()).as(otherUser.body()).isEqualTo(422);
        assertThat(otherUser.text("detail")).contains("does not belong to user " + bob);
        assertThat(otherApp.status()).as(otherApp.body()).isEqualTo(422);
        assertThat(otherApp.text("detail")).contains("of app acme");
        assertThat(none.status()).as(none.body()).isEqualTo(422);
        assertThat(none.text("detail")).contains("connectionId is required");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(noWebhook.status()).isEqualTo(422);
        assertThat(control.records(RunningControlPlane.TOPICS.hooks())).hasSize(before);
    }

    @Test
    void anAttachedHookRegistersItsUrlAndDetachUsesTheSavedExternalId() {
        String user = user();
        String token = "tok-" + UUID.randomUUID();
        provider.identity(token, "acct-a1", "a1@example.test", "A1", "s");
        String connection = createConnection("acme", user, token);

        Answer created =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"tasks\",\"userId\":\""
                                + user
                                + "\",\"connectionId\":\""
                                + connection
                                + "\",\"parameters\":{\"events\":\"task.created\"}}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String hookId = created.text("hookId");
        assertThat(created.text("url")).isEqualTo("http://ingress.test/hooks/" + hookId);
        assertThat(created.json().get("attached").asBoolean()).isTrue();
        FakeProvider.Recorded attach =
                only(
                        provider.requests("POST", "/webhooks").stream()
                                .filter(r -> r.body().contains(hookId))
                                .toList());
        assertThat(attach.header("authorization")).isEqualTo("Bearer " + token);
        assertThat(attach.header("content-type")).startsWith("application/json");
        assertThat(JSON.readTree(attach.body()))
                .isEqualTo(
                        JSON.readTree(
                                "{\"target\":\"http://ingress.test/hooks/"
                                        + hookId
                                        + "\",\"hookstreamId\":\""
                                        + hookId
                                        + "\",\"events\":\"task.created\"}"));
        String externalId = provider.externalIdOf("http://ingress.test/hooks/" + hookId);
        assertThat(externalId).startsWith("ext-");
        Hook stored = control.latest(RunningControlPlane.TOPICS.hooks()).get(hookId);
        assertThat(stored.getKind()).isEqualTo(WebhookKind.DEDICATED);
        assertThat(JSON.readTree(stored.getWebhookData()))
                .isEqualTo(JSON.readTree("{\"externalHookId\":\"" + externalId + "\"}"));

        Answer deleted = control.delete("/api/hooks/" + hookId);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        FakeProvider.Recorded detach = only(provider.requests("DELETE", "/webhooks/" + externalId));
        assertThat(detach.path()).isEqualTo("/webhooks/" + externalId);
        assertThat(detach.header("authorization")).isEqualTo("Bearer " + token);
        assertThat(control.latest(RunningControlPlane.TOPICS.hooks()).get(hookId).getStatus())
                .isEqualTo(HookStatus.DELETED);
        assertThat(control.get("/api/hooks/" + hookId).text("status")).isEqualTo("deleted");
    }

    @Test
    void aRefusedAttachIs502WithTheRemoteStatusAndNoHookIsStored() {
        String user = user();
        String token = "tok-" + UUID.randomUUID();
        provider.identity(token, "acct-a2", "a2@example.test", "A2", "s");
        String connection = createConnection("acme", user, token);
        provider.attachStatus = 403;

        Answer refused =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"tasks\",\"userId\":\""
                                + user
                                + "\",\"connectionId\":\""
                                + connection
                                + "\",\"parameters\":{}}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(502);
        assertThat(refused.json().get("remoteStatus").asInt()).isEqualTo(403);
        assertThat(hooksOf(user)).isEmpty();
    }

    @Test
    void anUnreachableAttachIs502AndNoHookIsStored() {
        String user = user();

        Answer failed =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"down\",\"webhook\":\"tasks\",\"userId\":\"" + user + "\"}");

        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        assertThat(failed.text("reason")).isEqualTo("unreachable");
        assertThat(hooksOf(user)).isEmpty();
    }

    @Test
    void anAttachToADestinationThatIsNotAllowedIsNotSentAndNothingIsStored() {
        String user = user();
        int attachesBefore = provider.requests("POST", "/webhooks").size();

        Answer refused =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"inside\",\"webhook\":\"tasks\",\"userId\":\"" + user + "\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("/problems/destination_not_allowed");
        assertThat(refused.text("reason")).isEqualTo("destination_not_allowed");
        assertThat(refused.text("host")).isEqualTo("127.0.0.2");
        assertThat(provider.requests("POST", "/webhooks")).hasSize(attachesBefore);
        assertThat(hooksOf(user)).isEmpty();
    }

    @Test
    void aRefusedDetachKeepsTheHookUnlessTheDeleteIsForcedAndAGoneRegistrationCountsAsDetached() {
        String user = user();
        String token = "tok-" + UUID.randomUUID();
        provider.identity(token, "acct-a3", "a3@example.test", "A3", "s");
        String connection = createConnection("acme", user, token);
        String body =
                "{\"appId\":\"acme\",\"webhook\":\"tasks\",\"userId\":\""
                        + user
                        + "\",\"connectionId\":\""
                        + connection
                        + "\"}";
        String kept = control.post("/api/hooks", body).text("hookId");
        String gone = control.post("/api/hooks", body).text("hookId");

        provider.detachStatus = 500;
        Answer refused = control.delete("/api/hooks/" + kept);
        assertThat(refused.status()).as(refused.body()).isEqualTo(502);
        assertThat(refused.json().get("remoteStatus").asInt()).isEqualTo(500);
        assertThat(control.latest(RunningControlPlane.TOPICS.hooks()).get(kept).getStatus())
                .isEqualTo(HookStatus.ACTIVE);

        Answer forced = control.delete("/api/hooks/" + kept + "?force=true");
        assertThat(forced.status()).as(forced.body()).isEqualTo(204);
        assertThat(control.latest(RunningControlPlane.TOPICS.hooks()).get(kept).getStatus())
                .isEqualTo(HookStatus.DELETED);

        provider.detachStatus = 404;
        assertThat(control.delete("/api/hooks/" + gone).status()).isEqualTo(204);
        assertThat(control.latest(RunningControlPlane.TOPICS.hooks()).get(gone).getStatus())
                .isEqualTo(HookStatus.DELETED);
    }

    @Test
    void aHookRecordsTheRoutersDefaultFormatOrTheOneItPinsAndAnUnknownFormatIs400() {
        String user = user();
        String following =
                control.post(
                                "/api/hooks",
                                "{\"appId\":\"acme\",\"webhook\":\"plain\",\"userId\":\""
                                        + user
                                        + "\"}")
                        .text("hookId");
        String pinned =
                control.post(
                                "/api/hooks",
                                "{\"appId\":\"acme\",\"webhook\":\"plain\",\"userId\":\""
                                        + user
                                        + "\",\"bundleFormat\":\"CloudEvents-Structured\"}")
                        .text("hookId");

        var hooks = control.latest(RunningControlPlane.TOPICS.hooks());
        assertThat(hooks.get(following).getBundleFormat()).isEqualTo("default");
        assertThat(hooks.get(pinned).getBundleFormat()).isEqualTo("cloudevents-structured");
        Answer unknown =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"plain\",\"userId\":\""
                                + user
                                + "\",\"bundleFormat\":\"protobuf\"}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("protobuf");
    }

    @Test
    void aHookCanBeDisabledAndEnabledAgainButNotPatchedAfterDeletion() {
        String user = user();
        String hookId =
                control.post(
                                "/api/hooks",
                                "{\"appId\":\"acme\",\"webhook\":\"plain\",\"userId\":\""
                                        + user
                                        + "\"}")
                        .text("hookId");

        Answer disabled = control.patch("/api/hooks/" + hookId, "{\"status\":\"disabled\"}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.text("status")).isEqualTo("disabled");
        assertThat(control.latest(RunningControlPlane.TOPICS.hooks()).get(hookId).getStatus())
                .isEqualTo(HookStatus.DISABLED);

        Answer active = control.patch("/api/hooks/" + hookId, "{\"status\":\"active\"}");
        assertThat(active.text("status")).isEqualTo("active");
        assertThat(control.latest(RunningControlPlane.TOPICS.hooks()).get(hookId).getStatus())
                .isEqualTo(HookStatus.ACTIVE);

        assertThat(control.patch("/api/hooks/" + hookId, "{\"status\":\"deleted\"}").status())
                .isEqualTo(400);
        assertThat(control.patch("/api/hooks/nosuchhook", "{\"status\":\"active\"}").status())
                .isEqualTo(404);
        assertThat(control.delete("/api/hooks/" + hookId).status()).isEqualTo(204);
        assertThat(control.patch("/api/hooks/" + hookId, "{\"status\":\"active\"}").status())
                .isEqualTo(409);
    }

    @Test
    void aHookMayCarryItsOwnLimitsWhichAreValidatedLikeAnApps() {
        String user = user();
        Answer created =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"plain\",\"userId\":\""
                                + user
                                + "\",\"limits\":{\"maxBodyBytes\":2048,\"rateLimit\":{\"requests\":5,\"periodSeconds\":60}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var limits =
                control.latest(RunningControlPlane.TOPICS.hooks())
                        .get(created.text("hookId"))
                        .getLimits();
        assertThat(limits.getMaxBodyBytes()).isEqualTo(2048L);
        assertThat(limits.getRateLimitRequests()).isEqualTo(5);
        assertThat(limits.getRateLimitPeriodSeconds()).isEqualTo(60L);

        Answer invalid =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"plain\",\"userId\":\""
                                + user
                                + "\",\"limits\":{\"maxBodyBytes\":0,\"rateLimit\":{\"requests\":5}}}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body())
                .contains("limits.maxBodyBytes")
                .contains("limits.rateLimit.periodSeconds");
    }

    @Test
    void aLimitOrConnectionLeftOutStaysUnsetOnTheHook() {
        Answer created =
                control.post(
                        "/api/hooks",
                        "{\"appId\":\"acme\",\"webhook\":\"plain\",\"userId\":\""
                                + user()
                                + "\",\"limits\":{\"maxBodyBytes\":4096}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        var hook = control.latest(RunningControlPlane.TOPICS.hooks()).get(created.text("hookId"));
        assertThat(hook.getConnectionId()).isNull();
        assertThat(hook.getLimits().getMaxBodyBytes()).isEqualTo(4096L);
        assertThat(hook.getLimits().getRateLimitRequests()).isNull();
        assertThat(hook.getLimits().getRateLimitPeriodSeconds()).isNull();
    }

    @Test
    void aBodyWithoutAppIdUserIdOrWebhookIs400() {
        Answer noApp = control.post("/api/hooks", "{\"webhook\":\"plain\",\"userId\":\"u1\"}");
        Answer noUser = control.post("/api/hooks", "{\"appId\":\"acme\",\"webhook\":\"plain\"}");
        Answer noWebhook = control.post("/api/hooks", "{\"appId\":\"acme\",\"userId\":\"u1\"}");

        assertThat(noApp.status()).as(noApp.body()).isEqualTo(400);
        assertThat(noApp.text("detail")).startsWith("appId must be");
        assertThat(noUser.status()).as(noUser.body()).isEqualTo(400);
        assertThat(noUser.text("detail")).startsWith("userId must be");
        assertThat(noWebhook.status()).as(noWebhook.body()).isEqualTo(400);
        assertThat(noWebhook.text("detail")).isEqualTo("webhook is required");
    }

    @Test
    void anAppIsDeletedOnlyOnceNothingBelongsToItAnyMore() {
        control.putApp(
                "short-lived",
                "{\"webhooks\": {\"plain\": {\"type\": \"dedicated\", \"spec\": {}}}}");
        String hookId =
                control.post(
                                "/api/hooks",
                                "{\"appId\":\"short-lived\",\"webhook\":\"plain\",\"userId\":\""
                                        + user()
                                        + "\"}")
                        .text("hookId");

        Answer refused = control.delete("/api/apps/short-lived");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("1 hook(s)");

        assertThat(control.delete("/api/hooks/" + hookId).status()).isEqualTo(204);
        assertThat(control.delete("/api/apps/short-lived").status()).isEqualTo(204);
        assertThat(control.get("/api/apps/short-lived").status()).isEqualTo(404);
        assertThat(control.delete("/api/apps/short-lived").status()).isEqualTo(404);
        assertThat(control.latest(RunningControlPlane.TOPICS.apps()))
                .containsEntry("short-lived", null);
    }

    @Test
    void hooksAreListedByIdAPageAtATimeFilteredByAppUserAndStatus() {
        String user = user();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Answer created =
                    control.post(
                            "/api/hooks",
                            "{\"appId\":\"acme\",\"webhook\":\"plain\",\"userId\":\""
                                    + user
                                    + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.add(created.text("hookId"));
        }
        java.util.Collections.sort(ids);
        assertThat(control.patch("/api/hooks/" + ids.get(1), "{\"status\":\"disabled\"}").status())
                .isEqualTo(200);
        assertThat(control.delete("/api/hooks/" + ids.get(2)).status()).isEqualTo(204);

        // two a page, in id order, the deleted one left out
        Answer first = control.get("/api/hooks?userId=" + user + "&limit=2");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(hookIds(first)).containsExactly(ids.get(0), ids.get(1));
        Answer second =
                control.get("/api/hooks?userId=" + user + "&limit=2&after=" + first.text("next"));
        assertThat(hookIds(second)).containsExactly(ids.get(3), ids.get(4));
        assertThat(second.json().get("next").isNull()).isTrue();

        assertThat(hookIds(control.get("/api/hooks?userId=" + user + "&status=disabled")))
                .containsExactly(ids.get(1));
        assertThat(hookIds(control.get("/api/hooks?userId=" + user + "&status=deleted")))
                .containsExactly(ids.get(2));
        assertThat(hookIds(control.get("/api/hooks?userId=" + user + "&appId=other"))).isEmpty();
        assertThat(hookIds(control.get("/api/hooks?userId=" + user + "&appId=acme")))
                .containsExactly(ids.get(0), ids.get(1), ids.get(3), ids.get(4));
        // by app alone, from a cursor: the app's index, other users' hooks of the app included
        assertThat(hookIds(control.get("/api/hooks?appId=acme&limit=500&after=" + ids.get(3))))
                .contains(ids.get(4))
                .doesNotContain(ids.get(0), ids.get(1), ids.get(3))
                .isSorted();
        assertThat(hookIds(control.get("/api/hooks?appId=no-such-app"))).isEmpty();
        Answer one = control.get("/api/hooks?userId=" + user + "&limit=1");
        assertThat(one.json().get("hooks").get(0).get("url").asString())
                .isEqualTo("http://ingress.test/hooks/" + ids.get(0));
        assertThat(control.get("/api/hooks?limit=0").status()).isEqualTo(400);
        assertThat(control.get("/api/hooks?limit=501").status()).isEqualTo(400);
        assertThat(control.get("/api/hooks?status=gone").status()).isEqualTo(400);
    }

    private static List<String> hookIds(Answer page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        page.json().get("hooks").forEach(h -> ids.add(h.get("hookId").asString()));
        return ids;
    }

    private static String user() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid connection of {@code user} to {@code app} whose provider identity is {@code uid}. */
    private static String connection(String app, String user, String uid) {
        String token = "tok-" + UUID.randomUUID();
        provider.identity(token, uid, uid + "@example.test", uid, "s");
        return createConnection(app, user, token);
    }

    private static String createConnection(String app, String user, String token) {
        Answer created =
                control.post(
                        "/api/connections",
                        "{\"appId\":\""
                                + app
                                + "\",\"userId\":\""
                                + user
                                + "\",\"data\":{\"accessToken\":\""
                                + token
                                + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("connectionId");
    }

    private static List<Hook> hooksOf(String user) {
        return control.latestValues(RunningControlPlane.TOPICS.hooks())
                .filter(h -> h.getUserId().equals(user))
                .toList();
    }

    private static <T> T only(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
