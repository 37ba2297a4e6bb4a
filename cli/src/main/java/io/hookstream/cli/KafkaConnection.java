package io.hookstream.cli;

import picocli.CommandLine.Option;

/** The {@code --bootstrap-servers} option every command that talks to Kafka shares. */
public final class KafkaConnection {

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,...]",
            defaultValue = "127.0.0.1:9092",
            description = "Kafka (default: ${DEFAULT-VALUE}).")
    public String bootstrapServers = "127.0.0.1:9092";
}
