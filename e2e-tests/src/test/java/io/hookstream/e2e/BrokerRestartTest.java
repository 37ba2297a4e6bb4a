package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.localkafka.LocalKafka;
import io.hookstream.localkafka.LocalKafkaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker stops for a few seconds under load and restarts on the same data. Senders are never
 * told 2xx for an event that is then lost: every accepted request's bundle arrives, exactly once;
 * while the broker is away, senders are answered 503 with Retry-After. The large run is {@code
 * benchmarks/reliability/broker-restart.sh}.
 */
@Timeout(300)
class BrokerRestartTest {

    private static final Logger log = LoggerFactory.getLogger(BrokerRestartTest.class);

    /** 200 requests at 20/s over four hooks; the broker stops after 50 for 5 s. */
    private static final FaultRun.Load SMALL_RUN =
            new FaultRun.Load(4, 1, 200, 20, 50, Duration.ofSeconds(5), Duration.ofSeconds(120), 1);

    @Test
    void acceptedRequestsSurviveABrokerRestartOnceAndRefusedOnesAreAnswered503WithRetryAfter()
            throws Exception {
        Path data = Services.tempDir("broker-restart-kafka-");
        LocalKafkaConfig config = LocalKafkaConfig.builder(data).port(Services.freePort()).build();
        InProcessBroker broker = new InProcessBroker(config);
        try (broker;
                Services services =
                        new Services(
                                broker.bootstrapServers(),
                                Services.tempDir("broker-restart-state-"),
                                "broker-restart-" + UUID.randomUUID().toString().substring(0, 8),
                                // a short wait for the broker's ack, so that requests meet a
                                // missing broker within the run
                                Map.of(
                                        "hookstream.ingress.publish-timeout",
                                        "1s",
                                        "hookstream.ingress.retry-after",
                                        "2s"))) {
            services.startRouter();

            FaultRun.Report report = FaultRun.run(services, broker, SMALL_RUN);

            log.info("event=broker_restart_result {}", report.summary());
            assertThat(report.requests()).isEqualTo(200);
            assertThat(report.duplicates()).as(report.summary()).isZero();
            assertThat(report.missing()).as(report.summary()).isZero();
            assertThat(report.unavailableWhileDown()).as(report.summary()).isPositive();
            assertThat(report.unavailableRetryAfter())
                    .as("every 503 says when to retry")
                    .isEqualTo(report.unavailable());
            assertThat(report.accepted())
                    .as("requests after the restart are accepted again")
                    .isPositive();
            assertThat(report.statuses().keySet()).as(report.summary()).containsOnly(200, 503);
        }
    }

    @Test
    void sendersThatRetryEach503WithTheirDeliveryIdGetEveryRequestDeliveredOnce() throws Exception {
        Path data = Services.tempDir("broker-restart-retry-kafka-");
        LocalKafkaConfig config = LocalKafkaConfig.builder(data).port(Services.freePort()).build();
        InProcessBroker broker = new InProcessBroker(config);
        try (broker;
                Services services =
                        new Services(
                                broker.bootstrapServers(),
                                Services.tempDir("broker-restart-retry-state-"),
                                "broker-restart-retry-"
                                        + UUID.randomUUID().toString().substring(0, 8),
                                Map.of(
                                        "hookstream.ingress.publish-timeout",
                                        "1s",
                                        "hookstream.ingress.retry-after",
                                        "1s"))) {
            services.startRouter();

            FaultRun.Report report = FaultRun.run(services, broker, SMALL_RUN.withAttempts(30));

            log.info("event=broker_restart_retry_result {}", report.summary());
            assertThat(report.unavailable()).as(report.summary()).isPositive();
            assertThat(report.retried()).as(report.summary()).isPositive();
            assertThat(report.statuses()).as(report.summary()).containsOnlyKeys(200);
            assertThat(report.expectedBundles()).isEqualTo(200);
            assertThat(report.duplicates()).as(report.summary()).isZero();
            assertThat(report.missing()).as(report.summary()).isZero();
        }
    }

    /**
     * A broker in this JVM; stopping it is a controlled shutdown, starting it again reuses the port
     * and data.
     */
    static final class InProcessBroker implements FaultRun.Fault, AutoCloseable {

        private final LocalKafkaConfig config;
        private LocalKafka kafka;

        InProcessBroker(LocalKafkaConfig config) {
            this.config = config;
            this.kafka = new LocalKafka(config).start();
        }

        String bootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public void inject() {
            kafka.close();
        }

        @Override
        public void heal() {
            kafka = new LocalKafka(config).start();
        }

        @Override
        public void close() {
            kafka.close();
        }
    }
}
