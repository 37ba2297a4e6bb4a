package io.hookstream.webhook.respond;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A response body as bytes, with the content type its encoding implies ({@code null} for no body).
 */
public record EncodedBody(@Nullable String contentType, byte[] bytes) {

    public static final EncodedBody EMPTY = new EncodedBody(null, new byte[0]);

    public EncodedBody {
        Objects.requireNonNull(bytes, "bytes");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedBody that
                && Objects.equals(contentType, that.contentType)
                && java.util.Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(contentType) + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "EncodedBody[" + contentType + ", " + bytes.length + " bytes]";
    }
}
