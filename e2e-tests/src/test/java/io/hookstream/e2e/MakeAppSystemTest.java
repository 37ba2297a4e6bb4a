package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hookstream.schemas.bundle.Bundle;
import io.hookstream.schemas.bundle.BundleReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * A Make Apps SDK project imported into the whole system on a real broker and run as it is: its
 * connection is checked and its hook attached (in two requests chained through {@code temp}) at a
 * provider on loopback, a delivery comes out as a bundle shaped by the webhook's output and then
 * the instant trigger's, and deleting the hook runs detach, whose 404 the base maps to {@code
 * Ignore}.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0"
        })
class MakeAppSystemTest {

    private static RunningSystem hs;
    private static HttpServer provider;
    private static final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws Exception {
        hs = new RunningSystem(broker.getBrokersAsString());
        // the address the system's outbound guard allows explicitly (hookstream.outbound.allow)
        provider = HttpServer.create(new InetSocketAddress(FakeProviderApi.ADDRESS, 0), 0);
        provider.createContext("/", MakeAppSystemTest::handle);
        provider.start();
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.stop(0);
        }
        if (hs != null) {
            hs.close();
        }
    }

    @Test
    void anImportedAppAttachesDeliversThroughItsTriggerAndDetaches() throws Exception {
        HttpResponse<String> imported =
                hs.http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                hs.system.controlUrl()
                                                        + "/api/apps/parcels/import"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + RunningSystem.TOKEN)
                                .header("Content-Type", "application/zip")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(zip(project())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(RunningSystem.JSON.readTree(imported.body()).get("webhooks").get(0).asString())
                .isEqualTo("parcelEvents");

        String user = "make-" + UUID.randomUUID().toString().substring(0, 8);
        String providerUrl =
                "http://" + FakeProviderApi.ADDRESS + ":" + provider.getAddress().getPort();
        HttpResponse<String> connection =
                hs.control(
                        "POST",
                        "/api/connections",
                        "{\"appId\":\"parcels\",\"userId\":\""
                                + user
                                + "\",\"data\":{\"apiKey\":\"k-1\",\"baseUrl\":\""
                                + providerUrl
                                + "\"}}");
        assertThat(connection.statusCode()).as(connection.body()).isEqualTo(201);
        String connectionId =
                RunningSystem.JSON.readTree(connection.body()).get("connectionId").asString();

        HttpResponse<String> created =
                hs.control(
                        "POST",
                        "/api/hooks",
                        "{\"appId\":\"parcels\",\"webhook\":\"parcelEvents\",\"userId\":\""
                                + user
                                + "\",\"connectionId\":\""
                                + connectionId
                                + "\",\"parameters\":{\"carrier\":\"dhl\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode hook = RunningSystem.JSON.readTree(created.body());
        String hookUrl = hook.get("url").asString();
        assertThat(calls)
                .containsSubsequence(
                        "GET /v2/me",
                        "POST /v2/subscriptions {\"carrier\":\"dhl\"}",
                        "POST /v2/subscriptions/sub-7/hooks {\"url\":\"" + hookUrl + "\"}");

        // the router joins events with its tables of hooks and connections: wait until both hold
        // what was just written
        for (String table : List.of(hs.topics.hooks().name(), hs.topics.connections().name())) {
            RouterBarrier.awaitHooksApplied(
                    hs.bootstrapServers, "hookstream-router", table, Duration.ofSeconds(60));
        }
        // the hook's connection reaches the router's join through internal topics after the
        // barrier above: an event that comes first is a dead letter (CONNECTION_PENDING) and the
        // sender's retry is delivered, as a real sender's would be
        List<Bundle> bundles = List.of();
        for (int attempt = 1; attempt <= 5 && bundles.isEmpty(); attempt++) {
            HttpResponse<String> delivery =
                    hs.send(
                            "POST",
                            hookUrl,
                            "application/json",
                            "{\"events\":[{\"id\":\"P-1\",\"status\":\"shipped\"},{\"id\":\"P-2\",\"status\":\"lost\"}]}");
            assertThat(delivery.statusCode()).isEqualTo(200);
            bundles =
                    hs
                            .read(
                                    hook.get("triggerTopic").asString(),
                                    new BundleReader(),
                                    2,
                                    Duration.ofSeconds(20))
                            .stream()
                            .map(ConsumerRecord::value)
                            .toList();
        }
        assertThat(bundles)
                .as(
                        "what became of the event: %s",
                        hs.control(
                                        "GET",
                                        "/api/hooks/" + hook.get("hookId").asString() + "/events",
                                        null)
                                .body())
                .extracting(b -> RunningSystem.JSON.readTree(b.output()))
                .containsExactly(
                        RunningSystem.JSON.readTree(
                                "{\"parcel\":\"P-1\",\"status\":\"shipped\",\"carrier\":\"dhl\",\"subscription\":\"sub-7\"}"),
                        RunningSystem.JSON.readTree(
                                "{\"parcel\":\"P-2\",\"status\":\"lost\",\"carrier\":\"dhl\",\"subscription\":\"sub-7\"}"));

        String hookId = hook.get("hookId").asString();
        HttpResponse<String> deleted = hs.control("DELETE", "/api/hooks/" + hookId, null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(calls).contains("DELETE /v2/subscriptions/sub-7");
        HttpResponse<String> after = hs.control("GET", "/api/hooks/" + hookId, null);
        assertThat(RunningSystem.JSON.readTree(after.body()).get("status").asString())
                .isEqualTo("deleted");
    }

    /** A project in the SDK's layout, in a folder of the zip as an exported project is. */
    private static Map<String, String> project() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "parcels/makecomapp.json",
                """
                {
                  "fileVersion": 1,
                  "label": "Parcels",
                  "generalCodeFiles": {"base": "general/base.iml.json"},
                  "components": {
                    "connection": {"key": {"codeFiles": {
                      "communication": "connections/key/key.communication.iml.json",
                      "params": "connections/key/key.params.iml.json"}}},
                    "webhook": {"parcelEvents": {"webhookType": "web", "connection": "key"}},
                    "module": {"watchParcels": {"moduleType": "instant_trigger", "webhook": "parcelEvents"}},
                  },
                }
                """);
        files.put(
                "parcels/general/base.iml.json",
                """
                {
                  // the provider's address comes with the connection
                  "baseUrl": "{{connection.baseUrl}}/v2",
                  "headers": {"Authorization": "Bearer {{connection.apiKey}}"},
                  "response": {"error": {"message": "{{body.error}}", "404": {"type": "Ignore"}}},
                }
                """);
        files.put(
                "parcels/connections/key/key.communication.iml.json",
                "{\"url\": \"/me\", \"response\": {\"uid\": \"{{body.account}}\"}}");
        files.put(
                "parcels/connections/key/key.params.iml.json",
                "[{\"name\": \"apiKey\", \"type\": \"password\", \"required\": true}]");
        files.put(
                "parcels/webhooks/parcelEvents/parcelEvents.communication.iml.json",
                """
                {"iterate": "{{body.events}}", "output": {"parcel": "{{item.id}}", "status": "{{item.status}}"}}
                """);
        files.put(
                "parcels/webhooks/parcelEvents/parcelEvents.params.iml.json",
                """
                [{"name": "carrier", "type": "select", "required": true,
                  "options": [{"label": "DHL", "value": "dhl"}, {"label": "UPS", "value": "ups"}]}]
                """);
        files.put(
                "parcels/webhooks/parcelEvents/parcelEvents.attach.iml.json",
                """
                [
                  {"url": "/subscriptions", "method": "POST", "body": {"carrier": "{{parameters.carrier}}"},
                   "response": {"temp": {"subscription": "{{body.id}}"}}},
                  {"url": "/subscriptions/{{temp.subscription}}/hooks", "method": "POST",
                   "body": {"url": "{{webhook.url}}"},
                   "response": {"data": {"subscription": "{{temp.subscription}}", "hook": "{{body.id}}"}}},
                ]
                """);
        files.put(
                "parcels/webhooks/parcelEvents/parcelEvents.detach.iml.json",
                "{\"url\": \"/subscriptions/{{webhook.subscription}}\", \"method\": \"DELETE\"}");
        files.put(
                "parcels/modules/watchParcels/watchParcels.communication.iml.json",
                """
                {"output": {"{{...}}": "{{payload}}", "carrier": "{{parameters.carrier}}",
                            "subscription": "{{webhook.subscription}}"}}
                """);
        return files;
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            calls.add((method + " " + path + " " + body).trim());
            boolean authorized =
                    "Bearer k-1".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            int status;
            String answer;
            if (!authorized) {
                status = 401;
                answer = "{\"error\":\"bad key\"}";
            } else if (method.equals("GET") && path.equals("/v2/me")) {
                status = 200;
                answer = "{\"account\":\"acct-1\"}";
            } else if (method.equals("POST") && path.equals("/v2/subscriptions")) {
                status = 201;
                answer = "{\"id\":\"sub-7\"}";
            } else if (method.equals("POST") && path.equals("/v2/subscriptions/sub-7/hooks")) {
                status = 201;
                answer = "{\"id\":\"remote-3\"}";
            } else {
                // the subscription was cancelled at the provider already
                status = 404;
                answer = "{\"error\":\"no such subscription\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
