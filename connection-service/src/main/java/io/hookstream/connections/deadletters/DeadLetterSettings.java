package io.hookstream.connections.deadletters;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * @param maxLimit the most dead letters one listing returns
 * @param concurrentReads how many listings, lookups and redrives read the topics at once; each
 *     reads the whole dead-letter topic with a consumer of its own, so more are refused with 503
 * @param maxBody the most of a raw body the detail of a dead letter shows
 * @param keptRedrives how many finished redrives stay visible with their counts
 */
@ConfigurationProperties("hookstream.control.dead-letters")
public record DeadLetterSettings(
        int maxLimit, int concurrentReads, DataSize maxBody, int keptRedrives) {

    /** What the binder calls: unset keys arrive as null and take their defaults. */
    @ConstructorBinding
    public DeadLetterSettings(
            @Nullable Integer maxLimit,
            @Nullable Integer concurrentReads,
            @Nullable DataSize maxBody,
            @Nullable Integer keptRedrives) {
        this(
                maxLimit == null ? 500 : maxLimit,
                concurrentReads == null ? 2 : concurrentReads,
                maxBody == null ? DataSize.ofMegabytes(1) : maxBody,
                keptRedrives == null ? 20 : keptRedrives);
    }

    public DeadLetterSettings {
        if (maxLimit < 1 || concurrentReads < 1 || keptRedrives < 1 || maxBody.toBytes() < 0) {
            throw new IllegalArgumentException(
                    "hookstream.control.dead-letters.*: limits must be positive");
        }
    }
}
