package io.hookstream.devstack;

import io.hookstream.connections.ConnectionServiceApplication;
import io.hookstream.ingress.IngressApplication;
import io.hookstream.router.RouterApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services started in this JVM against one Kafka cluster. Each keeps its own Spring
 * context and configuration file; what is passed here overrides the files. Every service creates
 * the topics it needs, so the order only serves the URLs: the ingress starts first, so that the
 * control plane hands out URLs with the port the ingress actually bound.
 */
public final class HookstreamSystem implements AutoCloseable {

    /**
     * @param bootstrapServers the Kafka cluster
     * @param ingressPort 0 picks a free port (likewise the others)
     * @param management the services' Actuator ports, each its own as they share this JVM
     * @param routerStateDir Kafka Streams state of the router
     * @param extra further properties for all three services (e.g. topic names)
     */
    public record Options(
            String bootstrapServers,
            int ingressPort,
            int controlPort,
            int routerPort,
            ManagementPorts management,
            Path routerStateDir,
            Map<String, String> extra) {

        public Options {
            extra = Map.copyOf(extra);
        }
    }

    /**
     * Where each service serves Actuator ({@code management.server.port}), apart from its public
     * port; 0 picks a free port.
     */
    public record ManagementPorts(int ingress, int control, int router) {

        /** Free ports, for tests and benchmarks. */
        public static ManagementPorts any() {
            return new ManagementPorts(0, 0, 0);
        }
    }

    private final List<ConfigurableApplicationContext> contexts;
    private final int ingressPort;
    private final int controlPort;
    private final int routerPort;

    private HookstreamSystem(List<ConfigurableApplicationContext> contexts) {
        this.contexts = contexts;
        this.ingressPort = port(contexts.get(0));
        this.controlPort = port(contexts.get(1));
        this.routerPort = port(contexts.get(2));
    }

    public static HookstreamSystem start(Options options) {
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            Map<String, Object> common = new LinkedHashMap<>(options.extra());
            // the embedded default seals connection data with a key of its own when none is
            // configured
            common.putIfAbsent("hookstream.secrets.data-key", randomKey());
            common.put("hookstream.kafka.bootstrap-servers", options.bootstrapServers());
            // with a free port chosen at random, the URLs handed out must name the port actually
            // bound; set below
            ConfigurableApplicationContext ingress =
                    run(
                            IngressApplication.builder(),
                            common,
                            Map.of(
                                    "server.port",
                                    options.ingressPort(),
                                    "management.server.port",
                                    options.management().ingress()));
            started.add(ingress);
            String ingressUrl = "http://localhost:" + port(ingress);
            started.add(
                    run(
                            ConnectionServiceApplication.builder(),
                            common,
                            Map.of(
                                    "server.port",
                                    options.controlPort(),
                                    "management.server.port",
                                    options.management().control(),
                                    "hookstream.control.ingress-base-url",
                                    ingressUrl,
                                    "hookstream.ingress.public-base-url",
                                    ingressUrl)));
            started.add(
                    run(
                            RouterApplication.builder(),
                            common,
                            Map.of(
                                    "server.port",
                                    options.routerPort(),
                                    "management.server.port",
                                    options.management().router(),
                                    "hookstream.router.state-dir",
                                    options.routerStateDir().toString())));
            return new HookstreamSystem(started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static ConfigurableApplicationContext run(
            SpringApplicationBuilder builder, Map<String, Object> common, Map<String, Object> own) {
        Map<String, Object> properties = new LinkedHashMap<>(common);
        properties.putAll(own);
        String[] args =
                properties.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
        return builder.run(args);
    }

    public int ingressPort() {
        return ingressPort;
    }

    public int controlPort() {
        return controlPort;
    }

    public int routerPort() {
        return routerPort;
    }

    /** Where the ingress serves Actuator (health, metrics, Prometheus). */
    public int ingressManagementPort() {
        return managementPort(contexts.get(0));
    }

    public int controlManagementPort() {
        return managementPort(contexts.get(1));
    }

    public int routerManagementPort() {
        return managementPort(contexts.get(2));
    }

    public String ingressUrl() {
        return "http://localhost:" + ingressPort;
    }

    public String controlUrl() {
        return "http://localhost:" + controlPort;
    }

    /** The service contexts in start order: ingress, control plane, router. */
    public List<ConfigurableApplicationContext> contexts() {
        return List.copyOf(contexts);
    }

    @Override
    public void close() {
        closeAll(contexts);
    }

    private static void closeAll(List<ConfigurableApplicationContext> contexts) {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
    }

    /** The port the management server bound, which Spring Boot publishes once it is up. */
    private static int managementPort(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.management.port");
        if (port == null) {
            throw new IllegalStateException("the service serves no separate management port");
        }
        return Integer.parseInt(port);
    }

    private static int port(ConfigurableApplicationContext context) {
        WebServer server = ((WebServerApplicationContext) context).getWebServer();
        return Objects.requireNonNull(server, "a started web application has its server").getPort();
    }
}
