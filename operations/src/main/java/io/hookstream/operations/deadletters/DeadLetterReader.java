package io.hookstream.operations.deadletters;

import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.serde.AvroSerde;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/** Reads dead letters off the wire without letting one bad record end a listing or a redrive. */
public final class DeadLetterReader {

    private final Deserializer<DeadLetter> letters = AvroSerde.of(DeadLetter.class).deserializer();
    private final Consumer<String> warnings;

    /**
     * @param warnings told where each unreadable record is
     */
    public DeadLetterReader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** The record's dead letter, or {@code null} after saying where the unreadable record is. */
    public @Nullable DeadLetter read(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return letters.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            warnings.accept(
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
