package io.hookstream.webhook.signature;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The named schemes of the {@code signature} directive. The generic {@code hmac} scheme is not a
 * preset: it is configured field by field into a {@link HeaderHmac}.
 */
public enum SignaturePreset {
    GITHUB {
        @Override
        public SignatureCheck check(Duration tolerance) {
            return new HeaderHmac(
                    "X-Hub-Signature-256", HmacAlgorithm.SHA256, SignatureEncoding.HEX, "sha256=");
        }
    },
    STRIPE {
        @Override
        public SignatureCheck check(Duration tolerance) {
            return new StripeSignature(StripeSignature.DEFAULT_HEADER, tolerance);
        }
    },
    SLACK {
        @Override
        public SignatureCheck check(Duration tolerance) {
            return new TimestampedHmac(
                    "X-Slack-Signature", "X-Slack-Request-Timestamp", "v0", tolerance);
        }
    },
    SHOPIFY {
        @Override
        public SignatureCheck check(Duration tolerance) {
            return new HeaderHmac(
                    "X-Shopify-Hmac-Sha256", HmacAlgorithm.SHA256, SignatureEncoding.BASE64, "");
        }
    },
    ZOOM {
        @Override
        public SignatureCheck check(Duration tolerance) {
            return new TimestampedHmac("x-zm-signature", "x-zm-request-timestamp", "v0", tolerance);
        }
    },
    STANDARD {
        @Override
        public SignatureCheck check(Duration tolerance) {
            return new StandardWebhooksSignature(tolerance);
        }
    },
    META {
        @Override
        public SignatureCheck check(Duration tolerance) {
            return new HeaderHmac(
                    "X-Hub-Signature-256", HmacAlgorithm.SHA256, SignatureEncoding.HEX, "sha256=");
        }
    };

    /** Default freshness window for schemes that sign a timestamp (E2). */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    /** The check for this preset; {@code tolerance} only matters to schemes with a timestamp. */
    public abstract SignatureCheck check(Duration tolerance);

    public static @Nullable SignaturePreset fromName(String name) {
        for (SignaturePreset preset : values()) {
            if (preset.directiveName().equals(name)) {
                return preset;
            }
        }
        return null;
    }

    /** The name used in the {@code scheme} field, e.g. {@code github}. */
    public String directiveName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the scheme signs a timestamp, so that {@code tolerance} applies. */
    public boolean hasTimestamp() {
        return this == STRIPE || this == SLACK || this == ZOOM || this == STANDARD;
    }
}
