package io.hookstream.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One Hookstream service in a JVM of its own with this JVM's class path, on fixed ports so that it
 * comes back on the same address: started and awaited until its readiness probe answers, stopped
 * with SIGTERM as a deployment's rolling restart stops it, or killed with SIGKILL.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_WAIT = Duration.ofSeconds(180);
    private static final Duration STOP_WAIT = Duration.ofSeconds(90);

    private final String name;
    private final Class<?> main;
    private final Map<String, Object> properties;
    private final int managementPort;
    private final Path log;
    private final String heap;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private @Nullable Process process;
    private int starts;

    /**
     * @param properties the service's Spring properties; {@code management.server.port} is set here
     */
    ServiceProcess(
            String name, Class<?> main, Map<String, Object> properties, Path log, String heap)
            throws IOException {
        this.name = name;
        this.main = main;
        this.managementPort = Services.freePort();
        this.properties = new LinkedHashMap<>(properties);
        this.properties.put("management.server.port", managementPort);
        this.log = log;
        this.heap = heap;
    }

    String name() {
        return name;
    }

    /** Starts the process and waits until {@code /actuator/health/readiness} answers 200. */
    void start() throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx" + heap,
                                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                                "-cp",
                                System.getProperty("java.class.path"),
                                main.getName()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        starts++;
        Path output = log.resolveSibling(log.getFileName() + "." + starts);
        Process started =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
        process = started;
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + started.exitValue() + "; see " + output);
            }
            if (ready()) {
                return;
            }
            Thread.sleep(200);
        }
        started.destroyForcibly();
        throw new IllegalStateException(name + " was not ready within " + READY_WAIT);
    }

    private boolean ready() throws InterruptedException {
        try {
            return http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + managementPort
                                                                    + "/actuator/health/readiness"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * SIGTERM: the service shuts down gracefully (answers what is in flight, flushes, leaves its
     * group), then exits.
     */
    void stop() throws InterruptedException {
        end(false);
    }

    /** SIGKILL: nothing flushed, committed or left. */
    void kill() throws InterruptedException {
        end(true);
    }

    private void end(boolean forcibly) throws InterruptedException {
        Process running = process;
        if (running == null) {
            return;
        }
        if (forcibly) {
            running.destroyForcibly();
        } else {
            running.destroy();
        }
        if (!running.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            running.destroyForcibly();
            running.waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException(name + " did not stop within " + STOP_WAIT);
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
            if (!running.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        }
        process = null;
    }
}
