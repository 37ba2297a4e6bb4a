package io.hookstream.webhook.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Immutable HTTP request headers: a multimap whose names are stored lower-cased (Decision D13), so
 * every lookup is case-insensitive. Names keep the order in which they first appeared, and the
 * values of a repeated header keep their order.
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(Map.of());

    private final Map<String, List<String>> byName;

    private Headers(Map<String, List<String>> byName) {
        this.byName = byName;
    }

    public static Headers empty() {
        return EMPTY;
    }

    /** Builds headers from name/value pairs as they came off the wire; names are lower-cased. */
    public static Headers of(List<? extends Map.Entry<String, String>> entries) {
        // one map, one immutable list per name: most names come once, and only a repeated name
        // needs a
        // growing list, frozen at the end
        Map<String, List<String>> byName = new LinkedHashMap<>();
        boolean repeated = false;
        for (Map.Entry<String, String> entry : entries) {
            String name = normalise(Objects.requireNonNull(entry.getKey(), "header name"));
            String value = Objects.requireNonNull(entry.getValue(), "header value");
            List<String> values = byName.putIfAbsent(name, List.of(value));
            if (values != null) {
                if (!(values instanceof ArrayList)) {
                    values = new ArrayList<>(values);
                    byName.put(name, values);
                }
                values.add(value);
                repeated = true;
            }
        }
        if (repeated) {
            byName.replaceAll((name, values) -> List.copyOf(values));
        }
        return new Headers(Collections.unmodifiableMap(byName));
    }

    /** Builds headers with one value per name, in the map's iteration order. */
    public static Headers of(Map<String, String> single) {
        return of(List.copyOf(single.entrySet()));
    }

    /** The first value of the header, or {@code null} when it is absent. */
    public @Nullable String first(String name) {
        List<String> values = byName.get(normalise(name));
        return values == null ? null : values.get(0);
    }

    /** Every value of the header in arrival order; empty when it is absent. */
    public List<String> all(String name) {
        return byName.getOrDefault(normalise(name), List.of());
    }

    /** Lower-cased names with all their values, in first-arrival order. */
    public Map<String, List<String>> asMap() {
        return byName;
    }

    /** Every name/value pair, names lower-cased, grouped by name in first-arrival order. */
    public List<Map.Entry<String, String>> entries() {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        byName.forEach(
                (name, values) -> values.forEach(value -> entries.add(Map.entry(name, value))));
        return List.copyOf(entries);
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Headers headers && byName.equals(headers.byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    @Override
    public String toString() {
        // values may be credentials, so only the names are printed
        return "Headers" + byName.keySet();
    }
}
