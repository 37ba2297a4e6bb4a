package io.hookstream.router.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key under which a dedupe key is remembered: scoped to the activity it belongs to (a hook, an
 * app webhook), and bounded in length, because the key comes from the sender and a sender may send
 * anything.
 */
public final class DedupeKeys {

    /** Longer keys are kept as their SHA-256, so that a store entry never grows with the sender. */
    static final int MAX_PLAIN_LENGTH = 200;

    private DedupeKeys() {}

    /**
     * {@code activityKey + "\u0000" + key}, with {@code key} replaced by {@code sha256:<hex>} when
     * longer than {@link #MAX_PLAIN_LENGTH}; the NUL cannot occur in an activity key, so that two
     * activities never share an entry.
     */
    public static String storeKey(String activityKey, String key) {
        String kept = key.length() > MAX_PLAIN_LENGTH ? "sha256:" + sha256(key) : key;
        return activityKey + "\u0000" + kept;
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException(e);
        }
    }
}
