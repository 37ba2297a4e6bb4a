package io.hookstream.router.routing;

import io.hookstream.iml.value.Value;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.webhook.pipeline.HookScope;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The variables of a dedicated hook's directives and the secrets its bundles must not carry, built
 * once per revision of the hook, its connection and its app rather than for every event.
 *
 * <p>Building them parses the hook's parameters and attach data and opens the sealed connection
 * data (AES-GCM, then JSON): work that otherwise repeats for every event of the hook. Kafka Streams
 * hands every event freshly deserialised records, so a cached entry is reused only while the fields
 * it was built from are equal; a hook or connection that changed builds a new one. The cache is
 * shared by the stream threads and emptied when it holds {@code maxEntries}, so memory follows the
 * active hooks.
 */
final class DedicatedScopes {

    /** What an entry was built from, and what was built. */
    private record Entry(
            String parameters,
            @Nullable String webhookData,
            @Nullable String connectionId,
            @Nullable ByteBuffer sealedData,
            @Nullable String encryption,
            HookScope appScope,
            Prepared prepared) {

        boolean builtFrom(Hook hook, @Nullable Connection connection, HookScope currentAppScope) {
            return appScope == currentAppScope
                    && parameters.equals(hook.getParameters())
                    && Objects.equals(webhookData, hook.getWebhookData())
                    && Objects.equals(
                            connectionId, connection == null ? null : connection.getConnectionId())
                    && Objects.equals(sealedData, connection == null ? null : connection.getData())
                    && Objects.equals(
                            encryption, connection == null ? null : connection.getDataEncryption());
        }
    }

    /**
     * A dedicated hook's scope and the strings of its connection data that must stay out of
     * bundles.
     */
    record Prepared(HookScope scope, List<String> secrets) {}

    /** Opens a connection's sealed data as the {@code connection} variable. */
    @FunctionalInterface
    interface Opener {
        @Nullable Value open(@Nullable Connection connection);
    }

    /** Builds a hook's scope from the app's scope, the hook and its opened connection data. */
    @FunctionalInterface
    interface ScopeBuilder {
        HookScope build(HookScope appScope, Hook hook, @Nullable Value connection);
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Opener opener;
    private final ScopeBuilder builder;

    DedicatedScopes(int maxEntries, Opener opener, ScopeBuilder builder) {
        this.maxEntries = maxEntries;
        this.opener = opener;
        this.builder = builder;
    }

    /**
     * The hook's prepared scope; exceptions of opening the connection data pass through and nothing
     * is cached.
     */
    Prepared of(Hook hook, @Nullable Connection connection, HookScope appScope) {
        Entry cached = entries.get(hook.getHookId());
        if (cached != null && cached.builtFrom(hook, connection, appScope)) {
            return cached.prepared();
        }
        Value opened = opener.open(connection);
        Prepared prepared =
                new Prepared(builder.build(appScope, hook, opened), ConnectionSecrets.of(opened));
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(
                hook.getHookId(),
                new Entry(
                        hook.getParameters(),
                        hook.getWebhookData(),
                        connection == null ? null : connection.getConnectionId(),
                        connection == null ? null : connection.getData().duplicate(),
                        connection == null ? null : connection.getDataEncryption(),
                        appScope,
                        prepared));
        return prepared;
    }

    int size() {
        return entries.size();
    }
}
