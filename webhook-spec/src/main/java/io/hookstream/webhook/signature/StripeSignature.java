package io.hookstream.webhook.signature;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stripe's scheme: {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]}, HMAC-SHA256 over {@code
 * <t>.<body>}. Several {@code v1} entries appear while a secret is being rolled; any may match.
 * Other schemes ({@code v0}, test-mode entries) are ignored, as Stripe's own libraries do.
 */
public record StripeSignature(String header, Duration tolerance) implements SignatureCheck {

    public static final String DEFAULT_HEADER = "Stripe-Signature";

    public StripeSignature {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(tolerance, "tolerance");
    }

    @Override
    public SignatureResult verify(SignedRequest request, byte[] secret) {
        if (secret.length == 0) {
            return Signatures.EMPTY_SECRET;
        }
        String value = request.headers().first(header);
        if (value == null) {
            return SignatureResult.invalid(Signatures.missingHeader(header));
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String item : value.split(",")) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = item.substring(0, eq).trim();
            String content = item.substring(eq + 1).trim();
            if (key.equals("t") && timestamp == null) {
                timestamp = content;
            } else if (key.equals("v1")) {
                signatures.add(content);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return SignatureResult.invalid(
                    "header " + header + " lacks a timestamp or a v1 signature");
        }
        String stale = Signatures.freshness(timestamp, request.now(), tolerance);
        if (stale != null) {
            return SignatureResult.invalid(stale);
        }
        byte[] expected =
                HmacAlgorithm.SHA256.mac(
                        secret, Signatures.utf8(timestamp + "."), request.payload());
        for (String signature : signatures) {
            if (Signatures.matches(expected, signature, SignatureEncoding.HEX)) {
                return SignatureResult.valid();
            }
        }
        return SignatureResult.invalid(Signatures.MISMATCH);
    }
}
