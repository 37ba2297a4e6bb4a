package io.hookstream.connections.store;

import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.topic.CompactedTopicView;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jspecify.annotations.Nullable;

/**
 * Hook ids in id order, of all hooks, of each app and of each user, kept beside the hooks view so
 * that a page of hooks is read from where its cursor points instead of by scanning every hook. The
 * sets hold the view's own key strings, so an id costs a set node, not a second copy.
 *
 * <p>Changed only by the view's thread, read by any: concurrent sorted sets give readers a
 * consistent walk while changes land. A hook's app and user never change after it is created, but
 * the index does not rely on that: a change moves the id from its old sets to its new ones.
 */
public final class HookIndex implements CompactedTopicView.ChangeListener<Hook> {

    private final NavigableSet<String> all = new ConcurrentSkipListSet<>();
    private final Map<String, NavigableSet<String>> byApp = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<String>> byUser = new ConcurrentHashMap<>();

    @Override
    public void changed(String hookId, @Nullable Hook before, @Nullable Hook after) {
        if (before != null
                && (after == null
                        || !before.getAppId().equals(after.getAppId())
                        || !before.getUserId().equals(after.getUserId()))) {
            remove(byApp, before.getAppId(), hookId);
            remove(byUser, before.getUserId(), hookId);
        }
        if (after == null) {
            all.remove(hookId);
            return;
        }
        all.add(hookId);
        byApp.computeIfAbsent(after.getAppId(), k -> new ConcurrentSkipListSet<>()).add(hookId);
        byUser.computeIfAbsent(after.getUserId(), k -> new ConcurrentSkipListSet<>()).add(hookId);
    }

    /** Every hook id, in order. */
    public NavigableSet<String> all() {
        return Collections.unmodifiableNavigableSet(all);
    }

    /** The ids of the app's hooks, in order; empty for an app without hooks. */
    public NavigableSet<String> ofApp(String appId) {
        return Collections.unmodifiableNavigableSet(
                byApp.getOrDefault(appId, Collections.emptyNavigableSet()));
    }

    /** The ids of the user's hooks, in order; empty for a user without hooks. */
    public NavigableSet<String> ofUser(String userId) {
        return Collections.unmodifiableNavigableSet(
                byUser.getOrDefault(userId, Collections.emptyNavigableSet()));
    }

    private static void remove(Map<String, NavigableSet<String>> index, String key, String id) {
        // an emptied set is dropped, so users and apps that had hooks once cost nothing later
        index.computeIfPresent(
                key,
                (k, ids) -> {
                    ids.remove(id);
                    return ids.isEmpty() ? null : ids;
                });
    }
}
