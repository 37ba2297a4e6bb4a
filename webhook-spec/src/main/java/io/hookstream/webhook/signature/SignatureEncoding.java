package io.hookstream.webhook.signature;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a provider writes the signature bytes into its header. */
public enum SignatureEncoding {
    HEX,
    BASE64;

    public static @Nullable SignatureEncoding fromName(String name) {
        for (SignatureEncoding encoding : values()) {
            if (encoding.name().equals(name.toUpperCase(Locale.ROOT))) {
                return encoding;
            }
        }
        return null;
    }

    /**
     * The bytes a header value stands for, or {@code null} when it is not valid in this encoding.
     * Comparing bytes rather than text makes hex case and base64 padding irrelevant.
     */
    public byte @Nullable [] decode(String text) {
        try {
            return this == HEX
                    ? HexFormat.of().parseHex(text.trim())
                    : Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String encode(byte[] bytes) {
        return this == HEX
                ? HexFormat.of().formatHex(bytes)
                : Base64.getEncoder().encodeToString(bytes);
    }

    public String directiveName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
