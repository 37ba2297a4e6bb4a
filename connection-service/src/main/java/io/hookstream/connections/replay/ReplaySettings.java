package io.hookstream.connections.replay;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param maxWindow the longest window one replay covers; a count reads every record in it
 * @param concurrentCounts how many dry runs scan the raw topic at once; more are refused with 503
 * @param keptReplays how many finished replays stay visible with their counts
 */
@ConfigurationProperties("hookstream.control.replay")
public record ReplaySettings(Duration maxWindow, int concurrentCounts, int keptReplays) {

    /** What the binder calls: unset keys arrive as null and take their defaults. */
    @ConstructorBinding
    public ReplaySettings(
            @Nullable Duration maxWindow,
            @Nullable Integer concurrentCounts,
            @Nullable Integer keptReplays) {
        this(
                maxWindow == null ? Duration.ofDays(7) : maxWindow,
                concurrentCounts == null ? 2 : concurrentCounts,
                keptReplays == null ? 20 : keptReplays);
    }

    public ReplaySettings {
        if (maxWindow.isNegative()
                || maxWindow.isZero()
                || concurrentCounts < 1
                || keptReplays < 1) {
            throw new IllegalArgumentException(
                    "hookstream.control.replay.*: limits must be positive");
        }
    }
}
