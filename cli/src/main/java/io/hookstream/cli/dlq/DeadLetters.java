package io.hookstream.cli.dlq;

import io.hookstream.schemas.avro.DeadLetter;
import java.io.PrintWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/** Reading dead letters off the wire without letting one bad record end a command. */
final class DeadLetters {

    private DeadLetters() {}

    /**
     * The record's dead letter, or {@code null} after saying on {@code err} where the unreadable
     * record is.
     */
    static @Nullable DeadLetter read(
            Deserializer<DeadLetter> letters,
            ConsumerRecord<byte[], byte[]> record,
            PrintWriter err) {
        if (record.value() == null) {
            return null;
        }
        try {
            return letters.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            err.println(
                    "Skipping a record that is not a DeadLetter at "
                            + record.topic()
                            + "-"
                            + record.partition()
                            + " offset "
                            + record.offset()
                            + ": "
                            + e.getMessage());
            return null;
        }
    }
}
