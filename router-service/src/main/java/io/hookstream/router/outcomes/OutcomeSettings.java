package io.hookstream.router.outcomes;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param enabled whether the router writes each event's outcome to the outcomes topic, in the same
 *     transaction as its bundles; the control plane's activity view (events per hook, the live
 *     tail, the overview's counts) reads them. On by default; its cost is measured in
 *     docs/benchmarks.md.
 */
@ConfigurationProperties("hookstream.router.outcomes")
public record OutcomeSettings(boolean enabled) {

    @ConstructorBinding
    public OutcomeSettings(@Nullable Boolean enabled) {
        this(enabled == null || enabled);
    }
}
