package io.hookstream.e2e;

import io.hookstream.localkafka.ClusterLayout;
import io.hookstream.localkafka.LocalKafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The large fault runs of {@code benchmarks/reliability/}: a fixed-rate load against the three
 * services while something fails for real, then a report. Scenarios ({@code --scenario}):
 *
 * <ul>
 *   <li>{@code broker-restart}: the only broker, in its own process, is killed (or stopped with
 *       {@code --signal TERM}) and started again on its data {@code --down-seconds} later;
 *   <li>{@code leader-kill}: a 3-node cluster, each node its own process; the node leading the raw
 *       topic's partition 0 is killed with SIGKILL and started again {@code --down-seconds} later;
 *   <li>{@code router-kill}: two routers of one application, one in this JVM and one a child
 *       process with its own state; the child is killed with SIGKILL and not replaced;
 *   <li>{@code rolling-restart}: two ingresses, two routers and a control plane, each its own
 *       process ({@link Fleet}); the load goes round-robin over both ingresses, and every service
 *       is stopped with SIGTERM and started again in turn.
 * </ul>
 *
 * Other options: {@code --requests N --rate R --stop-after K --down-seconds S --work-dir DIR
 * --publish-timeout DURATION --users U --attempts N --properties k=v,k=v} ({@code --attempts} above
 * 1: senders retry each 503 with the same delivery id, into a webhook that deduplicates it; {@code
 * --properties}: Spring properties for every service, e.g. {@code
 * hookstream.router.commit-interval=100ms}). Exit code 0 when duplicates = 0 and missing = 0.
 */
public final class FaultDriver {

    private FaultDriver() {}

    /** A run on the three services of this JVM against one broker in its own process. */
    private interface OneBrokerRun {
        FaultRun.Report run(BrokerProcess broker, Services services) throws Exception;
    }

    private static FaultRun.Report onOneBroker(
            Path work,
            String applicationId,
            Map<String, String> properties,
            boolean killed,
            OneBrokerRun run)
            throws Exception {
        BrokerProcess broker =
                new BrokerProcess(
                        Services.freePort(),
                        work.resolve("kafka"),
                        work.resolve("broker.log"),
                        killed);
        broker.start();
        try (Services services =
                new Services(
                        broker.bootstrapServers(),
                        work.resolve("router-state"),
                        applicationId,
                        properties)) {
            return run.run(broker, services);
        } finally {
            broker.destroy();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--scenario", "broker-restart");
        options.put("--requests", "5000");
        options.put("--rate", "100");
        options.put("--stop-after", "1500");
        options.put("--down-seconds", "10");
        options.put("--signal", "KILL");
        options.put("--work-dir", "benchmarks/target/reliability");
        options.put("--publish-timeout", "5s");
        options.put("--users", "10");
        options.put("--attempts", "1");
        options.put("--properties", "");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException(
                        "unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        Path work = Path.of(options.get("--work-dir")).toAbsolutePath();
        Files.createDirectories(work);
        FaultRun.Load load =
                new FaultRun.Load(
                        Integer.parseInt(options.get("--users")),
                        1,
                        Integer.parseInt(options.get("--requests")),
                        Integer.parseInt(options.get("--rate")),
                        Integer.parseInt(options.get("--stop-after")),
                        Duration.ofSeconds(Long.parseLong(options.get("--down-seconds"))),
                        Duration.ofMinutes(5),
                        Integer.parseInt(options.get("--attempts")));
        String scenario = options.get("--scenario");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hookstream.ingress.publish-timeout", options.get("--publish-timeout"));
        for (String pair : options.get("--properties").split(",")) {
            if (!pair.isBlank()) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("--properties takes k=v pairs: " + pair);
                }
                properties.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        String applicationId = scenario + "-" + UUID.randomUUID().toString().substring(0, 8);
        FaultRun.Report report =
                switch (scenario) {
                    case "broker-restart" ->
                            onOneBroker(
                                    work,
                                    applicationId,
                                    properties,
                                    options.get("--signal").equals("KILL"),
                                    (broker, services) -> {
                                        services.startRouter();
                                        return FaultRun.run(services, broker, load);
                                    });
                    case "leader-kill" -> {
                        ClusterLayout layout =
                                ClusterLayout.onFreePorts(3, "127.0.0.1", work.resolve("kafka"));
                        try (LocalKafkaCluster cluster =
                                        new LocalKafkaCluster(layout, Duration.ofSeconds(180))
                                                .start();
                                Services services =
                                        new Services(
                                                cluster.bootstrapServers(),
                                                work.resolve("router-state"),
                                                applicationId,
                                                properties)) {
                            services.startRouter();
                            yield FaultRun.run(services, new RawLeaderKill(cluster), load);
                        }
                    }
                    case "router-kill" ->
                            onOneBroker(
                                    work,
                                    applicationId,
                                    properties,
                                    true,
                                    (broker, services) -> {
                                        services.startRouter();
                                        services.startRouterProcess(
                                                work.resolve("router-2.log"),
                                                work.resolve("router-state-2"));
                                        RouterKill.awaitGroupOf(
                                                services, 2, Duration.ofSeconds(120));
                                        return FaultRun.run(
                                                services,
                                                RouterKill.leavingTheOther(services),
                                                load);
                                    });
                    case "rolling-restart" -> {
                        BrokerProcess broker =
                                new BrokerProcess(
                                        Services.freePort(),
                                        work.resolve("kafka"),
                                        work.resolve("broker.log"),
                                        true);
                        broker.start();
                        try (Fleet fleet =
                                new Fleet(
                                        broker.bootstrapServers(),
                                        work,
                                        applicationId,
                                        properties)) {
                            yield FaultRun.run(fleet, new RollingRestart(fleet), load);
                        } finally {
                            broker.destroy();
                        }
                    }
                    default ->
                            throw new IllegalArgumentException(
                                    "unknown scenario "
                                            + scenario
                                            + "; known: broker-restart, leader-kill, router-kill,"
                                            + " rolling-restart");
                };
        System.out.println("RESULT scenario=" + scenario + " " + report.summary());
        System.out.println(
                "| N | 2xx | 503 | no answer | bundles | duplicates | missing | stored after 503 |"
                        + " retried | 503s sent (ms after the fault) | delivery p50 / max (ms) |"
                        + " flowing again (ms after the fault) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|");
        System.out.println(
                "| "
                        + report.requests()
                        + " | "
                        + report.accepted()
                        + " | "
                        + report.unavailable()
                        + " | "
                        + report.unanswered()
                        + " | "
                        + report.bundles()
                        + " | "
                        + report.duplicates()
                        + " | "
                        + report.missing()
                        + " | "
                        + report.storedAfterRefusal()
                        + " | "
                        + report.retried()
                        + " | "
                        + (report.first503Ms().isEmpty()
                                ? "none"
                                : report.first503Ms().getAsLong()
                                        + " – "
                                        + report.last503Ms().getAsLong())
                        + " | "
                        + report.deliveryP50Ms()
                        + " / "
                        + report.deliveryMaxMs()
                        + " | "
                        + report.flowingAgainMs()
                        + " |");
        // the services' non-daemon threads must not keep a finished run alive
        System.exit(report.duplicates() == 0 && report.missing() == 0 ? 0 : 1);
    }
}
