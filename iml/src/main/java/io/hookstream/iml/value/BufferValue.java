package io.hookstream.iml.value;

import java.util.Arrays;
import java.util.HexFormat;

/** Binary data. The bytes are copied in and out, so a buffer can never change after creation. */
public record BufferValue(byte[] bytes) implements Value {

    public BufferValue {
        bytes = bytes.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public Kind kind() {
        return Kind.BUFFER;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BufferValue && Arrays.equals(bytes, ((BufferValue) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "<buffer "
                + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 32))
                + (bytes.length > 32 ? "…" : "")
                + ">";
    }
}
