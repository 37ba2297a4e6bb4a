package io.hookstream.webhook.signature;

import java.time.Duration;
import java.util.Objects;

/**
 * The Slack and Zoom scheme: HMAC-SHA256 over {@code <version>:<timestamp>:<body>}, sent as {@code
 * <version>=<hex>}, with the Unix timestamp in its own header.
 *
 * @param signatureHeader e.g. {@code X-Slack-Signature}
 * @param timestampHeader e.g. {@code X-Slack-Request-Timestamp}
 * @param version the scheme version that prefixes both the base string and the signature, {@code
 *     v0}
 * @param tolerance how far the timestamp may be from now
 */
public record TimestampedHmac(
        String signatureHeader, String timestampHeader, String version, Duration tolerance)
        implements SignatureCheck {

    public TimestampedHmac {
        Objects.requireNonNull(signatureHeader, "signatureHeader");
        Objects.requireNonNull(timestampHeader, "timestampHeader");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(tolerance, "tolerance");
    }

    @Override
    public SignatureResult verify(SignedRequest request, byte[] secret) {
        if (secret.length == 0) {
            return Signatures.EMPTY_SECRET;
        }
        String timestamp = request.headers().first(timestampHeader);
        if (timestamp == null) {
            return SignatureResult.invalid(Signatures.missingHeader(timestampHeader));
        }
        if (request.headers().all(signatureHeader).isEmpty()) {
            return SignatureResult.invalid(Signatures.missingHeader(signatureHeader));
        }
        String stale = Signatures.freshness(timestamp, request.now(), tolerance);
        if (stale != null) {
            return SignatureResult.invalid(stale);
        }
        byte[] expected =
                HmacAlgorithm.SHA256.mac(
                        secret,
                        Signatures.utf8(version + ":" + timestamp.trim() + ":"),
                        request.payload());
        String prefix = version + "=";
        for (String value : request.headers().all(signatureHeader)) {
            String trimmed = value.trim();
            if (trimmed.startsWith(prefix)
                    && Signatures.matches(
                            expected, trimmed.substring(prefix.length()), SignatureEncoding.HEX)) {
                return SignatureResult.valid();
            }
        }
        return SignatureResult.invalid(Signatures.MISMATCH);
    }
}
