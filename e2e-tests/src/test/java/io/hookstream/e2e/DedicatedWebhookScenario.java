package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.schemas.bundle.Bundle;
import io.hookstream.schemas.bundle.BundleReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton end to end, against whatever broker a test supplies: register an app and a
 * dedicated hook over the control plane's HTTP API, POST a webhook to the ingress over real HTTP,
 * and read exactly one bundle from the user's trigger topic (read_committed).
 */
final class DedicatedWebhookScenario {

    void run(String bootstrapServers) throws Exception {
        try (RunningSystem hs = new RunningSystem(bootstrapServers)) {
            String app =
                    """
                {"name": "Orders", "webhooks": {"orders": {"type": "dedicated", "spec": {}}}}""";
            HttpResponse<String> put = hs.control("PUT", "/api/apps/shop", app);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

            String userId = "user-" + UUID.randomUUID().toString().substring(0, 8);
            JsonNode hook = hs.createHook("shop", "orders", userId, "{}");
            String hookId = hook.get("hookId").asString();
            assertThat(hookId).hasSizeGreaterThanOrEqualTo(26); // >= 128 random bits in base32
            assertThat(hook.get("url").asString())
                    .isEqualTo(hs.system.ingressUrl() + "/hooks/" + hookId);

            String body = "{\"orderId\":42,\"items\":[{\"sku\":\"a\"}],\"note\":\"caf\u00e9\"}";
            HttpResponse<String> accepted =
                    hs.send("POST", hook.get("url").asString(), "application/json", body);
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(accepted.headers().firstValue("content-type"))
                    .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
            assertThat(accepted.body()).isEqualTo("Accepted");
            String eventId = accepted.headers().firstValue("hookstream-event-id").orElseThrow();

            List<Bundle> bundles =
                    hs
                            .read(
                                    "hookstream.triggers." + userId,
                                    new BundleReader(),
                                    1,
                                    Duration.ofSeconds(60))
                            .stream()
                            .map(ConsumerRecord::value)
                            .toList();
            assertThat(bundles).hasSize(1);
            Bundle bundle = bundles.get(0);
            assertThat(bundle.bundleId()).isEqualTo(eventId + ":0:" + hookId);
            assertThat(bundle.userId()).isEqualTo(userId);
            assertThat(bundle.hookId()).isEqualTo(hookId);
            // a hook created through the API follows the router's default format
            assertThat(bundle.format())
                    .isEqualTo(io.hookstream.schemas.bundle.BundleFormat.CLOUDEVENTS_BINARY);
            assertThat(RunningSystem.JSON.readTree(bundle.output()))
                    .isEqualTo(RunningSystem.JSON.readTree(body));

            HttpResponse<String> unknown =
                    hs.send(
                            "POST",
                            hs.system.ingressUrl() + "/hooks/nosuchhook" + UUID.randomUUID(),
                            "application/json",
                            body);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("content-type"))
                    .hasValue("application/problem+json");

            HttpResponse<String> deleted = hs.control("DELETE", "/api/hooks/" + hookId, null);
            assertThat(deleted.statusCode()).isEqualTo(204);
            // the ingress learns of the deletion from the hooks topic, a moment after the control
            // plane answered
            int status = 0;
            for (long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                    System.nanoTime() < end && status != 410; ) {
                status =
                        hs.send("POST", hook.get("url").asString(), "application/json", body)
                                .statusCode();
                if (status != 410) {
                    Thread.sleep(100);
                }
            }
            assertThat(status).isEqualTo(410);

            HttpResponse<String> anonymous =
                    hs.send("GET", hs.system.controlUrl() + "/api/apps/shop", null, null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }
    }
}
