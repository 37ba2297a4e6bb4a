package io.hookstream.connections.store;

import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.topic.CompactedTopicView;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jspecify.annotations.Nullable;

/**
 * Hook ids in id order, kept beside the hooks view so that a page of hooks is read from where its
 * cursor points instead of by scanning every hook: the hooks that are not deleted, all of them and
 * by app and by user, and the disabled and the deleted ones apart. Deleted hooks stay in the topic
 * (their URL must keep answering 410) and can come to outnumber the others, so they are in one set
 * of their own and nowhere else; disabled ones are in the live sets too, and in one of their own
 * for a page of only them. The sets hold the view's own key strings, so an id costs a set node, not
 * a second copy.
 *
 * <p>Changed only by the view's thread, read by any: concurrent sorted sets give readers a
 * consistent walk while changes land. A hook's app and user never change after it is created, but
 * the index does not rely on that: a change moves the id from its old sets to its new ones.
 */
public final class HookIndex implements CompactedTopicView.ChangeListener<Hook> {

    private final NavigableSet<String> live = new ConcurrentSkipListSet<>();
    private final Map<String, NavigableSet<String>> byApp = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<String>> byUser = new ConcurrentHashMap<>();
    private final NavigableSet<String> disabled = new ConcurrentSkipListSet<>();
    private final NavigableSet<String> deleted = new ConcurrentSkipListSet<>();

    @Override
    public void changed(String hookId, @Nullable Hook before, @Nullable Hook after) {
        Hook wasLive = before != null && before.getStatus() != HookStatus.DELETED ? before : null;
        Hook isLive = after != null && after.getStatus() != HookStatus.DELETED ? after : null;
        if (wasLive != null) {
            if (isLive == null || !wasLive.getAppId().equals(isLive.getAppId())) {
                remove(byApp, wasLive.getAppId(), hookId);
            }
            if (isLive == null || !wasLive.getUserId().equals(isLive.getUserId())) {
                remove(byUser, wasLive.getUserId(), hookId);
            }
            if (isLive == null) {
                live.remove(hookId);
            }
        }
        if (isLive != null) {
            live.add(hookId);
            byApp.computeIfAbsent(isLive.getAppId(), k -> new ConcurrentSkipListSet<>())
                    .add(hookId);
            byUser.computeIfAbsent(isLive.getUserId(), k -> new ConcurrentSkipListSet<>())
                    .add(hookId);
        }
        keep(disabled, HookStatus.DISABLED, hookId, after);
        keep(deleted, HookStatus.DELETED, hookId, after);
    }

    /** Every hook id that is not deleted, in order. */
    public NavigableSet<String> live() {
        return Collections.unmodifiableNavigableSet(live);
    }

    /** The ids of the app's hooks that are not deleted, in order. */
    public NavigableSet<String> ofApp(String appId) {
        return Collections.unmodifiableNavigableSet(
                byApp.getOrDefault(appId, Collections.emptyNavigableSet()));
    }

    /** The ids of the user's hooks that are not deleted, in order. */
    public NavigableSet<String> ofUser(String userId) {
        return Collections.unmodifiableNavigableSet(
                byUser.getOrDefault(userId, Collections.emptyNavigableSet()));
    }

    /** The ids of the disabled hooks, in order. */
    public NavigableSet<String> disabled() {
        return Collections.unmodifiableNavigableSet(disabled);
    }

    /** The ids of the deleted hooks, in order. */
    public NavigableSet<String> deleted() {
        return Collections.unmodifiableNavigableSet(deleted);
    }

    private static void keep(
            NavigableSet<String> set, HookStatus status, String hookId, @Nullable Hook after) {
        if (after != null && after.getStatus() == status) {
            set.add(hookId);
        } else {
            set.remove(hookId);
        }
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
