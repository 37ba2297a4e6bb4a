package io.hookstream.webhook.signature;

import java.util.List;
import java.util.Objects;

/**
 * An HMAC of the payload carried in one header, optionally after a fixed prefix such as {@code
 * sha256=}. GitHub, Meta and Shopify sign this way, and so does the generic {@code hmac} scheme.
 *
 * @param header the header carrying the signature (any case)
 * @param algorithm the hash function
 * @param encoding how the header encodes the MAC
 * @param prefix text before the encoded MAC; empty for none. Matched case-insensitively
 */
public record HeaderHmac(
        String header, HmacAlgorithm algorithm, SignatureEncoding encoding, String prefix)
        implements SignatureCheck {

    public HeaderHmac {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public SignatureResult verify(SignedRequest request, byte[] secret) {
        if (secret.length == 0) {
            return Signatures.EMPTY_SECRET;
        }
        List<String> values = request.headers().all(header);
        if (values.isEmpty()) {
            return SignatureResult.invalid(Signatures.missingHeader(header));
        }
        byte[] expected = algorithm.mac(secret, request.payload());
        for (String value : values) {
            String trimmed = value.trim();
            if (trimmed.regionMatches(true, 0, prefix, 0, prefix.length())
                    && Signatures.matches(expected, trimmed.substring(prefix.length()), encoding)) {
                return SignatureResult.valid();
            }
        }
        return SignatureResult.invalid(Signatures.MISMATCH);
    }
}
