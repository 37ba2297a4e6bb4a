package io.hookstream.e2e;

import io.hookstream.localkafka.LocalKafka;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The large broker-restart run, started by {@code benchmarks/reliability/broker-restart.sh}: a
 * broker in its own process (killed for real), the three services in this JVM, a fixed-rate load,
 * and a report. Options: {@code --requests N --rate R --stop-after K --down-seconds S --signal
 * KILL|TERM --work-dir DIR --publish-timeout DURATION --attempts N} ({@code --attempts} above 1:
 * senders retry each 503 with the same delivery id, into a webhook that deduplicates it).
 */
public final class BrokerRestartDriver {

    private BrokerRestartDriver() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options =
                new HashMap<>(
                        Map.of(
                                "--requests",
                                "5000",
                                "--rate",
                                "100",
                                "--stop-after",
                                "1500",
                                "--down-seconds",
                                "10",
                                "--signal",
                                "KILL",
                                "--work-dir",
                                "benchmarks/target/reliability",
                                "--publish-timeout",
                                "5s",
                                "--users",
                                "10",
                                "--attempts",
                                "1"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException(
                        "unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        Path work = Path.of(options.get("--work-dir")).toAbsolutePath();
        Files.createDirectories(work);
        int port = Services.freePort();
        BrokerProcess broker =
                new BrokerProcess(
                        port,
                        work.resolve("kafka"),
                        work.resolve("broker.log"),
                        options.get("--signal").equals("KILL"));
        broker.start();
        int exit = 1;
        try (Services services =
                new Services(
                        "127.0.0.1:" + port,
                        work.resolve("router-state"),
                        "broker-restart-" + UUID.randomUUID().toString().substring(0, 8),
                        Map.of(
                                "hookstream.ingress.publish-timeout",
                                options.get("--publish-timeout")))) {
            services.startRouter();
            BrokerRestartRun.Report report =
                    BrokerRestartRun.run(
                            services,
                            broker,
                            Integer.parseInt(options.get("--users")),
                            Integer.parseInt(options.get("--requests")),
                            Integer.parseInt(options.get("--rate")),
                            Integer.parseInt(options.get("--stop-after")),
                            Duration.ofSeconds(Long.parseLong(options.get("--down-seconds"))),
                            Duration.ofMinutes(5),
                            Integer.parseInt(options.get("--attempts")));
            System.out.println("RESULT " + report.summary());
            System.out.println(
                    "| N | 2xx | 503 | bundles | duplicates | missing | stored after 503 | retried |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
            System.out.println(
                    "| "
                            + report.requests()
                            + " | "
                            + report.accepted()
                            + " | "
                            + report.unavailable()
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
                            + " |");
            exit = report.duplicates() == 0 && report.missing() == 0 ? 0 : 1;
        } finally {
            broker.destroy();
        }
        // the services' non-daemon threads must not keep a finished run alive
        System.exit(exit);
    }

    /**
     * {@code LocalKafka}'s own launcher in a child JVM with this class path: the broker can be
     * killed for real.
     */
    static final class BrokerProcess implements BrokerRestartRun.Broker {

        private final int port;
        private final Path dataDir;
        private final Path log;
        private final boolean kill;
        private Process process;

        BrokerProcess(int port, Path dataDir, Path log, boolean kill) {
            this.port = port;
            this.dataDir = dataDir;
            this.log = log;
            this.kill = kill;
        }

        @Override
        public void start() throws IOException, InterruptedException {
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
                    throw new IllegalStateException(
                            "the broker ended before it was ready; see " + log);
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
                            new InputStreamReader(
                                    process.getInputStream(), StandardCharsets.UTF_8))) {
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
         * SIGKILL (nothing flushed, no controlled shutdown) or SIGTERM (the launcher's shutdown
         * hook runs).
         */
        @Override
        public void stop() throws InterruptedException {
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

        void destroy() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
