package io.hookstream.connections.deadletters;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /api/dead-letters/redrive} takes: the same filter as the listing, or the ids of
 * chosen dead letters, and whether to only count.
 */
record RedriveRequest(
        @Nullable String hookId,
        @Nullable String appId,
        @Nullable String errorCode,
        @Nullable String since,
        @Nullable String until,
        @Nullable List<String> ids,
        @Nullable Boolean dryRun) {}
