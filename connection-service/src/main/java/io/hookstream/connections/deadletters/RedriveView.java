package io.hookstream.connections.deadletters;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A redrive's state and counts: {@code counting} until the matching dead letters are known, then
 * {@code running} while their events are published, then {@code done} or {@code failed}. A dry run
 * is answered {@code done} at once.
 *
 * @param toRedrive matched and not redriven before: what this redrive publishes
 * @param redriven published so far (acknowledged by the cluster)
 */
record RedriveView(
        @Nullable String redriveId,
        String state,
        boolean dryRun,
        long deadLetters,
        long matched,
        long alreadyRedriven,
        long toRedrive,
        long redriven,
        @Nullable String error,
        Instant startedAt,
        @Nullable Instant finishedAt) {}
