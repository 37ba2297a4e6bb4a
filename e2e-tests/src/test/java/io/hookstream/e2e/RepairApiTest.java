package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.schemas.bundle.Bundle;
import io.hookstream.schemas.bundle.BundleReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * Repair over the control-plane API. Dead letters: a failed event is listed with its reason and
 * grouped, its raw request is shown with its secret header masked, and after the spec is fixed a
 * redrive counted first and then run from the API delivers the event once. Replay: the events of a
 * time window and a hook are counted, then replayed, and the router delivers their bundles again
 * under the same ids.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0"
        })
@Timeout(240)
class RepairApiTest {

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
    void aDeadLetterIsListedShownMaskedAndRedrivenFromTheApiAfterTheFix() throws Exception {
        putApp(
                """
            {"name": "Broken shop", "webhooks": {"orders": {"type": "dedicated", "spec": {
              "iterate": "{{body.items}}", "output": {"sku": "{{item.sku}}"}}}}}""");
        String user = "dlq-api-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode hook = hs.createHook("dlq-api-shop", "orders", user, "{}");
        String hookId = hook.get("hookId").asString();
        RouterBarrier.awaitHooksApplied(
                hs.bootstrapServers,
                "hookstream-router",
                hs.topics.hooks().name(),
                Duration.ofSeconds(60));
        String body = "{\"order\":7,\"items\":\"A-1\"}";
        HttpResponse<String> accepted =
                hs.send(
                        "POST",
                        hook.get("url").asString(),
                        "application/json",
                        body,
                        "X-Shop-Token",
                        "tok-secret-123");
        assertThat(accepted.statusCode()).isEqualTo(200);
        String eventId = accepted.headers().firstValue("hookstream-event-id").orElseThrow();

        // listed with its reason, and grouped by error code and hook
        JsonNode page =
                awaitJson(
                        "/api/dead-letters?hookId=" + hookId,
                        json -> json.get("matched").asLong() == 1);
        JsonNode listed = page.get("deadLetters").get(0);
        assertThat(listed.get("eventId").asString()).isEqualTo(eventId);
        assertThat(listed.get("errorCode").asString()).isEqualTo("WEBHOOK-ITERATE");
        assertThat(listed.get("directivePath").asString()).contains("iterate");
        assertThat(listed.get("error").asString()).contains("array");
        assertThat(listed.get("redriven").asBoolean()).isFalse();
        assertThat(page.get("groups").get(0).get("errorCode").asString())
                .isEqualTo("WEBHOOK-ITERATE");
        assertThat(page.get("groups").get(0).get("hookId").asString()).isEqualTo(hookId);
        assertThat(page.get("groups").get(0).get("count").asLong()).isEqualTo(1);
        String id = listed.get("id").asString();

        // the other filters select it or not
        assertThat(
                        json("/api/dead-letters?appId=dlq-api-shop&errorCode=WEBHOOK-ITERATE")
                                .get("matched")
                                .asLong())
                .isEqualTo(1);
        assertThat(
                        json("/api/dead-letters?hookId=" + hookId + "&errorCode=IML-T0301")
                                .get("matched")
                                .asLong())
                .isZero();
        assertThat(
                        json("/api/dead-letters?hookId="
                                        + hookId
                                        + "&since="
                                        + Instant.now().plusSeconds(60))
                                .get("matched")
                                .asLong())
                .isZero();
        assertThat(hs.control("GET", "/api/dead-letters?since=yesterday", null).statusCode())
                .isEqualTo(400);
        assertThat(hs.control("GET", "/api/dead-letters?limit=0", null).statusCode())
                .isEqualTo(400);

        // one by id: the raw request, its secret header masked
        JsonNode detail = json("/api/dead-letters/" + id);
        assertThat(detail.get("deadLetter").get("eventId").asString()).isEqualTo(eventId);
        assertThat(detail.get("request").get("method").asString()).isEqualTo("POST");
        assertThat(detail.get("request").get("body").asString()).isEqualTo(body);
        assertThat(detail.get("request").get("headers").toString())
                .contains("x-shop-token")
                .doesNotContain("tok-secret-123");
        assertThat(hs.control("GET", "/api/dead-letters/99-0", null).statusCode()).isEqualTo(404);
        assertThat(hs.control("GET", "/api/dead-letters/not-an-id", null).statusCode())
                .isEqualTo(404);

        // fixed, counted, then redriven from the API
        putApp(
                """
            {"name": "Fixed shop", "webhooks": {"orders": {"type": "dedicated", "spec": {
              "output": {"order": "{{body.order}}", "items": "{{body.items}}"}}}}}""");
        JsonNode counted = redrive("{\"hookId\":\"" + hookId + "\",\"dryRun\":true}", 200);
        assertThat(counted.get("matched").asLong()).isEqualTo(1);
        assertThat(counted.get("toRedrive").asLong()).isEqualTo(1);
        assertThat(counted.get("redriven").asLong()).isZero();
        List<Bundle> delivered = redriveUntilDelivered(hookId, user);

        assertThat(delivered)
                .extracting(Bundle::bundleId)
                .containsExactly(eventId + ":0:" + hookId);
        JsonNode again = redrive("{\"hookId\":\"" + hookId + "\",\"dryRun\":true}", 200);
        assertThat(again.get("toRedrive").asLong()).isZero();
        assertThat(
                        json("/api/dead-letters?hookId=" + hookId)
                                .get("deadLetters")
                                .get(0)
                                .get("redriven")
                                .asBoolean())
                .isTrue();
        assertThat(bundles(user, 1, Duration.ofSeconds(5))).hasSize(1);
        HttpResponse<String> anonymous =
                hs.http.send(
                        HttpRequest.newBuilder(
                                        URI.create(hs.system.controlUrl() + "/api/dead-letters"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aWindowOfAHooksEventsIsCountedThenReplayedAndDeliveredAgainUnderTheSameIds()
            throws Exception {
        putApp(
                "replay-api-shop",
                """
            {"name": "Replayed shop", "webhooks": {"orders": {"type": "dedicated", "spec": {
              "output": {"order": "{{body.order}}"}}}}}""");
        String user = "replay-api-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode hook = hs.createHook("replay-api-shop", "orders", user, "{}");
        String hookId = hook.get("hookId").asString();
        RouterBarrier.awaitHooksApplied(
                hs.bootstrapServers,
                "hookstream-router",
                hs.topics.hooks().name(),
                Duration.ofSeconds(60));
        // record times are the ingress's clock, which is this machine's
        Instant from = Instant.now().minusSeconds(1);
        for (int order = 1; order <= 3; order++) {
            HttpResponse<String> accepted =
                    hs.send(
                            "POST",
                            hook.get("url").asString(),
                            "application/json",
                            "{\"order\":" + order + "}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        }
        Instant to = Instant.now().plusSeconds(1);
        List<String> first =
                bundles(user, 3, Duration.ofSeconds(30)).stream().map(Bundle::bundleId).toList();
        assertThat(first).hasSize(3).doesNotHaveDuplicates();
        String window = "\"from\":\"" + from + "\",\"to\":\"" + to + "\"";

        // refused with a reason: no window, a reversed or too long one, a hook and an app at once,
        // an id that is not one
        for (String bad :
                List.of(
                        "{\"hookId\":\"" + hookId + "\",\"dryRun\":true}",
                        "{\"from\":\"" + to + "\",\"to\":\"" + from + "\",\"dryRun\":true}",
                        "{\"from\":\"yesterday\",\"to\":\"" + to + "\",\"dryRun\":true}",
                        "{\"from\":\""
                                + to.minus(Duration.ofDays(8))
                                + "\",\"to\":\""
                                + to
                                + "\",\"dryRun\":true}",
                        "{" + window + ",\"hookId\":\"" + hookId + "\",\"appId\":\"a\"}",
                        "{" + window + ",\"hookId\":\"../x\",\"dryRun\":true}")) {
            HttpResponse<String> refused = hs.control("POST", "/api/replay", bad);
            assertThat(refused.statusCode()).as(bad + " → " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("detail");
        }
        assertThat(hs.control("GET", "/api/replay/rp-none", null).statusCode()).isEqualTo(404);

        // counted first: the hook's three, and none of another hook
        JsonNode counted =
                replay("{" + window + ",\"hookId\":\"" + hookId + "\",\"dryRun\":true}", 200);
        assertThat(counted.get("state").asString()).isEqualTo("done");
        assertThat(counted.get("dryRun").asBoolean()).isTrue();
        assertThat(counted.get("matched").asLong()).isEqualTo(3);
        assertThat(counted.get("replayed").asLong()).isZero();
        assertThat(counted.get("scanned").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(
                        replay("{" + window + ",\"hookId\":\"h-other\",\"dryRun\":true}", 200)
                                .get("matched")
                                .asLong())
                .isZero();
        assertThat(
                        replay(
                                        "{"
                                                + window
                                                + ",\"appId\":\"replay-api-shop\",\"dryRun\":true}",
                                        200)
                                .get("matched")
                                .asLong())
                .isEqualTo(3);
        assertThat(bundles(user, 3, Duration.ofSeconds(3))).hasSize(3);

        // then run, followed to its end, and delivered again under the same bundle ids
        HttpResponse<String> start =
                hs.control("POST", "/api/replay", "{" + window + ",\"hookId\":\"" + hookId + "\"}");
        assertThat(start.statusCode()).as(start.body()).isEqualTo(202);
        JsonNode started = RunningSystem.JSON.readTree(start.body());
        String replayId = started.get("replayId").asString();
        assertThat(replayId).startsWith("rp-");
        assertThat(start.headers().firstValue("Location")).hasValue("/api/replay/" + replayId);
        JsonNode done =
                awaitJson(
                        "/api/replay/" + replayId,
                        json -> !json.get("state").asString().equals("running"));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("matched").asLong()).isEqualTo(3);
        assertThat(done.get("replayed").asLong()).isEqualTo(3);
        assertThat(done.get("hookId").asString()).isEqualTo(hookId);
        List<String> again =
                bundles(user, 6, Duration.ofSeconds(30)).stream().map(Bundle::bundleId).toList();
        // each event once more, with the bundle id it had the first time
        List<String> twice = new ArrayList<>(first);
        twice.addAll(first);
        assertThat(again).containsExactlyInAnyOrderElementsOf(twice);
    }

    private JsonNode replay(String request, int status) throws Exception {
        HttpResponse<String> answer = hs.control("POST", "/api/replay", request);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return RunningSystem.JSON.readTree(answer.body());
    }

    /**
     * Redrives from the API and follows the redrive's progress until it is done. The router learns
     * of the fix from the apps topic independently of the replay topic; a redriven event that
     * overtook the fix fails again as a new dead letter, which the next redrive picks up.
     */
    private List<Bundle> redriveUntilDelivered(String hookId, String user) throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            JsonNode started = redrive("{\"hookId\":\"" + hookId + "\"}", 202);
            assertThat(started.get("redriveId").asString()).startsWith("rd-");
            JsonNode done =
                    awaitJson(
                            "/api/dead-letters/redrives/" + started.get("redriveId").asString(),
                            json ->
                                    !json.get("state").asString().equals("counting")
                                            && !json.get("state").asString().equals("running"));
            assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("done");
            assertThat(done.get("redriven").asLong()).isEqualTo(1);
            List<Bundle> delivered = bundles(user, 1, Duration.ofSeconds(20));
            if (!delivered.isEmpty()) {
                return delivered;
            }
            awaitJson(
                    "/api/dead-letters?hookId=" + hookId,
                    json -> json.get("matched").asLong() > done.get("matched").asLong());
        }
        throw new AssertionError("the redriven event did not become a bundle");
    }

    private JsonNode redrive(String request, int status) throws Exception {
        HttpResponse<String> answer = hs.control("POST", "/api/dead-letters/redrive", request);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return RunningSystem.JSON.readTree(answer.body());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> answer = hs.control("GET", path, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return RunningSystem.JSON.readTree(answer.body());
    }

    private JsonNode awaitJson(String path, Predicate<JsonNode> done) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = json(path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " never answered as expected; last: " + last);
    }

    private void putApp(String definition) throws Exception {
        putApp("dlq-api-shop", definition);
    }

    private void putApp(String appId, String definition) throws Exception {
        HttpResponse<String> put = hs.control("PUT", "/api/apps/" + appId, definition);
        assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
    }

    private List<Bundle> bundles(String user, int expected, Duration timeout) {
        return hs
                .read("hookstream.triggers." + user, new BundleReader(), expected, timeout)
                .stream()
                .map(ConsumerRecord::value)
                .toList();
    }
}
