package io.hookstream.iml.value;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The properties of an {@link ObjectValue}: a map that no one else holds, read-only from here on.
 * An object built from these is not copied again, which spares the JSON parser and the object
 * templates a second map per object.
 */
final class OwnedProps extends AbstractMap<String, Value> {

    private final Map<String, Value> map;
    private final Set<Map.Entry<String, Value>> entries;

    /** Takes {@code map} over; the caller keeps no reference to it. */
    OwnedProps(LinkedHashMap<String, Value> map) {
        this.map = map;
        this.entries = Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public @Nullable Value get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public Set<Map.Entry<String, Value>> entrySet() {
        return entries;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Value> action) {
        map.forEach(action);
    }
}
