package io.hookstream.webhook.makeapp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A read {@code makecomapp.json}.
 *
 * @param name the app's name, if given
 * @param label the app's label, if given
 * @param generalCodeFiles the files of the app-wide parts ({@code base}, {@code common}, …)
 * @param components every component, in manifest order
 */
record Manifest(
        @Nullable String name,
        @Nullable String label,
        Map<String, @Nullable String> generalCodeFiles,
        List<Component> components) {

    Manifest {
        generalCodeFiles = Collections.unmodifiableMap(new LinkedHashMap<>(generalCodeFiles));
        components = List.copyOf(components);
    }

    List<Component> ofKind(String kind) {
        return components.stream().filter(c -> c.kind().equals(kind)).toList();
    }
}
