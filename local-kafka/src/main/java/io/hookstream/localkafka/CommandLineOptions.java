package io.hookstream.localkafka;

import java.nio.file.Path;

/**
 * The launcher's command line: {@code [--port N] [--data-dir DIR] [--help]}, each also as {@code
 * --name=value}.
 */
record CommandLineOptions(LocalKafkaConfig config, boolean help) {

    static final String USAGE =
            """
            Usage: local-kafka [--port N] [--data-dir DIR]
              --port N        client listener port (default 9092; 0 picks a free port)
              --data-dir DIR  broker storage, kept across restarts (default ~/.hookstream/kafka)
              --help          print this help""";

    /**
     * @param home the user's home directory, under which the default data directory lies
     * @throws IllegalArgumentException for an unknown option, a missing value or an invalid port
     */
    static CommandLineOptions parse(String[] args, Path home) {
        Integer port = null;
        Path dataDir = home.resolve(".hookstream").resolve("kafka");
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
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--port" -> {
                    if (value == null) {
                        value = valueAfter(args, i++, name);
                    }
                    port = parsePort(value);
                }
                case "--data-dir" -> {
                    if (value == null) {
                        value = valueAfter(args, i++, name);
                    }
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--data-dir must not be empty");
                    }
                    dataDir = Path.of(value);
                }
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        LocalKafkaConfig.Builder config = LocalKafkaConfig.builder(dataDir);
        if (port != null) {
            config.port(port);
        }
        return new CommandLineOptions(config.build(), help);
    }

    private static String valueAfter(String[] args, int index, String name) {
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[index + 1];
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number: " + value, e);
        }
    }
}
