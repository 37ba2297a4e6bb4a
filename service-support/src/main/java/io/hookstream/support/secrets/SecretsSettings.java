package io.hookstream.support.secrets;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that seals connection data at rest.
 *
 * @param dataKey base64 of 32 random bytes ({@code openssl rand -base64 32}); required by the
 *     services that read or write connection data
 * @param dataKeyId the id recorded with sealed data, so that keys can be rotated (default {@code
 *     k1})
 * @param previousKeys older keys by id, still accepted for opening data they sealed
 */
@ConfigurationProperties("hookstream.secrets")
public record SecretsSettings(
        @Nullable String dataKey, String dataKeyId, Map<String, String> previousKeys) {

    /** Unset keys (null from the binder) take their defaults; only the key itself stays unset. */
    public SecretsSettings(
            @Nullable String dataKey,
            @Nullable String dataKeyId,
            @Nullable Map<String, String> previousKeys) {
        this.dataKey = dataKey;
        this.dataKeyId = dataKeyId == null || dataKeyId.isBlank() ? "k1" : dataKeyId;
        this.previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
    }

    /** The sealer, or a startup error that says what to configure. */
    public DataSealer sealer() {
        String current = dataKey;
        if (current == null || current.isBlank()) {
            throw new IllegalStateException(
                    "hookstream.secrets.data-key is not set (env HOOKSTREAM_SECRETS_DATA_KEY): "
                            + "connection data is encrypted at rest; generate a key with: openssl rand -base64 32");
        }
        java.util.Map<String, byte[]> keys = new java.util.HashMap<>();
        previousKeys.forEach((id, key) -> keys.put(id, decode(id, key)));
        keys.put(dataKeyId, decode(dataKeyId, current));
        return new DataSealer(dataKeyId, keys);
    }

    private static byte[] decode(String id, String base64) {
        try {
            return java.util.Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("data key " + id + " is not valid base64");
        }
    }

    @Override
    public String toString() {
        return "SecretsSettings[dataKeyId="
                + dataKeyId
                + ", previousKeys="
                + previousKeys.keySet()
                + "]";
    }
}
