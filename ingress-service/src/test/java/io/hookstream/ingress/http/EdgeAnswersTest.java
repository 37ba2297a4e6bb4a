package io.hookstream.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.ingress.IngressApplication;
import io.hookstream.localkafka.LocalKafka;
import io.hookstream.localkafka.LocalKafkaConfig;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.RequestRecord;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.HookstreamTopics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ingress alone, on a real KRaft broker and a real HTTP client: every refusal the edge makes
 * before or instead of publishing, and the 503 while Kafka is away. Apps and hooks are written
 * straight to their topics, as the control plane would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeAnswersTest {

    private static final HookstreamTopics TOPICS = HookstreamTopics.defaults();
    private static final byte[] DATA_KEY = new byte[32];
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Path kafkaDir;
    private static int kafkaPort;
    private static LocalKafka kafka;
    private static ConfigurableApplicationContext ingress;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        kafkaDir = Files.createTempDirectory("edge-kafka");
        try (ServerSocket free = new ServerSocket(0)) {
            kafkaPort = free.getLocalPort();
        }
        kafka = startKafka();
        ingress =
                IngressApplication.builder()
                        .run(
                                "--server.port=0",
                                "--management.server.port=0",
                                "--hookstream.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                                "--hookstream.ingress.publish-timeout=2s",
                                "--hookstream.ingress.retry-after=7s",
                                "--hookstream.ingress.read-timeout=1s",
                                "--hookstream.ingress.max-headers=20",
                                "--hookstream.ingress.request-log.unknown-per-second=5",
                                "--hookstream.secrets.data-key="
                                        + java.util.Base64.getEncoder().encodeToString(DATA_KEY));
        base =
                "http://localhost:"
                        + ((WebServerApplicationContext) ingress).getWebServer().getPort();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new org.apache.kafka.common.serialization.StringSerializer(),
                        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            app(producer, "plain", "{\"webhooks\": {\"w\": {}}}");
            app(
                    producer,
                    "small",
                    "{\"limits\": {\"maxBodyBytes\": 100}, \"webhooks\": {\"w\": {}}}");
            app(
                    producer,
                    "slow",
                    "{\"limits\": {\"rateLimit\": {\"requests\": 2, \"periodSeconds\": 60}}, \"webhooks\": {\"w\": {}}}");
            hook(producer, "h-plain", "plain", HookStatus.ACTIVE);
            hook(producer, "h-small", "small", HookStatus.ACTIVE);
            hook(producer, "h-slow", "slow", HookStatus.ACTIVE);
            hook(producer, "h-off", "plain", HookStatus.DISABLED);
            producer.send(
                            new ProducerRecord<>(
                                    TOPICS.hooks().name(),
                                    "h-own",
                                    TOPICS.hooks()
                                            .valueSerde()
                                            .serializer()
                                            .serialize(
                                                    "",
                                                    Hook.newBuilder(
                                                                    hookRecord(
                                                                            "h-own",
                                                                            "plain",
                                                                            HookStatus.ACTIVE))
                                                            .setLimits(
                                                                    new io.hookstream.schemas.avro
                                                                            .HookLimits(
                                                                            50L, 2, 60L))
                                                            .build())))
                    .get();
            app(
                    producer,
                    "echo",
                    "{\"webhooks\": {\"w\": {\"spec\": {\"respond\": {\"status\": \"{{body.code}}\", \"type\": \"text\", \"body\": \"ok\"}}}}}");
            hook(producer, "h-echo", "echo", HookStatus.ACTIVE);
            app(
                    producer,
                    "everyone",
                    "{\"connection\": {\"info\": {\"url\": \"http://localhost/me\", \"response\": {\"uid\": \"{{body.id}}\"}}},"
                            + " \"webhooks\": {\"all\": {\"type\": \"shared\", \"spec\": {\"uid\": \"{{body.user}}\"}}}}");
            app(
                    producer,
                    "signed",
                    "{\"connection\": {\"info\": {\"url\": \"http://localhost/me\"}, \"log\": {\"sanitize\": [\"request.body.password\", \"request.headers.x-tenant-key\"]}},"
                            + " \"webhooks\": {\"w\": {\"spec\": {\"signature\": {\"scheme\": \"github\", \"secret\": \"{{connection.signingSecret}}\"}}}}}");
            connection(producer, "c-signed", "{\"signingSecret\": \"conn-secret\"}");
            producer.send(
                            new ProducerRecord<>(
                                    TOPICS.hooks().name(),
                                    "h-signed",
                                    TOPICS.hooks()
                                            .valueSerde()
                                            .serializer()
                                            .serialize(
                                                    "",
                                                    Hook.newBuilder(
                                                                    hookRecord(
                                                                            "h-signed",
                                                                            "signed",
                                                                            HookStatus.ACTIVE))
                                                            .setConnectionId("c-signed")
                                                            .build())))
                    .get();
        }
    }

    @AfterAll
    static void stop() {
        ingress.close();
        kafka.close();
    }

    @Test
    @Order(1)
    void unknownHooksAre404AndDisabledOnes410() throws Exception {
        assertThat(post("/hooks/h-nope", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> off = post("/hooks/h-off", "{}");
        assertThat(off.statusCode()).isEqualTo(410);
        assertThat(off.headers().firstValue("content-type")).hasValue("application/problem+json");
    }

    @Test
    @Order(2)
    void aBodyOverTheAppsLimitIs413WhetherDeclaredOrStreamed() throws Exception {
        String big = "{\"x\":\"" + "a".repeat(200) + "\"}";
        assertThat(post("/hooks/h-small", big).statusCode()).isEqualTo(413);

        // no Content-Length: the limit is enforced while the body streams in
        HttpRequest chunked =
                HttpRequest.newBuilder(URI.create(base + "/hooks/h-small"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.fromPublisher(
                                        HttpRequest.BodyPublishers.ofString(big)))
                        .build();
        assertThat(HTTP.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(413);

        assertThat(post("/hooks/h-small", "{\"ok\":1}").statusCode()).isEqualTo(200);
        assertThat(post("/hooks/h-plain", big).statusCode())
                .as("the deployment default is 5 MB")
                .isEqualTo(200);
    }

    @Test
    @Order(3)
    void theAppsRateLimitRefusesWith429AndRetryAfter() throws Exception {
        assertThat(post("/hooks/h-slow", "{}").statusCode()).isEqualTo(200);
        assertThat(post("/hooks/h-slow", "{}").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = post("/hooks/h-slow", "{}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow()))
                .isBetween(1L, 30L);
        assertThat(post("/hooks/h-plain", "{}").statusCode())
                .as("other hooks have their own budget")
                .isEqualTo(200);
    }

    @Test
    @Order(3)
    void aHooksOwnLimitsWinOverItsAppsAndTheDeploymentDefaults() throws Exception {
        // the rate is taken before the size is checked, so the refused body uses one of the two
        // requests
        assertThat(post("/hooks/h-own", "{\"x\":\"" + "a".repeat(60) + "\"}").statusCode())
                .isEqualTo(413);
        assertThat(post("/hooks/h-own", "{}").statusCode()).isEqualTo(200);
        assertThat(post("/hooks/h-own", "{}").statusCode()).isEqualTo(429);
    }

    @Test
    @Order(4)
    void tooManyHeaderFieldsAre431() throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + "/hooks/h-plain"))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"));
        for (int i = 0; i < 25; i++) {
            request.header("X-Extra-" + i, "v");
        }
        assertThat(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(431);
    }

    @Test
    @Order(4)
    void aRequestRefusedBeforeItsBodyWasReadClosesTheConnection() throws Exception {
        // the body stays unread; on a kept-alive connection it would be parsed as the next request
        try (Socket socket =
                sendRaw(
                        "POST /hooks/h-nope HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 13\r\n\r\n{\"unread\":1}\n")) {
            String response =
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(response).startsWith("HTTP/1.1 404");
            assertThat(response.toLowerCase(java.util.Locale.ROOT)).contains("connection: close");
        }
    }

    @Test
    @Order(5)
    void aBodyThatStopsArrivingIs408() throws Exception {
        try (Socket socket =
                sendRaw(
                        "POST /hooks/h-plain HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 100\r\n\r\n{\"partial\":")) {
            String status =
                    new BufferedReader(
                                    new InputStreamReader(
                                            socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
            assertThat(status).startsWith("HTTP/1.1 408");
        }
    }

    @Test
    @Order(6)
    void malformedJsonIsAcceptedAsTextAndTheEventIsFlagged() throws Exception {
        HttpResponse<String> accepted = post("/hooks/h-plain", "{\"broken\": ");
        assertThat(accepted.statusCode()).isEqualTo(200);
        String eventId = accepted.headers().firstValue("hookstream-event-id").orElseThrow();

        RawWebhookEvent event = rawEvent(eventId);
        assertThat(event.getFlags()).containsExactly("MALFORMED_JSON");
        assertThat(event.getHookId()).isEqualTo("h-plain");
        assertThat(StandardCharsets.UTF_8.decode(event.getBody()).toString())
                .isEqualTo("{\"broken\": ");
    }

    @Test
    @Order(6)
    void rawEventsAreKeyedByTheirHookOrForASharedWebhookByTheEventItself() throws Exception {
        HttpResponse<String> dedicated = post("/hooks/h-plain", "{\"a\": 1}");
        HttpResponse<String> shared1 = post("/apps/everyone/webhooks/all", "{\"a\": 1}");
        HttpResponse<String> shared2 = post("/apps/everyone/webhooks/all", "{\"a\": 2}");
        assertThat(List.of(dedicated.statusCode(), shared1.statusCode(), shared2.statusCode()))
                .containsOnly(200);

        assertThat(rawRecord(eventIdOf(dedicated)).key()).isEqualTo("h-plain");
        // spread over the partitions rather than one partition per app: each shared event is its
        // own key
        String first = eventIdOf(shared1);
        String second = eventIdOf(shared2);
        assertThat(rawRecord(first).key()).isEqualTo(first);
        assertThat(rawRecord(second).key()).isEqualTo(second);
        assertThat(rawRecord(second).value().getAppId()).isEqualTo("everyone");
    }

    @Test
    @Order(6)
    void theStoredEventHasEveryHeaderFieldInArrivalOrderWithItsNameLowerCased() throws Exception {
        String eventId;
        try (Socket socket =
                sendRaw(
                        "POST /hooks/h-plain HTTP/1.1\r\nHost: localhost\r\nX-Tag: a\r\nContent-Type: application/json\r\n"
                                + "X-Other: x\r\nX-TAG: b\r\nContent-Length: 2\r\n\r\n{}")) {
            BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(
                                    socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 200");
            String id = null;
            for (String line = in.readLine();
                    line != null && !line.isEmpty();
                    line = in.readLine()) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("hookstream-event-id:")) {
                    id = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            eventId = id;
        }
        assertThat(eventId).isNotNull();

        List<String> fields =
                rawEvent(eventId).getHeaders().stream()
                        .map(h -> h.getName() + ": " + h.getValue())
                        .toList();
        assertThat(fields)
                .containsExactly(
                        "host: localhost",
                        "x-tag: a",
                        "content-type: application/json",
                        "x-other: x",
                        "x-tag: b",
                        "content-length: 2");
    }

    /**
     * A connection to the ingress on which these exact bytes were sent, for what an HTTP client
     * would not send.
     */
    private static Socket sendRaw(String request) throws Exception {
        Socket socket = new Socket("127.0.0.1", URI.create(base).getPort());
        try {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return socket;
        } catch (Exception e) {
            socket.close();
            throw e;
        }
    }

    @Test
    @Order(6)
    void whatARequestDoesNotHaveStaysUnsetInItsStoredEvent() throws Exception {
        HttpResponse<String> dedicated = post("/hooks/h-plain", "{\"a\": 1}");
        HttpResponse<String> noContentType =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/apps/everyone/webhooks/all"))
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"a\": 2}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(List.of(dedicated.statusCode(), noContentType.statusCode())).containsOnly(200);

        RawWebhookEvent withHook = rawEvent(eventIdOf(dedicated));
        assertThat(withHook.getKind()).isEqualTo(WebhookKind.DEDICATED);
        assertThat(withHook.getHookId()).isEqualTo("h-plain");
        assertThat(withHook.getContentType()).isEqualTo("application/json");
        assertThat(withHook.getRemoteAddress()).isNotNull();
        assertThat(java.net.InetAddress.getByName(withHook.getRemoteAddress()).isLoopbackAddress())
                .as(withHook.getRemoteAddress())
                .isTrue();

        RawWebhookEvent shared = rawEvent(eventIdOf(noContentType));
        assertThat(shared.getKind()).isEqualTo(WebhookKind.SHARED);
        assertThat(shared.getHookId()).isNull();
        assertThat(shared.getContentType()).isNull();
        assertThat(shared.getRemoteAddress()).isEqualTo(withHook.getRemoteAddress());
    }

    private static String eventIdOf(HttpResponse<String> accepted) {
        return accepted.headers().firstValue("hookstream-event-id").orElseThrow();
    }

    @Test
    @Order(7)
    void aRespondThatFailsToEvaluateIs500AndNothingIsPublished() throws Exception {
        HttpResponse<String> fine = post("/hooks/h-echo", "{\"code\": 202}");
        assertThat(fine.statusCode()).isEqualTo(202);
        assertThat(fine.body()).isEqualTo("ok");
        long before = rawEventCount();

        HttpResponse<String> broken = post("/hooks/h-echo", "{\"code\": \"not a status\"}");

        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(broken.body()).contains("respond.status").doesNotContain("not a status");
        assertThat(rawEventCount()).isEqualTo(before);
    }

    @Test
    @Order(8)
    void aSignatureCanUseTheHooksConnectionDataWhichIsStoredSealed() throws Exception {
        String body = "{\"a\":1}";
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(
                new javax.crypto.spec.SecretKeySpec(
                        "conn-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature =
                "sha256="
                        + java.util.HexFormat.of()
                                .formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(post("/hooks/h-signed", body, "X-Hub-Signature-256", signature).statusCode())
                .isEqualTo(200);
        assertThat(
                        post(
                                        "/hooks/h-signed",
                                        body,
                                        "X-Hub-Signature-256",
                                        "sha256=" + "0".repeat(64))
                                .statusCode())
                .isEqualTo(401);
    }

    @Test
    @Order(9)
    void everyRefusalIsInTheRequestLogWithItsReasonSecretsMasked() throws Exception {
        String forged = "{\"user\":\"ann\",\"password\":\"hunter2\"}";
        HttpResponse<String> refused =
                post(
                        "/hooks/h-signed",
                        forged,
                        "X-Hub-Signature-256",
                        "sha256=" + "1".repeat(64),
                        "Authorization",
                        "Bearer top-secret",
                        "X-Tenant-Key",
                        "tenant-secret");
        assertThat(refused.statusCode()).isEqualTo(401);

        List<RequestRecord> log =
                requestLog(
                        r ->
                                "h-signed".equals(r.getHookId())
                                        && r.getOutcome().equals("signature_refused")
                                        && new String(
                                                        bytes(r.getBodyPreview()),
                                                        StandardCharsets.UTF_8)
                                                .contains("ann"));
        RequestRecord signature = log.get(0);
        assertThat(signature.getStatus()).isEqualTo(401);
        assertThat(signature.getAppId()).isEqualTo("signed");
        assertThat(signature.getReason()).isNotBlank();
        assertThat(signature.getBodySize()).isEqualTo(forged.length());
        String shown =
                signature.getHeaders().stream().map(h -> h.getName() + ": " + h.getValue()).toList()
                        + new String(bytes(signature.getBodyPreview()), StandardCharsets.UTF_8);
        assertThat(shown)
                .contains("authorization: ********", "x-hub-signature-256: ********")
                .contains("x-tenant-key: ********")
                .doesNotContain("top-secret", "tenant-secret", "hunter2", "1111111111");

        // the refusals of the earlier tests, each with its status and reason
        assertThat(requestLog(r -> "h-nope".equals(r.getHookId())).get(0))
                .satisfies(
                        r -> {
                            assertThat(r.getStatus()).isEqualTo(404);
                            assertThat(r.getOutcome()).isEqualTo("not_found");
                            assertThat(r.getAppId()).isNull();
                        });
        assertThat(requestLog(r -> "h-off".equals(r.getHookId())).get(0).getOutcome())
                .isEqualTo("gone");
        assertThat(requestLog(r -> "h-small".equals(r.getHookId())).get(0))
                .satisfies(
                        r -> {
                            assertThat(r.getStatus()).isEqualTo(413);
                            assertThat(r.getReason()).contains("100 bytes");
                        });
        assertThat(requestLog(r -> r.getStatus() == 429).get(0).getOutcome())
                .isEqualTo("rate_limited");
        assertThat(requestLog(r -> r.getStatus() == 431).get(0).getHeaders()).hasSize(20);
        assertThat(requestLog(r -> r.getStatus() == 408).get(0).getOutcome()).isEqualTo("timeout");
        assertThat(requestLog(r -> "h-echo".equals(r.getHookId())).get(0))
                .satisfies(
                        r -> {
                            assertThat(r.getOutcome()).isEqualTo("edge_error");
                            assertThat(r.getDirectivePath()).isEqualTo("respond.status");
                        });
    }

    @Test
    @Order(10)
    void aFloodOfRequestsToUnknownHooksIsRecordedOnlyWithinItsBudget() throws Exception {
        int flood = 300;
        // all at once, as a flood comes: each unknown id waits for the hook views before its 404
        List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < flood; i++) {
            sent.add(
                    HTTP.sendAsync(
                            HttpRequest.newBuilder(URI.create(base + "/hooks/forged-" + i))
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding()));
        }
        for (var response : sent) {
            assertThat(response.get().statusCode()).isEqualTo(404);
        }
        // the flood's records have arrived once a request sent after it is in the log
        post("/hooks/h-off", "{\"after\":\"flood\"}");
        requestLog(r -> "h-off".equals(r.getHookId()) && r.getBodySize() > 2);

        List<RequestRecord> recorded =
                readRequestLog().stream()
                        .filter(r -> r.getHookId() != null && r.getHookId().startsWith("forged-"))
                        .toList();
        Map<Long, Long> perSecond =
                recorded.stream()
                        .collect(
                                java.util.stream.Collectors.groupingBy(
                                        r -> r.getReceivedAt().getEpochSecond(),
                                        java.util.stream.Collectors.counting()));
        assertThat(perSecond.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(5));
        assertThat(recorded.size()).isLessThan(flood);
        double overBudget =
                ingress.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                        .counter("hookstream.ingress.request_log", "result", "over_budget")
                        .count();
        assertThat(overBudget).isGreaterThanOrEqualTo(flood - recorded.size());
    }

    @Test
    @Order(11)
    void withKafkaAwayTheSenderGets503WithRetryAfterAndServiceResumesWhenItReturns()
            throws Exception {
        kafka.close();

        HttpResponse<String> unavailable = post("/hooks/h-plain", "{\"during\":\"outage\"}");

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("retry-after")).hasValue("7");

        kafka = startKafka();
        int status = 0;
        for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                System.nanoTime() < end && status != 200; ) {
            status = post("/hooks/h-plain", "{\"after\":\"outage\"}").statusCode();
        }
        assertThat(status).isEqualTo(200);
    }

    private static LocalKafka startKafka() {
        return new LocalKafka(LocalKafkaConfig.builder(kafkaDir).port(kafkaPort).build()).start();
    }

    private static HttpResponse<String> post(String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(12)
    void onceTheIngressIsStoppingANewRequestIs503WithConnectionCloseAndNothingIsStored()
            throws Exception {
        long before = rawEventCount();
        ingress.getBean(io.hookstream.ingress.shutdown.Draining.class).start();

        try (Socket socket =
                sendRaw(
                        "POST /hooks/h-plain HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 2\r\n\r\n{}")) {
            // read to the end: the ingress closes the connection after answering
            String response =
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(response).startsWith("HTTP/1.1 503");
            assertThat(response.toLowerCase(java.util.Locale.ROOT))
                    .contains("retry-after: 7")
                    .contains("connection: close");
        }
        assertThat(rawEventCount()).as("nothing is published once stopping").isEqualTo(before);
    }

    private static long rawEventCount() throws Exception {
        try (var admin =
                org.apache.kafka.clients.admin.Admin.create(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            String topic = TOPICS.eventsRaw().name();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                    new java.util.HashMap<>();
            admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .forEach(
                            p ->
                                    latest.put(
                                            new TopicPartition(topic, p.partition()),
                                            org.apache.kafka.clients.admin.OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
        }
    }

    private static RawWebhookEvent rawEvent(String eventId) {
        return rawRecord(eventId).value();
    }

    private static org.apache.kafka.clients.consumer.ConsumerRecord<String, RawWebhookEvent>
            rawRecord(String eventId) {
        try (KafkaConsumer<String, RawWebhookEvent> consumer =
                new KafkaConsumer<>(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringDeserializer(),
                        TOPICS.eventsRaw().valueSerde().deserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(TOPICS.eventsRaw().name())
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    System.nanoTime() < end; ) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value().getEventId().equals(eventId)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("event " + eventId + " not on " + TOPICS.eventsRaw().name());
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    /** The request log's records that match, waiting up to 30 s for at least one. */
    private static List<RequestRecord> requestLog(
            java.util.function.Predicate<RequestRecord> matching) {
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                System.nanoTime() < end; ) {
            List<RequestRecord> found = readRequestLog().stream().filter(matching).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        throw new AssertionError("no such record in " + TOPICS.requests().name());
    }

    /** Everything on the request log now. */
    private static List<RequestRecord> readRequestLog() {
        try (KafkaConsumer<String, RequestRecord> consumer =
                new KafkaConsumer<>(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringDeserializer(),
                        TOPICS.requests().valueSerde().deserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(TOPICS.requests().name())
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<RequestRecord> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(r.value()));
            }
            return records;
        }
    }

    private static void app(KafkaProducer<String, byte[]> producer, String id, String definition)
            throws Exception {
        App app =
                App.newBuilder()
                        .setAppId(id)
                        .setDefinition(definition)
                        .setVersion(1)
                        .setUpdatedAt(Instant.now())
                        .build();
        producer.send(
                        new ProducerRecord<>(
                                TOPICS.apps().name(),
                                id,
                                TOPICS.apps().valueSerde().serializer().serialize("", app)))
                .get();
    }

    private static void connection(KafkaProducer<String, byte[]> producer, String id, String json)
            throws Exception {
        io.hookstream.support.secrets.DataSealer sealer =
                new io.hookstream.support.secrets.DataSealer("k1", Map.of("k1", DATA_KEY));
        io.hookstream.schemas.avro.Connection connection =
                io.hookstream.schemas.avro.Connection.newBuilder()
                        .setConnectionId(id)
                        .setAppId("signed")
                        .setUserId("u")
                        .setValid(true)
                        .setData(
                                java.nio.ByteBuffer.wrap(
                                        sealer.seal(json.getBytes(StandardCharsets.UTF_8), id)))
                        .setDataEncryption(sealer.scheme())
                        .setCreatedAt(Instant.now())
                        .setUpdatedAt(Instant.now())
                        .build();
        producer.send(
                        new ProducerRecord<>(
                                TOPICS.connections().name(),
                                id,
                                TOPICS.connections()
                                        .valueSerde()
                                        .serializer()
                                        .serialize("", connection)))
                .get();
    }

    private static Hook hookRecord(String id, String appId, HookStatus status) {
        return Hook.newBuilder()
                .setHookId(id)
                .setAppId(appId)
                .setWebhookName("w")
                .setKind(WebhookKind.DEDICATED)
                .setUserId("u")
                .setStatus(status)
                .setTriggerTopic("hookstream.triggers.u")
                .setCreatedAt(Instant.now())
                .setUpdatedAt(Instant.now())
                .build();
    }

    private static void hook(
            KafkaProducer<String, byte[]> producer, String id, String appId, HookStatus status)
            throws Exception {
        Hook hook = hookRecord(id, appId, status);
        producer.send(
                        new ProducerRecord<>(
                                TOPICS.hooks().name(),
                                id,
                                TOPICS.hooks().valueSerde().serializer().serialize("", hook)))
                .get();
    }
}
