package io.hookstream.devstack;

import io.hookstream.localkafka.ClusterLayout;
import io.hookstream.localkafka.LocalKafka;
import io.hookstream.localkafka.LocalKafkaCluster;
import io.hookstream.localkafka.LocalKafkaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole of Hookstream on one machine: a real single-node KRaft broker and the three services in
 * this JVM, with the example apps registered. Data stays under {@code --data-dir} across restarts.
 */
@Command(
        name = "hookstream-devstack",
        mixinStandardHelpOptions = true,
        description = "Run Kafka (embedded KRaft) and the Hookstream services in one process.")
public final class Devstack implements Callable<Integer> {

    @Option(
            names = "--data-dir",
            description = "Kafka data and router state (default: ${DEFAULT-VALUE})")
    Path dataDir = Path.of(System.getProperty("user.home"), ".hookstream");

    @Option(names = "--kafka-port", description = "Kafka listener port (default: ${DEFAULT-VALUE})")
    int kafkaPort = LocalKafkaConfig.DEFAULT_PORT;

    @Option(
            names = "--kafka-nodes",
            description =
                    "Embedded KRaft nodes: 1 runs one broker in this process, 3 or more a cluster of"
                            + " child processes on consecutive ports from --kafka-port, with"
                            + " Hookstream's topics on three replicas (default: ${DEFAULT-VALUE})")
    int kafkaNodes = 1;

    @Option(
            names = "--external-kafka",
            description = "Use this cluster instead of starting the embedded broker")
    @Nullable String externalKafka;

    @Option(names = "--ingress-port", description = "default: ${DEFAULT-VALUE}")
    int ingressPort = 8080;

    @Option(names = "--control-port", description = "default: ${DEFAULT-VALUE}")
    int controlPort = 8081;

    @Option(names = "--router-port", description = "default: ${DEFAULT-VALUE}")
    int routerPort = 8082;

    @Option(
            names = "--ingress-management-port",
            description = "Actuator of the ingress (default: ${DEFAULT-VALUE})")
    int ingressManagementPort = 9080;

    @Option(
            names = "--control-management-port",
            description = "Actuator of the control plane (default: ${DEFAULT-VALUE})")
    int controlManagementPort = 9081;

    @Option(
            names = "--router-management-port",
            description = "Actuator of the router (default: ${DEFAULT-VALUE})")
    int routerManagementPort = 9082;

    @Option(
            names = "--management-address",
            description = "Address the Actuator ports bind (default: ${DEFAULT-VALUE})")
    String managementAddress = "127.0.0.1";

    @Option(
            names = "--outbound-allow",
            split = ",",
            description =
                    "Inside destinations app requests may reach, e.g. a provider mock on this machine: "
                            + "host names, *.domains, addresses or CIDR ranges (default: none, public addresses only)")
    java.util.List<String> outboundAllow = java.util.List.of();

    @Option(
            names = "--apps-dir",
            description = "Apps registered at start (default: examples/apps here or one folder up)")
    @Nullable Path appsDir;

    @Option(
            names = "--api-token",
            description = "Bearer token of the control plane API (default: ${DEFAULT-VALUE})")
    String apiToken = "dev-token";

    public static void main(String[] args) {
        int exit = new CommandLine(new Devstack()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        AutoCloseable kafka = null;
        String bootstrap = externalKafka;
        Path kafkaData = dataDir.resolve(kafkaNodes > 1 ? "kafka-cluster" : "kafka");
        if (bootstrap == null && kafkaNodes > 1) {
            LocalKafkaCluster cluster =
                    new LocalKafkaCluster(
                                    new ClusterLayout(
                                            kafkaNodes, kafkaPort, "127.0.0.1", kafkaData),
                                    Duration.ofSeconds(120))
                            .start();
            kafka = cluster;
            bootstrap = cluster.bootstrapServers();
        } else if (bootstrap == null) {
            LocalKafka broker =
                    new LocalKafka(LocalKafkaConfig.builder(kafkaData).port(kafkaPort).build())
                            .start();
            kafka = broker;
            bootstrap = broker.bootstrapServers();
        }
        HookstreamSystem system =
                HookstreamSystem.start(
                        new HookstreamSystem.Options(
                                bootstrap,
                                ingressPort,
                                controlPort,
                                routerPort,
                                new HookstreamSystem.ManagementPorts(
                                        ingressManagementPort,
                                        controlManagementPort,
                                        routerManagementPort),
                                dataDir.resolve("router-state"),
                                Map.of(
                                        "hookstream.control.api-token",
                                        apiToken,
                                        "hookstream.secrets.data-key",
                                        DataKeyFile.load(dataDir.resolve("data.key")),
                                        "management.server.address",
                                        managementAddress,
                                        // explicit, so that a mock provider on loopback is a choice
                                        "hookstream.outbound.allow",
                                        String.join(",", outboundAllow))));
        CountDownLatch stopped = new CountDownLatch(1);
        AutoCloseable broker = kafka;
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    system.close();
                                    if (broker != null) {
                                        try {
                                            broker.close();
                                        } catch (Exception e) {
                                            System.err.println("Kafka did not stop cleanly: " + e);
                                        }
                                    }
                                    stopped.countDown();
                                },
                                "devstack-shutdown"));

        Path apps = appsDir != null ? appsDir : locateExamples();
        var loaded =
                apps == null
                        ? java.util.List.<ExampleApps.Loaded>of()
                        : ExampleApps.load(apps, system.controlUrl(), apiToken);
        System.out.println();
        System.out.println(
                "Hookstream is running (ready in "
                        + Duration.between(started, Instant.now()).toMillis()
                        + " ms)");
        System.out.println(
                "  Kafka           "
                        + bootstrap
                        + (broker != null
                                ? "  (embedded KRaft, "
                                        + kafkaNodes
                                        + (kafkaNodes > 1 ? " nodes" : " node")
                                        + ", data in "
                                        + kafkaData
                                        + ")"
                                : ""));
        System.out.println(
                "  Ingress         "
                        + system.ingressUrl()
                        + "/hooks/{hookId}   "
                        + system.ingressUrl()
                        + "/apps/{appId}/webhooks/{name}");
        System.out.println(
                "  Control plane   "
                        + system.controlUrl()
                        + "/api   (Authorization: Bearer "
                        + apiToken
                        + ")");
        System.out.println(
                "  Management      http://"
                        + managementAddress
                        + ":{"
                        + system.ingressManagementPort()
                        + ","
                        + system.controlManagementPort()
                        + ","
                        + system.routerManagementPort()
                        + "}/actuator/health   (ingress, control plane, router; also /actuator/prometheus)");
        if (!outboundAllow.isEmpty()) {
            System.out.println("  Outbound allow  " + String.join(", ", outboundAllow));
        }
        for (ExampleApps.Loaded app : loaded) {
            System.out.println(
                    "  App "
                            + String.format("%-18s", app.appId())
                            + (app.ok() ? "loaded" : "REFUSED " + app.status() + " " + app.body()));
        }
        System.out.println("Stop with Ctrl-C.");
        stopped.await();
        return 0;
    }

    private static @Nullable Path locateExamples() {
        for (Path candidate :
                new Path[] {Path.of("examples", "apps"), Path.of("..", "examples", "apps")}) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        return null;
    }
}
