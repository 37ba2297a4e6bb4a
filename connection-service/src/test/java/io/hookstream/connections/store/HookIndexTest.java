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

        assertThat(index.all()).containsExactly("h1", "h2", "h3");
        assertThat(index.ofApp("acme")).containsExactly("h1", "h3");
        assertThat(index.ofUser("ann")).containsExactly("h2", "h3");
        assertThat(index.ofUser("ann").tailSet("h2", false)).containsExactly("h3");
        assertThat(index.ofApp("nobody")).isEmpty();
    }

    @Test
    void aChangeOfStatusKeepsTheIdWhereItWasAndATombstoneRemovesItEverywhere() {
        Hook active = put("h1", "acme", "ann");
        Hook disabled = Hook.newBuilder(active).setStatus(HookStatus.DISABLED).build();
        index.changed("h1", active, disabled);
        assertThat(index.ofUser("ann")).containsExactly("h1");

        index.changed("h1", disabled, null);
        assertThat(index.all()).isEmpty();
        assertThat(index.ofApp("acme")).isEmpty();
        assertThat(index.ofUser("ann")).isEmpty();
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
        assertThat(index.all()).containsExactly("h1");
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
