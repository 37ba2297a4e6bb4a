package io.hookstream.webhook.spec;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Limits an app sets for its own webhooks (extension E3), overriding the deployment's defaults; a
 * component left {@code null} keeps the default. Written in the app definition as {@code "limits":
 * {"maxBodyBytes": 1048576, "rateLimit": {"requests": 100, "periodSeconds": 10}}}.
 *
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param rateLimit requests allowed per hook (per shared webhook) in each period, then 429
 */
public record AppLimits(@Nullable Long maxBodyBytes, @Nullable RateLimit rateLimit) {

    /** No override: every limit is the deployment's default. */
    public static final AppLimits DEFAULTS = new AppLimits(null, null);

    public AppLimits {
        if (maxBodyBytes != null && maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }

    /** At most {@code requests} requests in every {@code period}. */
    public record RateLimit(int requests, Duration period) {
        public RateLimit {
            Objects.requireNonNull(period, "period");
            if (requests < 1 || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException(
                        "a rate limit needs a positive count and period");
            }
        }
    }
}
