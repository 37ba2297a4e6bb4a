package io.hookstream.iml;

import io.hookstream.iml.value.Value;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The inputs of one evaluation: root variables, the time zone (D16, default UTC) and optionally a fixed
 * "now" (otherwise the clock is read once per evaluation). Immutable and shareable; derive variants with
 * {@link #rebuild()} or, cheaply, with {@link #with(String, Value)}.
 */
public final class EvalContext {

    private static final EvalContext EMPTY = new EvalContext(Map.of(), null, null, null, ZoneOffset.UTC, null);

    private final Map<String, Value> variables;
    private final @Nullable EvalContext parent;
    private final @Nullable String extraName;
    private final @Nullable Value extraValue;
    private final ZoneId timezone;
    private final @Nullable Instant now;

    private EvalContext(Map<String, Value> variables, @Nullable EvalContext parent, @Nullable String extraName,
            @Nullable Value extraValue, ZoneId timezone, @Nullable Instant now) {
        this.variables = variables;
        this.parent = parent;
        this.extraName = extraName;
        this.extraValue = extraValue;
        this.timezone = timezone;
        this.now = now;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A context with no variables, UTC and the system clock. */
    public static EvalContext empty() {
        return EMPTY;
    }

    /** A builder holding this context's variables, time zone and now. */
    public Builder rebuild() {
        Builder b = new Builder();
        b.variables.putAll(variables());
        b.timezone = timezone;
        b.now = now;
        return b;
    }

    /**
     * This context plus one variable (shadowing a variable of the same name), without copying the others:
     * meant for binding {@code item} once per iterated element.
     */
    public EvalContext with(String name, Value value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return new EvalContext(Map.of(), this, name, value, timezone, now);
    }

    /** The variable, or null when it is not bound. */
    public @Nullable Value variable(String name) {
        EvalContext c = this;
        while (c != null) {
            if (c.extraName != null) {
                if (c.extraName.equals(name)) {
                    return c.extraValue;
                }
            } else {
                Value v = c.variables.get(name);
                if (v != null) {
                    return v;
                }
            }
            c = c.parent;
        }
        return null;
    }

    /** All bound variables, inner bindings winning. */
    public Map<String, Value> variables() {
        if (parent == null) {
            return variables;
        }
        Map<String, Value> all = new LinkedHashMap<>(parent.variables());
        if (extraName != null && extraValue != null) {
            all.put(extraName, extraValue);
        }
        return Collections.unmodifiableMap(all);
    }

    public ZoneId timezone() {
        return timezone;
    }

    /** The fixed current instant, or null to read the clock once per evaluation. */
    public @Nullable Instant now() {
        return now;
    }

    /** Builds an {@link EvalContext}. */
    public static final class Builder {
        private final Map<String, Value> variables = new LinkedHashMap<>();
        private ZoneId timezone = ZoneOffset.UTC;
        private @Nullable Instant now;

        private Builder() {
        }

        public Builder variable(String name, Value value) {
            variables.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder variables(Map<String, Value> values) {
            values.forEach(this::variable);
            return this;
        }

        public Builder timezone(ZoneId timezone) {
            this.timezone = Objects.requireNonNull(timezone, "timezone");
            return this;
        }

        public Builder now(@Nullable Instant now) {
            this.now = now;
            return this;
        }

        public EvalContext build() {
            return new EvalContext(Collections.unmodifiableMap(new LinkedHashMap<>(variables)), null, null, null,
                    timezone, now);
        }
    }
}
