package io.hookstream.iml.value;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An immutable object whose properties keep their insertion order. */
public record ObjectValue(Map<String, Value> props) implements Value {

    public ObjectValue {
        props = props instanceof OwnedProps ? props : new OwnedProps(new LinkedHashMap<>(props));
    }

    /** The property value, or {@code null} when the key is absent. */
    public @Nullable Value get(String key) {
        return props.get(key);
    }

    /** The property whose key equals {@code key} ignoring case; an exact match wins. */
    public @Nullable Value getIgnoreCase(String key) {
        Value exact = props.get(key);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Value> e : props.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public Kind kind() {
        return Kind.OBJECT;
    }

    @Override
    public String toString() {
        return JsonText.write(this);
    }
}
