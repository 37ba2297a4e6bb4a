package io.hookstream.connections.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.WebhookKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class HookListingTest {

    private final HookIndex index = new HookIndex();
    private final Map<String, Hook> hooks = new HashMap<>();
    private final AtomicLong lookups = new AtomicLong();
    private final HookListing listing =
            new HookListing(
                    index,
                    id -> {
                        lookups.incrementAndGet();
                        return hooks.get(id);
                    });

    @Test
    void pagesFollowTheirCursorsAndEndWithNoNext() {
        for (int i = 0; i < 7; i++) {
            put(id(i), "acme", "u" + (i % 2), HookStatus.ACTIVE);
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            HookListing.Page page = listing.page(new HookListing.Query(null, null, null, after, 3));
            page.hooks().forEach(h -> seen.add(h.getHookId()));
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(id(0), id(1), id(2), id(3), id(4), id(5), id(6));
        assertThat(ids(new HookListing.Query(null, "u1", null, null, 10)))
                .containsExactly(id(1), id(3), id(5));
        assertThat(ids(new HookListing.Query("acme", "u0", null, id(2), 10)))
                .containsExactly(id(4), id(6));
        assertThat(ids(new HookListing.Query("other", null, null, null, 10))).isEmpty();
    }

    @Test
    void statusesAreListedApartAndDeletedHooksOnlyWhenAskedFor() {
        put(id(0), "acme", "ann", HookStatus.ACTIVE);
        put(id(1), "acme", "ann", HookStatus.DISABLED);
        put(id(2), "acme", "ann", HookStatus.DELETED);
        put(id(3), "other", "bob", HookStatus.DISABLED);

        assertThat(ids(new HookListing.Query(null, null, null, null, 10)))
                .containsExactly(id(0), id(1), id(3));
        assertThat(ids(new HookListing.Query(null, null, HookStatus.ACTIVE, null, 10)))
                .containsExactly(id(0));
        assertThat(ids(new HookListing.Query("acme", null, HookStatus.DISABLED, null, 10)))
                .containsExactly(id(1));
        assertThat(ids(new HookListing.Query(null, "ann", HookStatus.DELETED, null, 10)))
                .containsExactly(id(2));
        assertThat(ids(new HookListing.Query(null, null, HookStatus.DELETED, null, 10)))
                .containsExactly(id(2));
    }

    /**
     * What a page costs is counted in hooks looked up, not timed: among many hooks, most of them
     * deleted, a page looks up about its own size wherever its cursor is and whatever it filters
     * on.
     */
    @Test
    void aPageLooksUpAboutItsOwnSizeAmongManyHooksMostOfThemDeleted() {
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            HookStatus status =
                    i % 10 == 0
                            ? HookStatus.ACTIVE
                            : i % 10 == 1 ? HookStatus.DISABLED : HookStatus.DELETED;
            put(id(i), "app" + (i % 3), "user" + (i % 5_000), status);
        }
        List<HookListing.Query> queries =
                List.of(
                        new HookListing.Query(null, null, null, null, 25),
                        new HookListing.Query(null, null, null, id(n / 2), 25),
                        new HookListing.Query("app1", null, null, id(n / 2), 25),
                        new HookListing.Query(null, null, HookStatus.DISABLED, id(n / 3), 25),
                        new HookListing.Query("app2", null, HookStatus.ACTIVE, null, 25),
                        new HookListing.Query(null, "user10", null, null, 25));
        for (HookListing.Query query : queries) {
            lookups.set(0);
            HookListing.Page page = listing.page(query);
            assertThat(page.hooks()).as(query.toString()).isNotEmpty();
            // the page and its one extra, and at most as many skipped: the disabled among
            // active ones, or another app's among a set of all apps
            assertThat(lookups.get()).as(query.toString()).isLessThanOrEqualTo(2L * 26 + 26);
        }
    }

    private List<String> ids(HookListing.Query query) {
        return listing.page(query).hooks().stream().map(Hook::getHookId).toList();
    }

    private static String id(int i) {
        return String.format("h%07d", i);
    }

    private void put(String id, String app, String user, HookStatus status) {
        Hook hook =
                Hook.newBuilder()
                        .setHookId(id)
                        .setAppId(app)
                        .setWebhookName("plain")
                        .setKind(WebhookKind.DEDICATED)
                        .setUserId(user)
                        .setParameters("{}")
                        .setStatus(status)
                        .setTriggerTopic("t")
                        .setBundleFormat("default")
                        .setCreatedAt(Instant.EPOCH)
                        .setUpdatedAt(Instant.EPOCH)
                        .build();
        @Nullable Hook before = hooks.put(id, hook);
        index.changed(id, before, hook);
    }
}
