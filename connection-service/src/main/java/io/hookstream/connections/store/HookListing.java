package io.hookstream.connections.store;

import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Pages of hooks in id order, filtered by app, user and status, with keyset cursors: a page walks
 * the smallest index set that holds every match from its cursor on, and stops after {@code limit +
 * 1} matches (the extra one says whether a next page exists). So a page costs about its own size at
 * any page number and any number of hooks; what it skips are the few hooks of its set that the
 * other filters leave out (the disabled ones of a page of active hooks, the other apps' hooks among
 * a user's).
 */
public final class HookListing {

    /**
     * @param status {@code null} for every hook that is not deleted
     * @param after the previous page's {@code next}, or {@code null} for the first page
     */
    public record Query(
            @Nullable String appId,
            @Nullable String userId,
            @Nullable HookStatus status,
            @Nullable String after,
            int limit) {

        public Query {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be positive: " + limit);
            }
        }
    }

    /**
     * @param next the cursor of the following page, or {@code null} when this is the last
     */
    public record Page(List<Hook> hooks, @Nullable String next) {}

    private final HookIndex index;
    private final Function<String, @Nullable Hook> hooks;

    public HookListing(HookIndex index, Function<String, @Nullable Hook> hooks) {
        this.index = index;
        this.hooks = hooks;
    }

    public Page page(Query query) {
        NavigableSet<String> ids = candidates(query);
        if (query.after() != null) {
            ids = ids.tailSet(query.after(), false);
        }
        List<Hook> found = new ArrayList<>(query.limit() + 1);
        for (String id : ids) {
            Hook hook = hooks.apply(id);
            if (hook == null || !matches(query, hook)) {
                continue;
            }
            found.add(hook);
            if (found.size() > query.limit()) {
                List<Hook> page = List.copyOf(found.subList(0, query.limit()));
                return new Page(page, page.get(page.size() - 1).getHookId());
            }
        }
        return new Page(List.copyOf(found), null);
    }

    /**
     * The set a page walks: a user's hooks are fewer than an app's, an app's fewer than all; the
     * disabled and the deleted are sets of their own.
     */
    private NavigableSet<String> candidates(Query query) {
        HookStatus status = query.status();
        if (status == HookStatus.DELETED) {
            return index.deleted();
        }
        if (query.userId() != null) {
            return index.ofUser(query.userId());
        }
        if (status == HookStatus.DISABLED) {
            return index.disabled();
        }
        return query.appId() != null ? index.ofApp(query.appId()) : index.live();
    }

    private static boolean matches(Query query, Hook hook) {
        return (query.appId() == null || hook.getAppId().equals(query.appId()))
                && (query.userId() == null || hook.getUserId().equals(query.userId()))
                && (query.status() == null
                        ? hook.getStatus() != HookStatus.DELETED
                        : hook.getStatus() == query.status());
    }
}
