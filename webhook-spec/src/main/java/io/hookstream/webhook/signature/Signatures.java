package io.hookstream.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Helpers shared by the checks: constant-time matching and timestamp freshness. */
final class Signatures {

    static final String MISMATCH = "signature mismatch";

    static final SignatureResult EMPTY_SECRET =
            new SignatureResult.Misconfigured("the signing secret is empty");

    private Signatures() {}

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code provided} (encoded, without prefix) equals {@code expected}. Decoding first
     * makes hex case irrelevant; {@link MessageDigest#isEqual} keeps the comparison time
     * independent of where the bytes differ.
     */
    static boolean matches(byte[] expected, String provided, SignatureEncoding encoding) {
        byte[] decoded = encoding.decode(provided);
        return decoded != null && MessageDigest.isEqual(expected, decoded);
    }

    /**
     * {@code null} when the Unix-seconds timestamp is within {@code tolerance} of now, else the
     * reason.
     */
    static @Nullable String freshness(String timestamp, Instant now, Duration tolerance) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "malformed signature timestamp";
        }
        // both directions: a timestamp far in the future is as suspicious as a stale one
        long skew = Math.abs(now.getEpochSecond() - seconds);
        return skew > tolerance.getSeconds()
                ? "signature timestamp outside the " + tolerance.getSeconds() + " s tolerance"
                : null;
    }

    static String missingHeader(String header) {
        return "missing header " + header;
    }
}
