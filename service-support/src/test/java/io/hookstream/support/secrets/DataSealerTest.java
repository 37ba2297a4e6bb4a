package io.hookstream.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataSealerTest {

    private static final byte[] K1 = new byte[32];
    private static final byte[] K2 = new byte[32];

    static {
        K1[0] = 1;
        K2[0] = 2;
    }

    private final DataSealer sealer = new DataSealer("k1", Map.of("k1", K1));
    private final byte[] secret =
            "{\"accessToken\":\"xoxb-very-secret\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedDataOpensForItsRecordAndHidesThePlaintext() {
        byte[] sealed = sealer.seal(secret, "c1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain("xoxb-very-secret");
        assertThat(sealer.scheme()).isEqualTo("AES-GCM:k1");
        assertThat(sealer.open(sealed, "AES-GCM:k1", "c1")).isEqualTo(secret);
    }

    @Test
    void everySealUsesAFreshNonce() {
        assertThat(sealer.seal(secret, "c1")).isNotEqualTo(sealer.seal(secret, "c1"));
    }

    @Test
    void dataMovedToAnotherRecordOrAlteredDoesNotOpen() {
        byte[] sealed = sealer.seal(secret, "c1");

        assertThatThrownBy(() -> sealer.open(sealed, "AES-GCM:k1", "c2"))
                .isInstanceOf(SealedDataException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> sealer.open(sealed, "AES-GCM:k1", "c1"))
                .isInstanceOf(SealedDataException.class)
                .hasMessageNotContaining("xoxb");
    }

    @Test
    void aRotatedKeyStillOpensWhatTheOldKeySealed() {
        byte[] old = sealer.seal(secret, "c1");
        DataSealer rotated = new DataSealer("k2", Map.of("k1", K1, "k2", K2));

        assertThat(rotated.open(old, "AES-GCM:k1", "c1")).isEqualTo(secret);
        assertThat(rotated.scheme()).isEqualTo("AES-GCM:k2");
        assertThatThrownBy(() -> sealer.open(rotated.seal(secret, "c1"), "AES-GCM:k2", "c1"))
                .isInstanceOf(SealedDataException.class)
                .hasMessageContaining("k2");
    }

    @Test
    void plainDataWrittenBeforeEncryptionIsReadAsIs() {
        assertThat(sealer.open(secret, null, "c1")).isEqualTo(secret);
    }

    @Test
    void aMissingOrShortKeyIsAClearConfigurationError() {
        assertThatThrownBy(() -> new SecretsSettings(null, null, null).sealer())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hookstream.secrets.data-key");
        assertThatThrownBy(() -> DataSealer.ofBase64("k1", "c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThat(
                        new SecretsSettings(
                                        java.util.Base64.getEncoder().encodeToString(K1),
                                        null,
                                        null)
                                .sealer()
                                .scheme())
                .isEqualTo("AES-GCM:k1");
    }
}
