package io.hookstream.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hookstream.connections.RunningControlPlane.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/apps/{appId}/import} with a zipped Make Apps SDK project, then the imported app
 * at work against a provider on loopback: its connection check and chained attach go through the
 * base URL and headers, hook parameters are checked against the schema, and a detach the base types
 * as {@code Ignore} still deletes the hook.
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
class MakeAppImportApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A project in the SDK's layout, its files JSON with comments. */
    static Map<String, String> project() {
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
                    "rpc": [{"name": "listCarriers", "codeFiles": {}}],
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
                  "response": {"error": {
                    "message": "{{body.error}}",
                    "422": {"type": "Ignore"},
                  }},
                }
                """);
        files.put(
                "parcels/connections/key/key.communication.iml.json",
                """
                {"url": "/me", "response": {"uid": "{{body.account}}"}}
                """);
        files.put(
                "parcels/connections/key/key.params.iml.json",
                """
                [{"name": "apiKey", "type": "password", "required": true}]
                """);
        files.put(
                "parcels/webhooks/parcelEvents/parcelEvents.communication.iml.json",
                """
                {"iterate": "{{body.events}}", "output": {"parcel": "{{item.id}}"}}
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
                """
                {"url": "/subscriptions/{{webhook.subscription}}", "method": "DELETE"}
                """);
        files.put(
                "parcels/modules/watchParcels/watchParcels.communication.iml.json",
                """
                {"output": {"{{...}}": "{{payload}}", "carrier": "{{parameters.carrier}}"}}
                """);
        return files;
    }

    private static HttpServer provider;
    private static final List<String> seen = new CopyOnWriteArrayList<>();
    private static volatile int detachStatus = 422;
    private static RunningControlPlane control;

    @BeforeAll
    static void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", MakeAppImportApiTest::handle);
        provider.start();
        control =
                RunningControlPlane.start(EmbeddedKafkaCondition.getBroker().getBrokersAsString());
    }

    @AfterAll
    static void stop() {
        if (control != null) {
            control.close();
        }
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void aDryRunConvertsWithoutStoringThenTheImportRegistersTheApp() {
        Answer dry =
                control.postBytes(
                        "/api/apps/parcels-dry/import?dryRun=true",
                        "application/zip",
                        zip(project()));

        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().path("appId").stringValue()).isEqualTo("parcels-dry");
        assertThat(dry.json().path("webhooks").get(0).stringValue()).isEqualTo("parcelEvents");
        assertThat(dry.json().path("warnings").toString()).contains("/components/rpc/0");
        assertThat(control.get("/api/apps/parcels-dry").status()).isEqualTo(404);

        Answer stored =
                control.postBytes(
                        "/api/apps/parcels-dry/import", "application/zip", zip(project()));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().path("version").asLong()).isEqualTo(1);
        JsonNode definition = control.get("/api/apps/parcels-dry").json().path("definition");
        assertThat(definition.path("base").path("baseUrl").stringValue())
                .isEqualTo("{{connection.baseUrl}}/v2");
    }

    @Test
    void theImportedAppChecksItsConnectionAttachesInTwoStepsAndDetachesThroughIgnore() {
        assertThat(
                        control.postBytes(
                                        "/api/apps/parcels/import",
                                        "application/zip",
                                        zip(project()))
                                .status())
                .isIn(200, 201);
        String baseUrl = "http://127.0.0.1:" + provider.getAddress().getPort();

        Answer noKey =
                control.post(
                        "/api/connections",
                        "{\"appId\":\"parcels\",\"userId\":\"u1\",\"data\":{\"baseUrl\":\""
                                + baseUrl
                                + "\"}}");
        assertThat(noKey.status()).isEqualTo(422);
        assertThat(noKey.body()).contains("apiKey").contains("invalid-parameters");

        Answer connection =
                control.post(
                        "/api/connections",
                        "{\"appId\":\"parcels\",\"userId\":\"u1\",\"data\":{\"apiKey\":\"k-1\",\"baseUrl\":\""
                                + baseUrl
                                + "\"}}");
        assertThat(connection.status()).as(connection.body()).isEqualTo(201);
        assertThat(seen).contains("GET /v2/me Bearer k-1");
        String connectionId = connection.json().path("connectionId").stringValue();

        Answer missing = control.post("/api/hooks", hook(connectionId, "{}"));
        Answer outside = control.post("/api/hooks", hook(connectionId, "{\"carrier\":\"fedex\"}"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("carrier");
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("fedex");

        Answer created = control.post("/api/hooks", hook(connectionId, "{\"carrier\":\"dhl\"}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("attached").asBoolean()).isTrue();
        String hookUrl = created.json().path("url").stringValue();
        assertThat(seen)
                .contains(
                        "POST /v2/subscriptions Bearer k-1 {\"carrier\":\"dhl\"}",
                        "POST /v2/subscriptions/sub-7/hooks Bearer k-1 {\"url\":\""
                                + hookUrl
                                + "\"}");

        // the provider answers 422, which the base types as Ignore: already gone
        Answer deleted =
                control.delete("/api/hooks/" + created.json().path("hookId").stringValue());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(seen).contains("DELETE /v2/subscriptions/sub-7 Bearer k-1");
        assertThat(
                        control.get("/api/hooks/" + created.json().path("hookId").stringValue())
                                .json()
                                .path("status")
                                .stringValue())
                .isEqualTo("deleted");

        // any other refusal keeps the hook
        Answer second = control.post("/api/hooks", hook(connectionId, "{\"carrier\":\"ups\"}"));
        detachStatus = 500;
        try {
            Answer refused =
                    control.delete("/api/hooks/" + second.json().path("hookId").stringValue());
            assertThat(refused.status()).isEqualTo(502);
        } finally {
            detachStatus = 422;
        }
    }

    @Test
    void aProjectThatCannotBeImportedIsA422NamingFileAndPointer() {
        Map<String, String> broken = project();
        broken.put(
                "parcels/webhooks/parcelEvents/parcelEvents.communication.iml.json",
                "{\"output\": {\"parcel\": \"{{item.id\"}}");

        Answer refused =
                control.postBytes("/api/apps/broken/import", "application/zip", zip(broken));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("type").stringValue()).endsWith("/problems/invalid-import");
        JsonNode problem = refused.json().path("problems").get(0);
        assertThat(problem.path("file").stringValue())
                .isEqualTo("webhooks/parcelEvents/parcelEvents.communication.iml.json");
        assertThat(problem.path("pointer").stringValue()).isEqualTo("/output/parcel");
        assertThat(control.get("/api/apps/broken").status()).isEqualTo(404);
    }

    @Test
    void anArchiveWithAnEntryOutsideTheProjectIsRefused() {
        Map<String, String> files = project();
        files.put("../../outside.json", "{}");

        Answer refused = control.postBytes("/api/apps/slip/import", "application/zip", zip(files));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("outside the project");
    }

    private static String hook(String connectionId, String parameters) {
        return "{\"appId\":\"parcels\",\"webhook\":\"parcelEvents\",\"userId\":\"u1\",\"connectionId\":\""
                + connectionId
                + "\",\"parameters\":"
                + parameters
                + "}";
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            seen.add((method + " " + path + " " + auth + " " + body).trim());
            int status;
            String answer;
            if (!auth.equals("Bearer k-1")) {
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
            } else if (method.equals("DELETE") && path.startsWith("/v2/subscriptions/")) {
                status = detachStatus;
                answer = "{\"error\":\"subscription already cancelled\"}";
            } else {
                status = 404;
                answer = "{\"error\":\"no such thing\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
