package io.hookstream.cli.dlq;

import io.hookstream.cli.KafkaConnection;
import io.hookstream.operations.deadletters.DeadLetterFilter;
import io.hookstream.operations.deadletters.DeadLetterId;
import io.hookstream.operations.deadletters.DeadLetterReader;
import io.hookstream.operations.scan.TopicScan;
import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.topic.TopicNames;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hookstream dlq list}: the dead letters so far, as JSON lines. */
@Command(
        name = "list",
        description = {
            "Print the dead letters written so far as JSON lines: eventId, hookId, appId, stage, directivePath,"
                    + " errorCode, error, failedAt, sourceTopic.",
            "Reads the whole dead-letter topic (committed records only) in partition order and stops at its end."
        })
public final class DlqListCommand implements Callable<Integer> {

    @Spec @Nullable CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(
            names = "--hook",
            paramLabel = "HOOK_ID",
            description = "Only dead letters of this hook.")
    @Nullable String hookId;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N dead letters.")
    @Nullable Long max;

    @Mixin KafkaConnection kafka = new KafkaConnection();

    @Option(
            names = "--dlq-topic",
            paramLabel = "TOPIC",
            defaultValue = TopicNames.DEFAULT_PREFIX + "events.dlq",
            description = "The dead-letter topic (default: ${DEFAULT-VALUE}).")
    String dlqTopic = TopicNames.DEFAULT_PREFIX + "events.dlq";

    @Override
    public Integer call() {
        if (spec == null) {
            throw new IllegalStateException(
                    "DlqListCommand runs only through picocli, which injects its spec");
        }
        if (max != null && max <= 0) {
            throw new ParameterException(spec.commandLine(), "--max must be positive: " + max);
        }
        if (!TopicNames.isLegal(dlqTopic)) {
            throw new ParameterException(spec.commandLine(), "not a legal topic name: " + dlqTopic);
        }
        return list(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private int list(PrintWriter out, PrintWriter err) {
        DeadLetterReader letters = new DeadLetterReader(err::println);
        DeadLetterFilter filter = DeadLetterFilter.ofHook(hookId);
        DeadLetterJson json = new DeadLetterJson();
        long limit = max == null ? Long.MAX_VALUE : max;
        long[] printed = {0};
        try (TopicScan scan = new TopicScan(kafka.bootstrapServers, "hookstream-dlq-list")) {
            List<TopicPartition> partitions = scan.partitions(dlqTopic);
            if (partitions.isEmpty()) {
                err.println(
                        "Topic " + dlqTopic + " does not exist at " + kafka.bootstrapServers + ".");
                err.flush();
                return 1;
            }
            Map<TopicPartition, Long> ends = scan.endOffsets(partitions);
            scan.scan(
                    scan.beginningOffsets(partitions),
                    ends,
                    record -> {
                        DeadLetter letter = letters.read(record);
                        if (letter != null
                                && filter.matches(
                                        new DeadLetterId(record.partition(), record.offset()),
                                        letter)) {
                            out.println(json.render(letter));
                            printed[0]++;
                        }
                        return printed[0] < limit;
                    });
            out.flush();
            err.flush();
            return 0;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            err.println(
                    "Kafka at " + kafka.bootstrapServers + " did not answer: " + e.getMessage());
        } catch (KafkaException e) {
            err.println(
                    "Cannot read "
                            + dlqTopic
                            + " at "
                            + kafka.bootstrapServers
                            + ": "
                            + e.getMessage());
        }
        out.flush();
        err.flush();
        return 1;
    }
}
