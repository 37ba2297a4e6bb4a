package io.hookstream.e2e;

import io.hookstream.connections.ConnectionServiceApplication;
import io.hookstream.ingress.IngressApplication;
import io.hookstream.router.RouterApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hookstream as several machines run it: two ingress instances, two routers of one application
 * (each with its own state directory) and a control plane, every one a process of its own on fixed
 * ports, against one Kafka. Senders reach a hook at either ingress; {@link #rollingRestart()} stops
 * and starts every service in turn, each waited for until ready, as a deployment does.
 */
final class Fleet implements Deployment, AutoCloseable {

    private final String bootstrapServers;
    private final List<String> ingressBases = new ArrayList<>();
    private final List<ServiceProcess> ingresses = new ArrayList<>();
    private final List<ServiceProcess> routers = new ArrayList<>();
    private final ServiceProcess controlPlane;
    private final ControlPlaneClient client;

    /**
     * @param extra properties for every service, over what is set here
     */
    Fleet(String bootstrapServers, Path work, String routerApplicationId, Map<String, String> extra)
            throws IOException, InterruptedException {
        this.bootstrapServers = bootstrapServers;
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("hookstream.kafka.bootstrap-servers", bootstrapServers);
        common.put("hookstream.control.api-token", Services.TOKEN);
        // a load test is not a test of the per-hook rate limit
        common.put("hookstream.ingress.rate-limit-requests", 1_000_000);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        common.put(
                "hookstream.secrets.data-key", java.util.Base64.getEncoder().encodeToString(key));
        common.putAll(extra);
        for (int i = 1; i <= 2; i++) {
            int port = Services.freePort();
            ingressBases.add("http://127.0.0.1:" + port);
            ingresses.add(
                    new ServiceProcess(
                            "ingress-" + i,
                            IngressApplication.class,
                            with(common, Map.of("server.port", port)),
                            work.resolve("ingress-" + i + ".log"),
                            "256m"));
        }
        int controlPort = Services.freePort();
        controlPlane =
                new ServiceProcess(
                        "control-plane",
                        ConnectionServiceApplication.class,
                        with(
                                common,
                                Map.of(
                                        "server.port",
                                        controlPort,
                                        "hookstream.control.ingress-base-url",
                                        ingressBases.get(0),
                                        "hookstream.ingress.public-base-url",
                                        ingressBases.get(0))),
                        work.resolve("control-plane.log"),
                        "384m");
        for (int i = 1; i <= 2; i++) {
            routers.add(
                    new ServiceProcess(
                            "router-" + i,
                            RouterApplication.class,
                            with(
                                    common,
                                    Map.of(
                                            "server.port",
                                            0,
                                            "hookstream.router.state-dir",
                                            work.resolve("router-state-" + i).toString(),
                                            "hookstream.router.application-id",
                                            routerApplicationId)),
                            work.resolve("router-" + i + ".log"),
                            "384m"));
        }
        client = new ControlPlaneClient("http://127.0.0.1:" + controlPort, Services.TOKEN);
        try {
            for (ServiceProcess service : inRestartOrder()) {
                service.start();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Stops each service with SIGTERM and starts it again, one at a time, the next only once the
     * last is ready: both ingresses, both routers, then the control plane.
     *
     * @return for each service, {@code name:stopped_ms/ready_ms}
     */
    List<String> rollingRestart() throws IOException, InterruptedException {
        List<String> timings = new ArrayList<>();
        for (ServiceProcess service : inRestartOrder()) {
            long start = System.nanoTime();
            service.stop();
            long stopped = System.nanoTime();
            service.start();
            long ready = System.nanoTime();
            timings.add(
                    service.name()
                            + ":"
                            + TimeUnit.NANOSECONDS.toMillis(stopped - start)
                            + "/"
                            + TimeUnit.NANOSECONDS.toMillis(ready - stopped));
        }
        return timings;
    }

    private List<ServiceProcess> inRestartOrder() {
        List<ServiceProcess> all = new ArrayList<>(ingresses);
        all.addAll(routers);
        all.add(controlPlane);
        return all;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public ControlPlaneClient controlPlane() {
        return client;
    }

    /** The hook's URL at each ingress: the control plane names the first. */
    @Override
    public List<String> ingressUrlsOf(String hookUrl) {
        String first = ingressBases.get(0);
        if (!hookUrl.startsWith(first)) {
            throw new IllegalArgumentException(hookUrl + " is not at " + first);
        }
        return ingressBases.stream().map(base -> base + hookUrl.substring(first.length())).toList();
    }

    private static Map<String, Object> with(Map<String, Object> common, Map<String, Object> own) {
        Map<String, Object> properties = new LinkedHashMap<>(common);
        properties.putAll(own);
        return properties;
    }

    @Override
    public void close() throws InterruptedException {
        List<ServiceProcess> all = inRestartOrder();
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).close();
        }
    }
}
