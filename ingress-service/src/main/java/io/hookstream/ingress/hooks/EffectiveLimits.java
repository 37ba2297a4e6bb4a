package io.hookstream.ingress.hooks;

import io.hookstream.schemas.avro.HookLimits;
import io.hookstream.webhook.spec.AppLimits;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A hook's limits win over its app's, which win over the deployment's; each limit on its own. */
final class EffectiveLimits {

    private EffectiveLimits() {}

    static AppLimits of(AppLimits app, @Nullable HookLimits hook) {
        if (hook == null) {
            return app;
        }
        Long maxBody = hook.getMaxBodyBytes() != null ? hook.getMaxBodyBytes() : app.maxBodyBytes();
        AppLimits.RateLimit rate = app.rateLimit();
        if (hook.getRateLimitRequests() != null && hook.getRateLimitPeriodSeconds() != null) {
            rate =
                    new AppLimits.RateLimit(
                            hook.getRateLimitRequests(),
                            Duration.ofSeconds(hook.getRateLimitPeriodSeconds()));
        }
        return new AppLimits(maxBody, rate);
    }
}
