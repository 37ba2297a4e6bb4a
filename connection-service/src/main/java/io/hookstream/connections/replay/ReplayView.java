package io.hookstream.connections.replay;

import io.hookstream.operations.replay.WindowReplay;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A replay's state and counts: {@code running} while the window is read and its events published,
 * then {@code done} or {@code failed}. A dry run is answered {@code done} at once.
 *
 * @param total the raw records between the window's first and last offsets
 * @param scanned of those, read so far
 * @param matched events in the window of the chosen hook or app
 * @param replayed published so far (acknowledged by the cluster)
 * @param unreadable records in the window that are not raw events
 */
record ReplayView(
        @Nullable String replayId,
        String state,
        boolean dryRun,
        Instant from,
        Instant to,
        @Nullable String hookId,
        @Nullable String appId,
        long total,
        long scanned,
        long matched,
        long replayed,
        long unreadable,
        @Nullable String error,
        Instant startedAt,
        @Nullable Instant finishedAt) {

    static ReplayView of(
            @Nullable String replayId,
            String state,
            boolean dryRun,
            WindowReplay.Window window,
            WindowReplay.Counts counts,
            @Nullable String error,
            Instant startedAt,
            @Nullable Instant finishedAt) {
        return new ReplayView(
                replayId,
                state,
                dryRun,
                window.from(),
                window.to(),
                window.hookId(),
                window.appId(),
                counts.total(),
                counts.scanned(),
                counts.matched(),
                counts.replayed(),
                counts.unreadable(),
                error,
                startedAt,
                finishedAt);
    }
}
