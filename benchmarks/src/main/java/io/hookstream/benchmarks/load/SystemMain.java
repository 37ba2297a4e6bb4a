package io.hookstream.benchmarks.load;

import io.hookstream.devstack.HookstreamSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The three services in this JVM ({@link HookstreamSystem}) against a broker in another process.
 * Arguments: {@code <bootstrap> <router-state-dir> <commit-interval-ms> <stream-threads>
 * <ports-file>}; the file receives {@code ingress=<port>} and {@code control=<port>} once
 * everything is up. Runs until stopped.
 */
public final class SystemMain {

    public static final String TOKEN = "bench-token";

    private SystemMain() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Path stateDir = Path.of(args[1]);
        String commitMs = args[2];
        String threads = args[3];
        Path portsFile = Path.of(args[4]);
        HookstreamSystem system =
                HookstreamSystem.start(
                        new HookstreamSystem.Options(
                                bootstrap,
                                0,
                                0,
                                0,
                                HookstreamSystem.ManagementPorts.any(),
                                stateDir,
                                Map.of(
                                        "hookstream.control.api-token",
                                        TOKEN,
                                        "hookstream.secrets.data-key",
                                        Fixtures.DATA_KEY,
                                        // the per-hook limiter runs on every request but never
                                        // refuses one
                                        "hookstream.ingress.rate-limit-requests",
                                        Integer.toString(Integer.MAX_VALUE),
                                        "hookstream.router.commit-interval",
                                        commitMs + "ms",
                                        "hookstream.router.stream-threads",
                                        threads,
                                        "logging.level.root",
                                        "WARN",
                                        "logging.level.io.hookstream",
                                        "WARN")));
        Files.writeString(
                portsFile,
                "ingress=" + system.ingressPort() + "\ncontrol=" + system.controlPort() + "\n");
        System.out.println(
                "system ready ingress="
                        + system.ingressPort()
                        + " control="
                        + system.controlPort());
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "system-shutdown"));
        Thread.currentThread().join();
    }
}
