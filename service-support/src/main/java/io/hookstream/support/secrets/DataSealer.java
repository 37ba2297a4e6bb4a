package io.hookstream.support.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Seals connection data (tokens, secrets) before it is written to Kafka, with AES-256-GCM: a fresh
 * 96-bit nonce per record, a 128-bit tag, and the record's id as associated data, so that a sealed
 * value copied onto another record does not open. The scheme name records the key id ({@code
 * AES-GCM:k1}), so keys can be rotated: the current key seals, every configured key opens.
 */
public final class DataSealer {

    private static final String PREFIX = "AES-GCM:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId the key that seals
     * @param keys every key that may have sealed stored data, by id: 32 bytes each
     */
    public DataSealer(String currentKeyId, Map<String, byte[]> keys) {
        Objects.requireNonNull(currentKeyId, "currentKeyId");
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("no key with id " + currentKeyId);
        }
        this.currentKeyId = currentKeyId;
        this.keys =
                Map.copyOf(
                        keys.entrySet().stream()
                                .collect(
                                        java.util.stream.Collectors.toMap(
                                                Map.Entry::getKey,
                                                e -> {
                                                    if (e.getValue().length != 32) {
                                                        throw new IllegalArgumentException(
                                                                "key "
                                                                        + e.getKey()
                                                                        + " must be 32 bytes (256 bits), not "
                                                                        + e.getValue().length);
                                                    }
                                                    return (SecretKey)
                                                            new SecretKeySpec(e.getValue(), "AES");
                                                })));
    }

    /** A sealer with one key given in base64, as configuration holds it. */
    public static DataSealer ofBase64(String keyId, String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the data key is not valid base64");
        }
        return new DataSealer(keyId, Map.of(keyId, key));
    }

    /** The scheme recorded beside sealed data, e.g. {@code AES-GCM:k1}. */
    public String scheme() {
        return PREFIX + currentKeyId;
    }

    /** Seals {@code plaintext} bound to {@code recordId}: nonce followed by ciphertext and tag. */
    public byte[] seal(byte[] plaintext, String recordId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    keys.get(currentKeyId),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens data sealed under {@code scheme} for {@code recordId}; a {@code null} scheme means the
     * data was stored in plain (written before encryption was configured).
     *
     * @throws SealedDataException if the key is unknown or the data was altered or belongs to
     *     another record
     */
    public byte[] open(byte[] sealed, @Nullable String scheme, String recordId) {
        if (scheme == null) {
            return sealed;
        }
        if (!scheme.startsWith(PREFIX) || !keys.containsKey(scheme.substring(PREFIX.length()))) {
            throw new SealedDataException("no key for " + scheme + " is configured");
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedDataException("sealed data is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    keys.get(scheme.substring(PREFIX.length())),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealedDataException(
                    "sealed data does not open: altered, or sealed for another record");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String toString() {
        return "DataSealer[" + scheme() + "]"; // never the keys
    }
}
