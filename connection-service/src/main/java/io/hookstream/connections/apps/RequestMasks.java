package io.hookstream.connections.apps;

import io.hookstream.connections.store.ControlPlaneStore;
import io.hookstream.schemas.avro.App;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.webhook.masking.RequestMask;
import java.util.List;

/**
 * The mask for a stored request of an app: its {@code log.sanitize} paths on top of the credential
 * headers every request hides. An app that is gone or does not load gets the credential headers
 * alone, never the unmasked request.
 */
public final class RequestMasks {

    /** Longer header values are cut when a stored request is shown. */
    private static final int MAX_HEADER_VALUE = 1024;

    private final ControlPlaneStore store;
    private final AppCatalog catalog;

    public RequestMasks(ControlPlaneStore store, AppCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    public RequestMask of(String appId) {
        App app = store.app(appId);
        List<String> sanitize =
                app != null && catalog.compiled(app) instanceof AppCatalog.Compiled.Loaded loaded
                        ? loaded.definition().logSanitize()
                        : List.of();
        return new RequestMask(sanitize, MAX_HEADER_VALUE);
    }
}
