package io.hookstream.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Standard Webhooks (as implemented by Svix): HMAC-SHA256 over {@code <id>.<timestamp>.<body>} with
 * the key given as base64 after {@code whsec_}; the signature header holds space-separated {@code
 * v1,<base64>} entries, any of which may match. The {@code svix-*} header names are accepted too,
 * since Svix still sends them.
 */
public record StandardWebhooksSignature(Duration tolerance) implements SignatureCheck {

    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1,";

    public StandardWebhooksSignature {
        Objects.requireNonNull(tolerance, "tolerance");
    }

    @Override
    public SignatureResult verify(SignedRequest request, byte[] secret) {
        byte[] key = key(secret);
        if (key == null) {
            return new SignatureResult.Misconfigured(
                    "the signing secret is not base64 (optionally after whsec_)");
        }
        if (key.length == 0) {
            return Signatures.EMPTY_SECRET;
        }
        String id = header(request, "id");
        String timestamp = header(request, "timestamp");
        String signatures = header(request, "signature");
        if (id == null || timestamp == null || signatures == null) {
            return SignatureResult.invalid(
                    Signatures.missingHeader(
                            id == null
                                    ? "webhook-id"
                                    : timestamp == null
                                            ? "webhook-timestamp"
                                            : "webhook-signature"));
        }
        String stale = Signatures.freshness(timestamp, request.now(), tolerance);
        if (stale != null) {
            return SignatureResult.invalid(stale);
        }
        byte[] expected =
                HmacAlgorithm.SHA256.mac(
                        key, Signatures.utf8(id + "." + timestamp.trim() + "."), request.payload());
        for (String entry : signatures.trim().split(" +")) {
            if (entry.startsWith(VERSION)
                    && Signatures.matches(
                            expected,
                            entry.substring(VERSION.length()),
                            SignatureEncoding.BASE64)) {
                return SignatureResult.valid();
            }
        }
        return SignatureResult.invalid(Signatures.MISMATCH);
    }

    private static @Nullable String header(SignedRequest request, String suffix) {
        String value = request.headers().first("webhook-" + suffix);
        return value != null ? value : request.headers().first("svix-" + suffix);
    }

    private static byte @Nullable [] key(byte[] secret) {
        String text = new String(secret, StandardCharsets.UTF_8).trim();
        if (text.startsWith(SECRET_PREFIX)) {
            text = text.substring(SECRET_PREFIX.length());
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
