package io.hookstream.cli.tail;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.cli.HookstreamCli;
import io.hookstream.schemas.topic.TopicNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The command line of {@code hookstream tail}, checked before any connection to Kafka is made. */
class TailCommandOptionsTest {

    @Test
    void defaultsMatchTheLocalBrokerAndTheDefaultTopicNames() {
        TailCommand command = new TailCommand();
        new CommandLine(command).parseArgs("--user", "u");

        assertThat(command.kafka.bootstrapServers).isEqualTo("127.0.0.1:9092");
        assertThat(command.topicPrefix).isEqualTo(TopicNames.defaults().triggerPrefix());
        assertThat(command.sharedTopic).isNull();
        assertThat(command.fromBeginning).isFalse();
        assertThat(command.max).isNull();
        assertThat(command.quietPeriod).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "tail                                   | Missing required option: '--user=USER'",
                "tail --user u --max 0                  | --max must be positive",
                "tail --user u --max -3                 | --max must be positive",
                "tail --user u --timeout soon           | not a duration",
                "tail --user a/b                        | is not a legal topic name",
                "tail --user u --topic bad/name         | not a legal topic name",
            })
    void rejectsBadArgumentsWithAUsageError(String args, String message) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode =
                new CommandLine(new HookstreamCli())
                        .setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(err, true))
                        .execute(args.split(" +"));

        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains(message);
        assertThat(out.toString()).isEmpty();
    }
}
