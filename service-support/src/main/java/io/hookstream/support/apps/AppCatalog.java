package io.hookstream.support.apps;

import io.hookstream.schemas.avro.App;
import io.hookstream.webhook.pipeline.HookScope;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.hookstream.webhook.spec.SpecException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled app definitions, one per app, recompiled only when the stored version changes. Compiling
 * an app parses its JSON and compiles every IML template, which is far too slow to repeat per
 * event. Thread-safe: entries are immutable and replaced atomically.
 */
public final class AppCatalog {

    /** The outcome of compiling one version of an app: it loaded or it did not, never both. */
    public sealed interface Compiled {

        String appId();

        long version();

        /**
         * The definition and the variables every webhook of the app sees ({@code common},
         * timezone).
         */
        record Loaded(String appId, long version, AppDefinition definition, HookScope appScope)
                implements Compiled {}

        /** Why the stored JSON does not load with this version. */
        record Unloadable(String appId, long version, String error) implements Compiled {}
    }

    private final AppDefinitionParser parser;
    private final HookScopes scopes = new HookScopes();
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    public AppCatalog(AppDefinitionParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    public Compiled compiled(App app) {
        // the common case, on every event: the cached version is current, and a plain read needs no
        // lock
        Compiled current = compiled.get(app.getAppId());
        if (current != null && current.version() == app.getVersion()) {
            return current;
        }
        return compiled.compute(
                app.getAppId(),
                (id, existing) ->
                        existing != null && existing.version() == app.getVersion()
                                ? existing
                                : compile(app));
    }

    /** Forgets an app, e.g. when it was deleted. */
    public void evict(String appId) {
        compiled.remove(appId);
    }

    private Compiled compile(App app) {
        try {
            AppDefinition definition = parser.parse(app.getAppId(), app.getDefinition());
            return new Compiled.Loaded(
                    app.getAppId(), app.getVersion(), definition, scopes.forApp(definition));
        } catch (SpecException e) {
            return new Compiled.Unloadable(
                    app.getAppId(),
                    app.getVersion(),
                    Objects.requireNonNullElse(e.getMessage(), "the definition was refused"));
        }
    }
}
