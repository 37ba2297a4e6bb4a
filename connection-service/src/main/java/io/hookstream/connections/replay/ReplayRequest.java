package io.hookstream.connections.replay;

import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /api/replay} takes: a window of ISO-8601 instants ({@code from} inclusive,
 * {@code to} exclusive, by the raw record's time), at most one of a hook or an app, and whether to
 * only count.
 */
record ReplayRequest(
        @Nullable String from,
        @Nullable String to,
        @Nullable String hookId,
        @Nullable String appId,
        @Nullable Boolean dryRun) {}
