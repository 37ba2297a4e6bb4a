package io.hookstream.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Kafka serde for generated Avro records in Avro's single-object encoding: a two-byte marker, the
 * writer schema's 64-bit fingerprint, then the binary datum. The fingerprint lets a reader pick the
 * writer schema out of a {@link SchemaStore} without a registry server, so every released version
 * of a schema stays readable after the record evolves.
 *
 * <p>A {@code null} record is written as a {@code null} payload (a tombstone on compacted topics)
 * and read back as {@code null}. Instances are immutable and thread-safe: Avro's encoder and decoder
 * keep their per-thread buffers internally.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroSerde(Class<T> type, SchemaStore history) {
        TrustedRecords.ensureTrusted();
        this.type = type;
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, history);
    }

    /** A serde for {@code type} that also reads every released version listed in {@link SchemaHistory#standard()}. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type, SchemaHistory.standard());
    }

    /** A serde for {@code type} whose reader resolves older writer schemas through {@code history}. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, SchemaStore history) {
        return new AvroSerde<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(history, "history"));
    }

    public Class<T> type() {
        return type;
    }

    public byte @Nullable [] encode(@Nullable T record) {
        if (record == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public @Nullable T decode(byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            // MissingSchemaException and BadHeaderException are runtime exceptions of Avro's message API
            throw new SerializationException("cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> encode(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> decode(data);
    }
}
