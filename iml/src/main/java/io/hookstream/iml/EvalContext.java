package io.hookstream.iml;

import io.hookstream.iml.value.Value;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The inputs of one evaluation: root variables, the time zone (D16, default UTC) and optionally a
 * fixed "now" (otherwise the clock is read once per evaluation). Immutable and shareable; derive
 * variants with {@link #rebuild()} or, cheaply, with {@link #with(String, Value)}.
 *
 * <p>A variable may be bound lazily ({@link Builder#lazyVariable}): its value is computed the first
 * time an evaluation reads it, once, so that an expensive input (a parsed request body) costs
 * nothing when no expression reads it.
 */
public final class EvalContext {

    private static final EvalContext EMPTY =
            new EvalContext(Map.of(), Map.of(), null, null, null, ZoneOffset.UTC, null);

    private final Map<String, Value> variables;
    private final Map<String, Lazy> lazy;
    private final @Nullable EvalContext parent;
    private final @Nullable String extraName;
    private final @Nullable Value extraValue;
    private final ZoneId timezone;
    private final @Nullable Instant now;

    private EvalContext(
            Map<String, Value> variables,
            Map<String, Lazy> lazy,
            @Nullable EvalContext parent,
            @Nullable String extraName,
            @Nullable Value extraValue,
            ZoneId timezone,
            @Nullable Instant now) {
        this.variables = variables;
        this.lazy = lazy;
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
        if (parent == null) {
            b.variables.putAll(variables);
            b.lazy.putAll(lazy);
        } else {
            b.variables.putAll(variables());
        }
        b.timezone = timezone;
        b.now = now;
        return b;
    }

    /**
     * This context plus one variable (shadowing a variable of the same name), without copying the
     * others: meant for binding {@code item} once per iterated element.
     */
    public EvalContext with(String name, Value value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return new EvalContext(Map.of(), Map.of(), this, name, value, timezone, now);
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
                Lazy l = c.lazy.isEmpty() ? null : c.lazy.get(name);
                if (l != null) {
                    return l.get();
                }
            }
            c = c.parent;
        }
        return null;
    }

    /** All bound variables, inner bindings winning; lazily bound ones are computed here. */
    public Map<String, Value> variables() {
        if (parent == null) {
            if (lazy.isEmpty()) {
                return variables;
            }
            Map<String, Value> all = new LinkedHashMap<>(variables);
            lazy.forEach((name, l) -> all.put(name, l.get()));
            return Collections.unmodifiableMap(all);
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

    /** A value computed once, on first use; safe to read from several threads. */
    private static final class Lazy {
        private @Nullable Supplier<Value> supplier;
        private volatile @Nullable Value value;

        Lazy(Supplier<Value> supplier) {
            this.supplier = supplier;
        }

        Value get() {
            Value v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        // the supplier is dropped only once the value is set, so it is here while v
                        // is null
                        Supplier<Value> s =
                                Objects.requireNonNull(supplier, "lazy variable supplier");
                        v = Objects.requireNonNull(s.get(), "lazy variable value");
                        value = v;
                        supplier = null;
                    }
                }
            }
            return v;
        }
    }

    /** Builds an {@link EvalContext}. */
    public static final class Builder {
        private final Map<String, Value> variables = new LinkedHashMap<>();
        private final Map<String, Lazy> lazy = new LinkedHashMap<>();
        private ZoneId timezone = ZoneOffset.UTC;
        private @Nullable Instant now;

        private Builder() {}

        public Builder variable(String name, Value value) {
            variables.put(
                    Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            lazy.remove(name);
            return this;
        }

        /**
         * Binds a variable whose value is computed by {@code value} the first time an evaluation
         * reads it (at most once per built context). The supplier must not return null; what it
         * throws reaches the evaluation that read the variable.
         */
        public Builder lazyVariable(String name, Supplier<Value> value) {
            Objects.requireNonNull(value, "value");
            lazy.put(Objects.requireNonNull(name, "name"), new Lazy(value));
            variables.remove(name);
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
            return new EvalContext(
                    Collections.unmodifiableMap(new LinkedHashMap<>(variables)),
                    lazy.isEmpty() ? Map.of() : Map.copyOf(lazy),
                    null,
                    null,
                    null,
                    timezone,
                    now);
        }
    }
}
