package io.hookstream.iml.func;

import io.hookstream.iml.value.Value;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A declared function: name, parameters (with an optional repeated last parameter), return type,
 * implementation and a one-line doc. The evaluator checks arity when compiling and coerces
 * arguments before calling, so implementations never re-check them.
 *
 * @param passMissing when false (the default for functions whose first parameter is typed) a null
 *     or undefined first argument is returned unchanged without calling the implementation
 * @param pure true when the result depends only on the arguments, so calls with constant arguments
 *     can be folded at compile time
 */
public record FunctionSpec(
        String name,
        List<Param> params,
        @Nullable Param varargs,
        ValueType returns,
        Implementation implementation,
        String doc,
        boolean passMissing,
        boolean pure) {

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        params = List.copyOf(params);
        boolean optionalSeen = false;
        for (Param p : params) {
            if (optionalSeen && !p.optional()) {
                throw new IllegalArgumentException(
                        name + ": required parameter after an optional one");
            }
            optionalSeen |= p.optional();
        }
    }

    /** The implementation of a function; either {@link Eager} or {@link Lazy}. */
    public sealed interface Implementation permits Eager, Lazy {}

    /** Receives evaluated, coerced arguments. */
    @FunctionalInterface
    public non-sealed interface Eager extends Implementation {
        Value apply(Value[] args, CallContext cx);
    }

    /** Receives unevaluated arguments, for functions that evaluate only the branch they need. */
    @FunctionalInterface
    public non-sealed interface Lazy extends Implementation {
        Value apply(LazyArgs args, CallContext cx);
    }

    public int minArity() {
        int n = 0;
        for (Param p : params) {
            if (!p.optional()) {
                n++;
            }
        }
        return n;
    }

    /** The maximum number of arguments, or -1 for no maximum. */
    public int maxArity() {
        return varargs == null ? params.size() : -1;
    }

    /** The parameter that receives argument {@code index}. */
    public Param param(int index) {
        if (index < params.size()) {
            return params.get(index);
        }
        if (varargs == null) {
            throw new IndexOutOfBoundsException(index);
        }
        return varargs;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a spec step by step; {@code passMissing} defaults as described on the record. */
    public static final class Builder {
        private final String name;
        private final java.util.ArrayList<Param> params = new java.util.ArrayList<>();
        private @Nullable Param varargs;
        private ValueType returns = ValueType.ANY;
        private @Nullable Implementation implementation;
        private String doc = "";
        private @Nullable Boolean passMissing;
        private boolean pure = true;

        private Builder(String name) {
            this.name = name;
        }

        public Builder param(String name, ValueType type) {
            params.add(Param.required(name, type));
            return this;
        }

        public Builder optional(String name, ValueType type) {
            params.add(Param.optional(name, type));
            return this;
        }

        public Builder varargs(String name, ValueType type) {
            varargs = Param.optional(name, type);
            return this;
        }

        public Builder returns(ValueType type) {
            returns = type;
            return this;
        }

        public Builder eager(Eager impl) {
            implementation = impl;
            return this;
        }

        public Builder lazy(Lazy impl) {
            implementation = impl;
            passMissing = true;
            return this;
        }

        public Builder doc(String doc) {
            this.doc = doc;
            return this;
        }

        /** Calls the implementation even when the first argument is null or undefined. */
        public Builder passMissing() {
            passMissing = true;
            return this;
        }

        /** Returns a null or undefined first argument unchanged even though its type is ANY. */
        public Builder propagateMissing() {
            passMissing = false;
            return this;
        }

        /** Marks the function as depending on the clock, randomness or the time zone. */
        public Builder impure() {
            pure = false;
            return this;
        }

        public FunctionSpec build() {
            Objects.requireNonNull(implementation, name + ": no implementation");
            boolean pass =
                    passMissing != null
                            ? passMissing
                            : params.isEmpty() || params.get(0).type() == ValueType.ANY;
            return new FunctionSpec(
                    name, params, varargs, returns, implementation, doc, pass, pure);
        }
    }
}
