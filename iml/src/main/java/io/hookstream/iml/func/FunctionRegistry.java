package io.hookstream.iml.func;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An immutable set of functions by name. Building fails on a duplicate name. */
public final class FunctionRegistry {

    private final Map<String, FunctionSpec> functions;

    private FunctionRegistry(Map<String, FunctionSpec> functions) {
        this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with this registry's functions. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.functions.putAll(functions);
        return b;
    }

    public @Nullable FunctionSpec lookup(String name) {
        return functions.get(name);
    }

    public Collection<FunctionSpec> all() {
        return functions.values();
    }

    /** Collects specs; {@link #add} fails on duplicates. */
    public static final class Builder implements FunctionRegistration {
        private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();

        private Builder() {}

        @Override
        public Builder add(FunctionSpec spec) {
            if (functions.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("duplicate function '" + spec.name() + "'");
            }
            return this;
        }

        public Builder add(FunctionLibrary library) {
            library.register(this);
            return this;
        }

        public FunctionRegistry build() {
            return new FunctionRegistry(functions);
        }
    }
}
