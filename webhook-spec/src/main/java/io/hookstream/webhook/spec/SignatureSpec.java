package io.hookstream.webhook.spec;

import io.hookstream.webhook.signature.SignatureCheck;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A compiled {@code signature} directive (extension E2).
 *
 * @param scheme the scheme name as written, e.g. {@code github} or {@code hmac}
 * @param check how the signature is verified
 * @param secret evaluates to the signing secret (text, or a buffer for a binary key)
 * @param payload for the generic scheme: evaluates to the signed string; {@code null} signs the raw
 *     body
 * @param condition when the check applies; {@code null} means always. A Hookstream addition for
 *     providers whose handshake is unsigned while their deliveries are signed (Meta, X, Dropbox):
 *     e.g. {@code "{{method = 'POST'}}"}. Requests it skips must not produce bundles, so pair it
 *     with a {@code condition} directive that filters the same requests
 */
public record SignatureSpec(
        String scheme,
        SignatureCheck check,
        Directive secret,
        @Nullable Directive payload,
        @Nullable Condition condition) {

    public SignatureSpec {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(secret, "secret");
    }
}
