package io.hookstream.e2e;

import io.hookstream.localkafka.LocalKafka;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code LocalKafka}'s own launcher in a child JVM with this class path: the broker can be killed
 * for real.
 */
final class BrokerProcess implements FaultRun.Fault {

    private final int port;
    private final Path dataDir;
    private final Path log;
    private final boolean kill;
    private Process process;
    private long restartMs = -1;

    BrokerProcess(int port, Path dataDir, Path log, boolean kill) {
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
        this.kill = kill;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and waits until it is ready. */
    void start() throws IOException, InterruptedException {
        process =
                new ProcessBuilder(
                                List.of(
                                        Path.of(System.getProperty("java.home"), "bin", "java")
                                                .toString(),
                                        "-Xmx512m",
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        LocalKafka.class.getName(),
                                        "--port",
                                        Integer.toString(port),
                                        "--data-dir",
                                        dataDir.toString()))
                        .redirectErrorStream(true)
                        .start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> copyOutput(ready), "broker-output");
        copier.setDaemon(true);
        copier.start();
        try {
            if (!ready.get(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the broker ended before it was ready; see " + log);
            }
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the broker did not become ready; see " + log, e);
        }
    }

    private void copyOutput(CompletableFuture<Boolean> ready) {
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Files.writeString(
                        log,
                        line + System.lineSeparator(),
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
                if (line.startsWith("Kafka ready at")) {
                    ready.complete(true);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.complete(false);
    }

    /**
     * SIGKILL (nothing flushed, no controlled shutdown) or SIGTERM (the launcher's shutdown hook
     * runs).
     */
    @Override
    public void inject() throws InterruptedException {
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Starts it again on the same port and data, and waits until it is ready. */
    @Override
    public void heal() throws IOException, InterruptedException {
        long begin = System.nanoTime();
        start();
        restartMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    }

    /** How long the restart took, from the process's start until the broker said it was ready. */
    @Override
    public String describe() {
        return "broker_restart_ready_ms=" + restartMs;
    }

    void destroy() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
