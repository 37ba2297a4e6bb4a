package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.connections.ControlPlaneSettings;
import io.hookstream.ingress.IngressSettings;
import io.hookstream.router.RouterSettings;
import io.hookstream.support.kafka.KafkaSettings;
import io.hookstream.support.outbound.OutboundSettings;
import io.hookstream.support.secrets.SecretsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so docker-compose.yml is checked by reading it: every service exists,
 * is built from a Dockerfile, publishes the port its own configuration file serves, serves Actuator
 * on its own management port published on the host's loopback only, and every environment variable
 * binds (by Spring's relaxed rules) to a property the service really has.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Map<String, List<Class<?>>> SETTINGS =
            Map.of(
                    "ingress-service",
                            List.of(
                                    KafkaSettings.class,
                                    IngressSettings.class,
                                    SecretsSettings.class),
                    "router-service",
                            List.of(
                                    KafkaSettings.class,
                                    RouterSettings.class,
                                    SecretsSettings.class),
                    "connection-service",
                            List.of(
                                    KafkaSettings.class,
                                    ControlPlaneSettings.class,
                                    OutboundSettings.class,
                                    SecretsSettings.class));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            return (Map<String, Object>) compose.get("services");
        }
    }

    private static final String BOOTSTRAP = "kafka-1:9092,kafka-2:9092,kafka-3:9092";

    @Test
    void composeRunsThreeBrokersAndTheThreeServices() throws IOException {
        assertThat(services())
                .containsOnlyKeys(
                        "kafka-1",
                        "kafka-2",
                        "kafka-3",
                        "ingress-service",
                        "router-service",
                        "connection-service");
    }

    /**
     * Three voters of one cluster, each advertising its own name, with replication that survives
     * the loss of one broker (three replicas, two in sync) for Hookstream's topics and Kafka's own.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    @SuppressWarnings("unchecked")
    void everyBrokerIsAVoterOfOneReplicatedCluster(int node) throws IOException {
        Map<String, Object> broker = (Map<String, Object>) services().get("kafka-" + node);
        Map<String, Object> environment = (Map<String, Object>) broker.get("environment");
        assertThat(environment.get("KAFKA_NODE_ID")).isEqualTo(node);
        assertThat(environment.get("CLUSTER_ID").toString()).isNotBlank();
        assertThat(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
        assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS").toString())
                .startsWith("PLAINTEXT://kafka-" + node + ":9092,");
        assertThat(environment)
                .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
                .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3)
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 3)
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 2);
        assertThat((List<String>) broker.get("volumes"))
                .containsExactly("kafka-" + node + "-data:/var/lib/kafka/data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingress-service", "router-service", "connection-service"})
    @SuppressWarnings("unchecked")
    void serviceIsBuiltPublishesItsPortAndUsesOnlyRealProperties(String name) throws IOException {
        Map<String, Object> service = (Map<String, Object>) services().get(name);
        assertThat(service.get("build")).isEqualTo("./" + name);
        assertThat(ROOT.resolve(name).resolve("Dockerfile")).exists();

        Map<String, Object> environment = (Map<String, Object>) service.get("environment");
        int configuredPort = port(name, "server");
        int managementPort = port(name, "management", "server");
        assertThat(managementPort).isNotEqualTo(configuredPort);
        assertThat(environment.get("SERVER_PORT")).isEqualTo(configuredPort);
        assertThat(environment.get("MANAGEMENT_SERVER_PORT")).isEqualTo(managementPort);
        assertThat((List<String>) service.get("ports"))
                .containsExactly(
                        configuredPort + ":" + configuredPort,
                        "127.0.0.1:" + managementPort + ":" + managementPort);
        assertThat(service.get("healthcheck").toString())
                .contains("/dev/tcp/127.0.0.1/" + managementPort, "/actuator/health/readiness");
        assertThat(environment.get("HOOKSTREAM_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(BOOTSTRAP);
        // replication is chosen by the cluster's size: three replicas, two in sync
        assertThat(environment).doesNotContainKey("HOOKSTREAM_KAFKA_REPLICATION_FACTOR");
        assertThat((Map<String, Object>) service.get("depends_on"))
                .containsOnlyKeys("kafka-1", "kafka-2", "kafka-3");

        Set<String> known = knownProperties(name);
        for (String variable : environment.keySet()) {
            assertThat(known)
                    .as("%s sets %s, which binds to no property of the service", name, variable)
                    .contains(canonical(variable));
        }
    }

    /** {@code <path>.port} in the service's own configuration file. */
    @SuppressWarnings("unchecked")
    private static int port(String service, String... path) throws IOException {
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/" + service + ".yml")) {
            assertThat(in).as("configuration file of " + service).isNotNull();
            Map<String, Object> config = new Yaml().load(in);
            for (String key : path) {
                config = (Map<String, Object>) config.get(key);
                assertThat(config).as(service + ": " + key).isNotNull();
            }
            return (Integer) config.get("port");
        }
    }

    /** Canonical names (lower case, no separators) of the properties the service binds. */
    private static Set<String> knownProperties(String service) {
        Set<String> known = new HashSet<>();
        known.add(canonical("server.port"));
        // Spring Boot's own (ManagementServerProperties)
        known.add(canonical("management.server.port"));
        known.add(canonical("management.server.address"));
        for (Class<?> settings : SETTINGS.get(service)) {
            String prefix = settings.getAnnotation(ConfigurationProperties.class).value();
            for (RecordComponent component : settings.getRecordComponents()) {
                known.add(canonical(prefix + "." + component.getName()));
            }
        }
        return known;
    }

    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
