package io.hookstream.iml.func;

import io.hookstream.iml.func.array.ArrayFunctions;
import io.hookstream.iml.func.date.DateFunctions;
import io.hookstream.iml.func.general.GeneralFunctions;
import io.hookstream.iml.func.json.JsonFunctions;
import io.hookstream.iml.func.math.MathFunctions;
import io.hookstream.iml.func.runtime.RuntimeFunctions;
import io.hookstream.iml.func.text.TextFunctions;
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

    /** The standard catalogue of §5. */
    public static FunctionRegistry standard() {
        return Holder.STANDARD;
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
    public static final class Builder {
        private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();

        private Builder() {}

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

    private static final class Holder {
        static final FunctionRegistry STANDARD =
                builder()
                        .add(new GeneralFunctions())
                        .add(new TextFunctions())
                        .add(new MathFunctions())
                        .add(new DateFunctions())
                        .add(new ArrayFunctions())
                        .add(new JsonFunctions())
                        .add(new RuntimeFunctions())
                        .build();
    }
}
