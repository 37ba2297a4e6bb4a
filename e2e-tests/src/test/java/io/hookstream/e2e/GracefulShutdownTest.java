package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.ingress.IngressApplication;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * An ingress in a process of its own gets SIGTERM while a request is half received: it takes no new
 * connections, answers the request in flight once its body has arrived, with the event stored, and
 * then exits.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0"
        })
class GracefulShutdownTest {

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
    void aRequestInFlightIsAnsweredAndStoredWhileNewConnectionsAreRefused() throws Exception {
        JsonNode hook =
                hs.createHook(
                        "github",
                        "repository",
                        "graceful-" + UUID.randomUUID().toString().substring(0, 8),
                        "{\"secret\":\"s\"}");
        String hookId = hook.get("hookId").asString();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("ingress-process", ".log");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Process ingress =
                new ProcessBuilder(
                                List.of(
                                        Path.of(System.getProperty("java.home"), "bin", "java")
                                                .toString(),
                                        "-Xmx256m",
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        IngressApplication.class.getName(),
                                        "--server.port=" + port,
                                        "--management.server.port=0",
                                        "--hookstream.kafka.bootstrap-servers="
                                                + hs.bootstrapServers,
                                        "--hookstream.secrets.data-key="
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString(key)))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        try {
            awaitListening(port, ingress, log);
            String body = "{\"ref\":\"refs/heads/graceful\"}";
            String signature = "sha256=" + ProviderWebhooksTest.hmacHex("s", body);
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                BufferedReader in =
                        new BufferedReader(
                                new InputStreamReader(
                                        socket.getInputStream(), StandardCharsets.US_ASCII));
                // the request line, the headers and half the body
                out.write(
                        ("POST /hooks/"
                                        + hookId
                                        + " HTTP/1.1\r\nHost: localhost\r\n"
                                        + "Content-Type: application/json\r\nX-GitHub-Event: push\r\n"
                                        + "X-Hub-Signature-256: "
                                        + signature
                                        + "\r\n"
                                        + "Content-Length: "
                                        + body.length()
                                        + "\r\n\r\n"
                                        + body.substring(0, 10))
                                .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // whether the ingress has read the headers cannot be seen from outside: give it a
                // moment before it is stopped (a late read would make the test fail, not pass)
                Thread.sleep(500);
                ingress.destroy();
                awaitRefusing(port);
                out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
                out.flush();

                String status = in.readLine();
                String eventId = null;
                for (String line = in.readLine();
                        line != null && !line.isEmpty();
                        line = in.readLine()) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("hookstream-event-id:")) {
                        eventId = line.substring(line.indexOf(':') + 1).trim();
                    }
                }
                assertThat(status).as(Files.readString(log)).startsWith("HTTP/1.1 200");
                assertThat(eventId).isNotNull();
                String stored = eventId;
                assertThat(
                                hs
                                        .read(
                                                hs.topics.eventsRaw().name(),
                                                hs.topics.eventsRaw().valueSerde().deserializer(),
                                                1,
                                                Duration.ofSeconds(30))
                                        .stream()
                                        .map(ConsumerRecord::value)
                                        .filter(e -> e.getEventId().equals(stored)))
                        .hasSize(1);
            }
            assertThat(ingress.waitFor(60, TimeUnit.SECONDS)).as("the ingress exits").isTrue();
        } finally {
            ingress.destroyForcibly();
        }
    }

    private static void awaitListening(int port, Process process, Path log) throws Exception {
        for (long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                System.nanoTime() < end; ) {
            assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
            if (Files.readString(log).contains("Started IngressApplication")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the ingress did not start: " + Files.readString(log));
    }

    /** Until a new connection is refused: the ingress has stopped taking requests. */
    private static void awaitRefusing(int port) throws Exception {
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                System.nanoTime() < end; ) {
            try (Socket probe = new Socket("localhost", port)) {
                Thread.sleep(50);
            } catch (ConnectException refused) {
                return;
            }
        }
        throw new AssertionError("the ingress still took new connections");
    }
}
