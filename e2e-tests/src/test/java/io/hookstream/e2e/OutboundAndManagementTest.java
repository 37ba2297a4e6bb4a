package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * What Hookstream calls and what it exposes, on the running services. An app for a self-hosted tool
 * templates its host from the user's connection, and a connection names an inside address: the
 * control plane must not fetch it. Only the provider stand-in's address (127.0.0.2) is allowed; the
 * services themselves listen on 127.0.0.1. Actuator answers on the management ports only.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0"
        })
@ExtendWith(OutputCaptureExtension.class)
class OutboundAndManagementTest {

    private static final String SELF_HOSTED =
            """
            {"name": "Self-hosted tool",
             "connection": {"info": {"url": "{{connection.baseUrl}}/actuator/health",
                                     "response": {"uid": "{{body.id}}",
                                                  "metadata": {"type": "text", "value": "{{body.id}}"}}}},
             "webhooks": {"events": {"type": "shared", "spec": {"uid": "{{body.account}}"}}}}""";

    private static RunningSystem hs;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws Exception {
        hs = new RunningSystem(broker.getBrokersAsString());
        HttpResponse<String> put = hs.control("PUT", "/api/apps/selfhosted", SELF_HOSTED);
        assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
    }

    @AfterAll
    static void stop() {
        hs.close();
    }

    @Test
    void anInsideAddressIsRefusedByAddressByNameAndBehindARedirect(CapturedOutput output)
            throws Exception {
        int router = hs.system.routerManagementPort();
        // what the exploit would have read: the router's health, with details
        HttpResponse<String> health =
                hs.send("GET", "http://127.0.0.1:" + router + "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"components\"", "diskSpace");

        String provider = hs.providers.baseUrl();
        String[][] cases = {
            {"http://127.0.0.1:" + router, "127.0.0.1"},
            {"http://localhost:" + router, "localhost"},
            {provider + "/redirect/127.0.0.1/" + router, "127.0.0.1"},
            {provider + "/redirect/localhost/" + router, "localhost"},
        };
        for (String[] c : cases) {
            String user = "u-" + UUID.randomUUID();
            int providerCalls = hs.providers.calls().size();

            HttpResponse<String> refused = createConnection(user, c[0]);

            assertThat(refused.statusCode()).as(c[0] + ": " + refused.body()).isEqualTo(422);
            JsonNode problem = RunningSystem.JSON.readTree(refused.body());
            assertThat(problem.get("type").asString())
                    .isEqualTo("/problems/destination_not_allowed");
            assertThat(problem.get("reason").asString()).isEqualTo("destination_not_allowed");
            assertThat(problem.get("host").asString()).as(c[0]).isEqualTo(c[1]);
            assertThat(refused.body()).doesNotContain("diskSpace", "components", "\"UP\"");
            if (c[1].equals("localhost")) {
                assertThat(refused.body()).doesNotContain("127.0.0.1");
            }
            // a redirect was asked of the allowed stand-in, and its target refused
            assertThat(hs.providers.calls().size() - providerCalls)
                    .isEqualTo(c[0].startsWith(provider) ? 1 : 0);
            HttpResponse<String> stored =
                    hs.control("GET", "/api/connections?userId=" + user, null);
            assertThat(stored.body()).as("nothing stored for " + c[0]).isEqualTo("[]");
        }
        // nothing of the refused answer reached a log either
        assertThat(output.getAll()).doesNotContain("diskSpace");
    }

    @Test
    void anAllowedDestinationStillWorksAlsoBehindARedirectToItself() throws Exception {
        String provider = hs.providers.baseUrl();
        String port = provider.substring(provider.lastIndexOf(':') + 1);
        for (String baseUrl :
                new String[] {
                    provider, provider + "/redirect/" + FakeProviderApi.ADDRESS + "/" + port
                }) {
            String user = "u-" + UUID.randomUUID();
            HttpResponse<String> created = createConnection(user, baseUrl);

            assertThat(created.statusCode()).as(baseUrl + ": " + created.body()).isEqualTo(201);
            assertThat(RunningSystem.JSON.readTree(created.body()).get("valid").asBoolean())
                    .isTrue();
            assertThat(hs.providers.calls())
                    .anySatisfy(call -> assertThat(call.path()).isEqualTo("/actuator/health"));
        }
    }

