package io.hookstream.localkafka;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The launcher's command line, each option also as {@code --name=value}.
 *
 * @param config the broker of a cluster of one; for a cluster of several, the settings every node
 *     shares, with {@link LocalKafkaConfig#port()} as the first node's port
 * @param nodes how many nodes the cluster has
 * @param nodeId {@code 0} to run every node ({@code --nodes} alone), else the one node to run in
 *     this process
 */
record CommandLineOptions(LocalKafkaConfig config, boolean help, int nodes, int nodeId) {

    static final String USAGE =
            """
            Usage: local-kafka [--port N] [--data-dir DIR] [--host H] [--nodes N [--node-id I]] [--start-timeout S]
              --port N          client listener port (default 9092; 0 picks a free port); the first
                                node's in a cluster, the others following it
              --data-dir DIR    storage, kept across restarts (default ~/.hookstream/kafka); a cluster
                                keeps each node's in DIR/node-I
              --host H          address to listen on and advertise (default 127.0.0.1)
              --nodes N         run a KRaft cluster of N nodes, each its own process (default 1)
              --node-id I       run only node I of the cluster of --nodes N in this process
              --start-timeout S seconds a start may take (default 60)
              --help            print this help""";

    /** A cluster of one, the default. */
    CommandLineOptions(LocalKafkaConfig config, boolean help) {
        this(config, help, 1, 0);
    }

    /**
     * @param home the user's home directory, under which the default data directory lies
     * @throws IllegalArgumentException for an unknown option, a missing value or an invalid number
     */
    static CommandLineOptions parse(String[] args, Path home) {
        @Nullable Integer port = null;
        Path dataDir = home.resolve(".hookstream").resolve("kafka");
        @Nullable String host = null;
        @Nullable Duration startTimeout = null;
        int nodes = 1;
        int nodeId = 0;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            if (value == null) {
                value = valueAfter(args, i++, name);
            }
            switch (name) {
                case "--port" -> port = number(name, value, 0, 65_535);
                case "--data-dir" -> {
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--data-dir must not be empty");
                    }
                    dataDir = Path.of(value);
                }
                case "--host" -> {
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--host must not be empty");
                    }
                    host = value;
                }
                case "--nodes" -> nodes = number(name, value, 1, 9);
                case "--node-id" -> nodeId = number(name, value, 1, 9);
                case "--start-timeout" ->
                        startTimeout = Duration.ofSeconds(number(name, value, 1, 3_600));
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        if (nodeId > nodes) {
            throw new IllegalArgumentException(
                    "--node-id must be between 1 and --nodes (" + nodes + "): " + nodeId);
        }
        if (nodes > 1 && port != null && port == 0) {
            throw new IllegalArgumentException(
                    "a cluster needs a fixed --port: every node names the others' ports");
        }
        LocalKafkaConfig.Builder config = LocalKafkaConfig.builder(dataDir);
        if (port != null) {
            config.port(port);
        }
        if (host != null) {
            config.host(host);
        }
        if (startTimeout != null) {
            config.startTimeout(startTimeout);
        }
        return new CommandLineOptions(config.build(), help, nodes, nodeId);
    }

    /** The cluster's layout; for a cluster of one, that one node. */
    ClusterLayout cluster() {
        return new ClusterLayout(nodes, config.port(), config.host(), config.dataDir());
    }

    private static String valueAfter(String[] args, int index, String name) {
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[index + 1];
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(
                        name + " must be between " + min + " and " + max + ": " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number: " + value, e);
        }
    }
}
