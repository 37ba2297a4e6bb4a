package io.hookstream.connections.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.WebhookKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HookIndexTest {

    private final HookIndex index = new HookIndex();

    @Test
    void idsAreKeptInOrderPerAppAndPerUserAndAPageStartsAtItsCursor() {
        put("h3", "acme", "ann");
        put("h1", "acme", "bob");
        put("h2", "other", "ann");

        assertThat(index.live()).containsExactly("h1", "h2", "h3");
        assertThat(index.ofApp("acme")).containsExactly("h1", "h3");
        assertThat(index.ofUser("ann")).containsExactly("h2", "h3");
        assertThat(index.ofUser("ann").tailSet("h2", false)).containsExactly("h3");
        assertThat(index.ofApp("nobody")).isEmpty();
    }

    @Test
    void aDisabledHookStaysLiveAndIsAlsoDisabledADeletedOneIsOnlyDeletedAndATombstoneIsNowhere() {
        Hook active = put("h1", "acme", "ann");
        Hook disabled = Hook.newBuilder(active).setStatus(HookStatus.DISABLED).build();
        index.changed("h1", active, disabled);
        assertThat(index.ofUser("ann")).containsExactly("h1");
        assertThat(index.ofApp("acme")).containsExactly("h1");
        assertThat(index.disabled()).containsExactly("h1");

        Hook deleted = Hook.newBuilder(disabled).setStatus(HookStatus.DELETED).build();
        index.changed("h1", disabled, deleted);
        assertThat(index.live()).isEmpty();
        assertThat(index.ofApp("acme")).isEmpty();
        assertThat(index.ofUser("ann")).isEmpty();
        assertThat(index.disabled()).isEmpty();
        assertThat(index.deleted()).containsExactly("h1");

        index.changed("h1", deleted, null);
        assertThat(index.deleted()).isEmpty();
        assertThat(index.live()).isEmpty();
    }

    @Test
    void aHookRewrittenForAnotherUserMovesToThatUser() {
        Hook first = put("h1", "acme", "ann");
        Hook moved = Hook.newBuilder(first).setUserId("bob").setAppId("other").build();
        index.changed("h1", first, moved);

        assertThat(index.ofUser("ann")).isEmpty();
        assertThat(index.ofApp("acme")).isEmpty();
        assertThat(index.ofUser("bob")).containsExactly("h1");
        assertThat(index.ofApp("other")).containsExactly("h1");
        assertThat(index.live()).containsExactly("h1");
    }

    private Hook put(String id, String app, String user) {
        Hook hook =
                Hook.newBuilder()
                        .setHookId(id)
                        .setAppId(app)
                        .setWebhookName("plain")
                        .setKind(WebhookKind.DEDICATED)
                        .setUserId(user)
                        .setParameters("{}")
                        .setStatus(HookStatus.ACTIVE)
                        .setTriggerTopic("t")
                        .setBundleFormat("default")
                        .setCreatedAt(Instant.EPOCH)
                        .setUpdatedAt(Instant.EPOCH)
                        .build();
        index.changed(id, null, hook);
        return hook;
    }
}
