package io.hookstream.connections;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.hookstream.connections.RunningControlPlane.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Secrets seeded into a whole run (a token and an API key in connection data, a secret field in the
 * provider's answer, the app's common secret, a revoked token the provider echoes in its error, and
 * the key that seals connection data) appear in no log line, no logged exception and no API answer,
 * while the requests that carried them are logged in full (sanitized) at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1",
            "group.initial.rebalance.delay.ms=0"
        })
class SecretsStayOutOfLogsTest {

    @Test
    void noSecretReachesALogOrAnAnswer(EmbeddedKafkaBroker broker, CapturedOutput output)
            throws Exception {
        String token = "tok-live-" + UUID.randomUUID();
        String apiKey = "key-live-" + UUID.randomUUID();
        String sessionSecret = "sess-live-" + UUID.randomUUID();
        String revoked = "tok-revoked-" + UUID.randomUUID();
        String commonSecret = "acme-common-client-secret";
        List<String> secrets =
                List.of(
                        token,
                        apiKey,
                        sessionSecret,
                        revoked,
                        commonSecret,
                        RunningControlPlane.DATA_KEY);

        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        List<Answer> answers = new ArrayList<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try (FakeProvider provider = new FakeProvider();
                // Spring Boot's default level everywhere, and the full exchanges of this service
                RunningControlPlane control =
                        RunningControlPlane.start(
                                broker.getBrokersAsString(),
                                "--logging.level.root=INFO",
                                "--logging.level.io.hookstream=DEBUG")) {
            // attached after start: Spring Boot resets the logging system while starting
            captured.start();
            root.addAppender(captured);
            try {
                control.putApp("acme", TestApps.acme(provider.baseUrl()));
                control.putApp(
                        "down",
                        TestApps.infoAt(
                                "http://127.0.0.1:" + FakeProvider.closedPort() + "/api/me"));
                provider.identity(token, "acct-secret", "s@example.test", "S", sessionSecret);
                String data = "{\"accessToken\":\"" + token + "\",\"apiKey\":\"" + apiKey + "\"}";

                Answer created =
                        control.post(
                                "/api/connections",
                                "{\"appId\":\"acme\",\"userId\":\"u-secret\",\"data\":"
                                        + data
                                        + "}");
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                String connection = created.text("connectionId");
                assertThat(
                                control.post("/api/connections/" + connection + "/verify", "{}")
                                        .status())
                        .isEqualTo(200);
                Answer refused =
                        control.post(
                                "/api/connections",
                                "{\"appId\":\"acme\",\"userId\":\"u-secret\",\"data\":{\"accessToken\":\""
                                        + revoked
                                        + "\",\"apiKey\":\""
                                        + apiKey
                                        + "\"}}");
                assertThat(refused.status()).as(refused.body()).isEqualTo(422);
                assertThat(
                                control.post(
                                                "/api/connections",
                                                "{\"appId\":\"down\",\"userId\":\"u-secret\",\"data\":"
                                                        + data
                                                        + "}")
                                        .status())
                        .isEqualTo(502);

                Answer hook =
                        control.post(
                                "/api/hooks",
                                "{\"appId\":\"acme\",\"webhook\":\"tasks\",\"userId\":\"u-secret\",\"connectionId\":\""
                                        + connection
                                        + "\"}");
                assertThat(hook.status()).as(hook.body()).isEqualTo(201);
                assertThat(control.delete("/api/hooks/" + hook.text("hookId")).status())
                        .isEqualTo(204);
                provider.attachStatus = 500;
                assertThat(
                                control.post(
                                                "/api/hooks",
                                                "{\"appId\":\"acme\",\"webhook\":\"tasks\",\"userId\":\"u-secret\",\"connectionId\":\""
                                                        + connection
                                                        + "\"}")
                                        .status())
                        .isEqualTo(502);
                assertThat(control.get("/api/connections/" + connection).status()).isEqualTo(200);
                assertThat(control.get("/api/connections?userId=u-secret").status()).isEqualTo(200);

                // the secrets did travel: to the provider, in the header, the query and the answer
                assertThat(provider.requests("GET", "/api/me"))
                        .anySatisfy(
                                r -> {
                                    assertThat(r.header("authorization"))
                                            .isEqualTo("Bearer " + token);
                                    assertThat(r.query()).isEqualTo("api_key=" + apiKey);
                                    assertThat(r.header("x-client")).isEqualTo(commonSecret);
                                });
                assertThat(provider.requests("GET", "/api/me"))
                        .anySatisfy(
                                r ->
                                        assertThat(r.header("authorization"))
                                                .isEqualTo("Bearer " + revoked));
            } finally {
                answers.addAll(control.answers());
                root.detachAppender(captured);
                captured.stop();
            }
        }

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getClassName() + ": " + t.getMessage());
            }
        }
        // the exchanges were logged, masked where log.sanitize says and wherever a secret value
        // recurs
        List<String> exchanges =
                lines.stream().filter(l -> l.contains("event=remote_exchange")).toList();
        assertThat(exchanges)
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .contains(
                                                "\"Authorization\":\"********\"",
                                                "\"api_key\":\"********\"",
                                                "\"session_secret\":\"********\"",
                                                "\"X-Client\":\"********\"",
                                                "acct-secret"));
        assertThat(exchanges).anySatisfy(l -> assertThat(l).contains("token ******** is revoked"));
        assertThat(lines.stream().filter(l -> l.contains("event=remote_call ")).toList())
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(lines.stream().filter(l -> l.contains("event=remote_call_failed")).toList())
                .isNotEmpty();

        for (String secret : secrets) {
            assertThat(lines).as("log events").noneSatisfy(l -> assertThat(l).contains(secret));
            assertThat(output.getAll()).as("console output").doesNotContain(secret);
            assertThat(answers)
                    .as("API answers")
                    .noneSatisfy(a -> assertThat(a.body()).contains(secret));
        }
    }
}
