package io.hookstream.router.topology;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * A serde for table values that hands out the record it decoded before when it is given the same
 * bytes again.
 *
 * <p>The router reads table values from their stores for every event and every shared item, and a
 * store returns bytes: every dedicated event would decode its hook, its hook as bound to its
 * connection and its app ({@link EventRouting}), which profiles of the router put at a tenth of a
 * stream thread's time. The values change rarely and the same few are read over and over, so the
 * decoded records are kept in a small direct-mapped table, indexed by a hash of their length and of
 * some bytes at both ends, and checked against a copy of all their bytes (a comparison the JDK
 * vectorises, where hashing every byte cost as much as the decoding saved); a different value in
 * the same slot replaces it.
 *
 * <p>The records handed out are shared between events and threads, so <b>nobody may modify
 * them</b>; the router only reads them. Slots hold immutable entries, so racing threads see either
 * an old entry or a whole new one, never half of one. Values longer than {@code maxBytes} are
 * decoded every time and not kept.
 */
final class RecentValuesSerde<T> implements Serde<T> {

    /** One decoded value with the bytes it came from; never changed once built. */
    private record Entry<T>(byte[] bytes, T value) {}

    /**
     * Bytes hashed at the start and at the end: enough to tell apart records whose ids come first
     * (after Avro's 10-byte header) and whose revisions come last.
     */
    private static final int HASHED_AT_START = 48;

    private static final int HASHED_AT_END = 16;
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Serde<T> delegate;
    private final int maxBytes;
    private final Entry<T>[] slots;

    /**
     * @param slots how many decoded values are kept (rounded up to a power of two)
     * @param maxBytes the longest encoded value that is kept
     */
    @SuppressWarnings("unchecked")
    RecentValuesSerde(Serde<T> delegate, int slots, int maxBytes) {
        if (slots < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("slots and maxBytes must be positive");
        }
        this.delegate = delegate;
        this.maxBytes = maxBytes;
        int capacity = 1;
        while (capacity < slots) {
            capacity <<= 1;
        }
        this.slots = (Entry<T>[]) new Entry<?>[capacity];
    }

    @Override
    public Serializer<T> serializer() {
        return delegate.serializer();
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> decoder = delegate.deserializer();
        return (topic, bytes) -> decode(decoder, topic, bytes);
    }

    private @Nullable T decode(Deserializer<T> decoder, String topic, byte @Nullable [] bytes) {
        if (bytes == null || bytes.length > maxBytes) {
            return decoder.deserialize(topic, bytes);
        }
        int slot = spread(hashOfEnds(bytes)) & (slots.length - 1);
        Entry<T> entry = slots[slot];
        if (entry != null && Arrays.equals(entry.bytes(), bytes)) {
            return entry.value();
        }
        T value = decoder.deserialize(topic, bytes);
        if (value != null) {
            // a copy: the caller owns the array it passed in and may reuse it
            slots[slot] = new Entry<>(bytes.clone(), value);
        }
        return value;
    }

    /**
     * A hash of the length, of the first bytes read eight at a time and of the last bytes; which
     * slot a value lands in, not whether it matches.
     */
    static int hashOfEnds(byte[] bytes) {
        long hash = bytes.length;
        int head = Math.min(bytes.length, HASHED_AT_START) & ~7;
        for (int i = 0; i < head; i += Long.BYTES) {
            hash = hash * 0x9E3779B97F4A7C15L + (long) LONGS.get(bytes, i);
        }
        for (int i = Math.max(head, bytes.length - HASHED_AT_END); i < bytes.length; i++) {
            hash = hash * 31 + bytes[i];
        }
        return (int) (hash ^ (hash >>> 32));
    }

    /** Mixes the high bits of the hash into the low ones that pick the slot. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    int capacity() {
        return slots.length;
    }
}