    @Test
    void aGetFollowsAtMostThreeRedirects() throws Exception {
        String provider = hs.providers.baseUrl();
        String hop = "/redirect/" + FakeProviderApi.ADDRESS + "/" + provider.replaceAll(".*:", "");

        int before = hs.providers.calls().size();
        HttpResponse<String> three =
                createConnection("u-" + UUID.randomUUID(), provider + hop.repeat(3));
        assertThat(three.statusCode()).as(three.body()).isEqualTo(201);
        assertThat(hs.providers.calls().size() - before).isEqualTo(4);

        before = hs.providers.calls().size();
        HttpResponse<String> four =
                createConnection("u-" + UUID.randomUUID(), provider + hop.repeat(4));
        // the fourth redirect is not followed: the app's response block sees the 302 itself
        // (which §7 counts as valid, 2xx and 3xx), so the uid from the final answer's body is
        // missing
        assertThat(hs.providers.calls().size() - before).isEqualTo(4);
        assertThat(four.statusCode()).as(four.body()).isEqualTo(201);
        assertThat(RunningSystem.JSON.readTree(three.body()).get("uid").asString())
                .startsWith("sub-");
        assertThat(RunningSystem.JSON.readTree(four.body()).get("uid").isNull()).isTrue();
    }

    @Test
    void thePublicIngressPortServesNoActuatorAndTheManagementPortsDo() throws Exception {
        String ingress = hs.system.ingressUrl();
        for (String path :
                new String[] {
                    "/actuator",
                    "/actuator/health",
                    "/actuator/health/liveness",
                    "/actuator/prometheus",
                    "/actuator/metrics",
                    "/actuator/env"
                }) {
            HttpResponse<String> answer = hs.send("GET", ingress + path, null, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("jvm_", "diskSpace");
        }
        // the control plane's API port neither
        assertThat(
                        hs.send("GET", hs.system.controlUrl() + "/actuator/health", null, null)
                                .statusCode())
                .isEqualTo(404);

        for (int port :
                new int[] {
                    hs.system.ingressManagementPort(),
                    hs.system.controlManagementPort(),
                    hs.system.routerManagementPort()
                }) {
            String management = "http://127.0.0.1:" + port;
            HttpResponse<String> health =
                    hs.send("GET", management + "/actuator/health", null, null);
            assertThat(health.statusCode()).as(management).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"components\"");
            for (String probe : new String[] {"liveness", "readiness"}) {
                assertThat(
                                hs.send("GET", management + "/actuator/health/" + probe, null, null)
                                        .statusCode())
                        .as(management + " " + probe)
                        .isEqualTo(200);
            }
            HttpResponse<String> prometheus =
                    hs.send("GET", management + "/actuator/prometheus", null, null);
            assertThat(prometheus.statusCode()).as(management).isEqualTo(200);
            assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        }
        // the ingress's own metrics are there, where only the operator reaches them
        assertThat(
                        hs.send(
                                        "GET",
                                        "http://127.0.0.1:"
                                                + hs.system.ingressManagementPort()
                                                + "/actuator/prometheus",
                                        null,
                                        null)
                                .body())
                .contains("http_server_requests");
    }

    private static HttpResponse<String> createConnection(String user, String baseUrl)
            throws Exception {
        return hs.control(
                "POST",
                "/api/connections",
                "{\"appId\":\"selfhosted\",\"userId\":\""
                        + user
                        + "\",\"data\":{\"baseUrl\":\""
                        + baseUrl
                        + "\"}}");
    }
}
