package io.hookstream.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.MissingSchemaException;
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
 * and read back as {@code null}. Instances are thread-safe: each thread encodes into a buffer of
 * its own.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    /**
     * The single-object encoding's marker, then the writer schema's CRC-64-AVRO fingerprint,
     * little-endian.
     */
    private static final int HEADER_BYTES = 10;

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    /**
     * A thread keeps its encoding buffer for the next record unless a record made it grow past
     * this.
     */
    private static final int KEPT_BUFFER_BYTES = 64 * 1024;

    private final Class<T> type;
    private final SpecificData model;
    private final Schema schema;
    private final long fingerprint;
    private final byte[] header;
    private final DatumWriter<T> writer;
    private final DatumReader<T> reader;
    private final SchemaStore history;

    /**
     * Readers of older writer schemas, added as their records show up; only fingerprints the
     * history knows.
     */
    private final ConcurrentMap<Long, DatumReader<T>> olderReaders = new ConcurrentHashMap<>();

    private final ThreadLocal<Output> outputs = ThreadLocal.withInitial(Output::new);

    @SuppressWarnings("unchecked")
    private AvroSerde(Class<T> type, SchemaStore history) {
        TrustedRecords.ensureTrusted();
        this.type = type;
        this.model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.history = history;
        this.fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        this.header = new byte[HEADER_BYTES];
        header[0] = MARKER_0;
        header[1] = MARKER_1;
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        this.writer = (DatumWriter<T>) model.createDatumWriter(schema);
        this.reader = (DatumReader<T>) model.createDatumReader(schema, schema);
    }

    /**
     * A serde for {@code type} that also reads every released version listed in {@link
     * SchemaHistory#standard()}.
     */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type, SchemaHistory.standard());
    }

    /**
     * A serde for {@code type} whose reader resolves older writer schemas through {@code history}.
     */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, SchemaStore history) {
        return new AvroSerde<>(
                Objects.requireNonNull(type, "type"), Objects.requireNonNull(history, "history"));
    }

    public Class<T> type() {
        return type;
    }

    /**
     * The record in Avro's single-object encoding, byte for byte what Avro's {@code
     * BinaryMessageEncoder} writes. Written here with a buffered encoder: that one writes the datum
     * into an output stream byte by byte, through a synchronized method per byte.
     */
    public byte @Nullable [] encode(@Nullable T record) {
        if (record == null) {
            return null;
        }
        Output out = outputs.get();
        try {
            out.bytes.reset();
            out.bytes.write(header, 0, HEADER_BYTES);
            out.encoder = EncoderFactory.get().binaryEncoder(out.bytes, out.encoder);
            writer.write(record, out.encoder);
            out.encoder.flush();
            return out.bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            outputs.remove(); // the encoder may hold part of this record
            throw new SerializationException(
                    "cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        } finally {
            if (out.bytes.size() > KEPT_BUFFER_BYTES) {
                outputs.remove();
            }
        }
    }

    /**
     * Reads what {@link #encode} or Avro's {@code BinaryMessageEncoder} wrote, with this version of
     * the schema or any older one the history knows. Decoded straight from the array, not through a
     * stream read byte by byte.
     */
    public @Nullable T decode(byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length < HEADER_BYTES || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new SerializationException(
                    "cannot decode "
                            + type.getSimpleName()
                            + ": not Avro's single-object encoding (no C3 01 marker and schema fingerprint)");
        }
        long writerFingerprint = 0;
        for (int i = 7; i >= 0; i--) {
            writerFingerprint = (writerFingerprint << 8) | (bytes[2 + i] & 0xFF);
        }
        try {
            DatumReader<T> r =
                    writerFingerprint == fingerprint ? reader : olderReader(writerFingerprint);
            return r.read(
                    null,
                    DecoderFactory.get()
                            .binaryDecoder(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> olderReader(long writerFingerprint) {
        DatumReader<T> known = olderReaders.get(writerFingerprint);
        if (known != null) {
            return known;
        }
        Schema writerSchema = history.findByFingerprint(writerFingerprint);
        if (writerSchema == null) {
            throw new MissingSchemaException(
                    "no schema with fingerprint "
                            + writerFingerprint
                            + " is known (written by a newer"
                            + " version, or not a "
                            + type.getSimpleName()
                            + ")");
        }
        return olderReaders.computeIfAbsent(
                writerFingerprint,
                fp -> (DatumReader<T>) model.createDatumReader(writerSchema, schema));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> encode(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> decode(data);
    }

    /** One thread's encoding buffer and encoder, reused from record to record. */
    private static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        @Nullable BinaryEncoder encoder;
    }
}
