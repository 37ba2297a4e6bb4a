package io.hookstream.webhook.makeapp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One component of the manifest.
 *
 * @param kind {@code connection}, {@code webhook}, {@code module}, {@code rpc} or {@code function}
 * @param id the component's name (its key in the map form, {@code name} in the array form)
 * @param pointer where the entry sits in the manifest, e.g. {@code /components/webhook/orders}
 * @param entry the manifest entry as written (label, webhookType, moduleType, connection, …)
 * @param codeFiles the file of each part the manifest names; a part mapped to {@code null} is
 *     declared absent
 */
record Component(
        String kind,
        String id,
        String pointer,
        JsonNode entry,
        Map<String, @Nullable String> codeFiles) {

    Component {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(entry, "entry");
        codeFiles = Collections.unmodifiableMap(new LinkedHashMap<>(codeFiles));
    }

    /** A text attribute of the manifest entry, or {@code null}. */
    @Nullable String attribute(String name) {
        JsonNode value = entry.get(name);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
