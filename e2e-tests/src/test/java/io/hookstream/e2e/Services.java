package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.connections.ConnectionServiceApplication;
import io.hookstream.ingress.IngressApplication;
import io.hookstream.router.RouterApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three services started one by one against a broker, unlike {@code HookstreamSystem}, so that
 * a test can crash and restart the router alone: in this JVM, or as a child process that can be
 * killed with SIGKILL.
 */
final class Services implements Deployment, AutoCloseable {

    static final String TOKEN = "reliability-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrapServers;
    private final Path routerStateDir;
    private final String routerApplicationId;
    private final Map<String, Object> common;
    private final ConfigurableApplicationContext ingress;
    private final ConfigurableApplicationContext control;
    private final List<ConfigurableApplicationContext> routers = new ArrayList<>();
    private @Nullable Process routerProcess;
    private final ControlPlaneClient controlPlane;

    /**
     * @param extra properties for all three services, over what is set here
     */
    Services(
            String bootstrapServers,
            Path routerStateDir,
            String routerApplicationId,
            Map<String, String> extra) {
        this.bootstrapServers = bootstrapServers;
        this.routerStateDir = routerStateDir;
        this.routerApplicationId = routerApplicationId;
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("hookstream.kafka.bootstrap-servers", bootstrapServers);
        properties.put("hookstream.control.api-token", TOKEN);
        // a load test is not a test of the per-hook rate limit
        properties.put("hookstream.ingress.rate-limit-requests", 1_000_000);
        // connection data is sealed at rest; every service of one system must hold the same key
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        properties.put(
                "hookstream.secrets.data-key", java.util.Base64.getEncoder().encodeToString(key));
        properties.putAll(extra);
        this.common = Map.copyOf(properties);
        this.ingress =
                run(
                        IngressApplication.builder(),
                        Map.of("server.port", 0, "management.server.port", 0));
        String ingressUrl = "http://localhost:" + port(ingress);
        ConfigurableApplicationContext started;
        try {
            started =
                    run(
                            ConnectionServiceApplication.builder(),
                            Map.of(
                                    "server.port",
                                    0,
                                    "management.server.port",
                                    0,
                                    "hookstream.control.ingress-base-url",
                                    ingressUrl,
                                    "hookstream.ingress.public-base-url",
                                    ingressUrl));
        } catch (RuntimeException e) {
            ingress.close();
            throw e;
        }
        this.control = started;
        this.controlPlane = new ControlPlaneClient("http://localhost:" + port(control), TOKEN);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    String routerApplicationId() {
        return routerApplicationId;
    }

    /** Starts a router in this JVM, on the shared state directory and application id. */
    void startRouter() {
        routers.add(run(RouterApplication.builder(), routerProperties()));
    }

    /** Starts the router as a child JVM with this test's class path, its output in {@code log}. */
    void startRouterProcess(Path log) throws IOException {
        startRouterProcess(log, routerStateDir);
    }

    /**
     * The same on a state directory of its own, so that it can run beside a router of this JVM as a
     * second instance on another machine would.
     */
    void startRouterProcess(Path log, Path stateDir) throws IOException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx384m",
                                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                                "-cp",
                                System.getProperty("java.class.path"),
                                RouterApplication.class.getName()));
        Map<String, Object> properties = new LinkedHashMap<>(common);
        properties.putAll(routerProperties());
        properties.put("hookstream.router.state-dir", stateDir.toString());
        command.addAll(arguments(properties));
        routerProcess =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
    }

    /** SIGKILL: the router process gets no chance to commit, abort or leave its group. */
    void killRouterProcess() throws InterruptedException {
        endRouterProcess(true, Duration.ofSeconds(30));
    }

    /**
     * SIGTERM: the router process shuts down as in production, committing, closing its stores and
     * leaving its group. (A router in this JVM cannot be stopped alone: closing its context
     * disposes Reactor Netty's shared event loops, which the ingress and the control plane serve
     * on.)
     */
    void stopRouterProcess() throws InterruptedException {
        endRouterProcess(false, Duration.ofSeconds(60));
    }

    private void endRouterProcess(boolean forcibly, Duration wait) throws InterruptedException {
        Process process = routerProcess;
        assertThat(process).as("a router process").isNotNull();
        assertThat(process.isAlive())
                .as("the router process still runs before it is ended")
                .isTrue();
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        assertThat(process.waitFor(wait.toSeconds(), TimeUnit.SECONDS))
                .as("router process ended")
                .isTrue();
        routerProcess = null;
    }

    private Map<String, Object> routerProperties() {
        return Map.of(
                "server.port",
                0,
                "management.server.port",
                0,
                "hookstream.router.state-dir",
                routerStateDir.toString(),
                "hookstream.router.application-id",
                routerApplicationId);
    }

    @Override
    public ControlPlaneClient controlPlane() {
        return controlPlane;
    }

    /** A free port on loopback, for a broker that must come back on the same address. */
    static int freePort() throws IOException {
        try (ServerSocket socket =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static Path tempDir(String prefix) throws IOException {
        return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), prefix);
    }

    private ConfigurableApplicationContext run(
            SpringApplicationBuilder builder, Map<String, Object> own) {
        Map<String, Object> properties = new LinkedHashMap<>(common);
        properties.putAll(own);
        return builder.run(arguments(properties).toArray(String[]::new));
    }

    private static List<String> arguments(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        if (routerProcess != null) {
            routerProcess.destroyForcibly();
        }
        for (int i = routers.size() - 1; i >= 0; i--) {
            routers.get(i).close();
        }
        control.close();
        ingress.close();
    }
}
