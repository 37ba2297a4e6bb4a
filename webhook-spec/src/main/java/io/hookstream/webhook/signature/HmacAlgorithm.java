package io.hookstream.webhook.signature;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** The HMAC hash functions a signature may use. */
public enum HmacAlgorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String jcaName;

    HmacAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The algorithm for a directive value such as {@code sha256}, or {@code null} if unknown. */
    public static @Nullable HmacAlgorithm fromName(String name) {
        for (HmacAlgorithm algorithm : values()) {
            if (algorithm.name().equals(name.toUpperCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        return null;
    }

    public byte[] mac(byte[] key, byte[]... message) {
        try {
            Mac mac = Mac.getInstance(jcaName);
            // an empty key is legal for HMAC but SecretKeySpec refuses it; callers reject empty
            // secrets first
            mac.init(new SecretKeySpec(key, jcaName));
            for (byte[] part : message) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every JDK ships these three; reaching this is a broken runtime, not bad input
            throw new IllegalStateException(jcaName + " unavailable", e);
        }
    }

    public String directiveName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
