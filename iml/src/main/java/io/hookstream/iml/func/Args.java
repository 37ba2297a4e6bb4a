package io.hookstream.iml.func;

import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.BoolValue;
import io.hookstream.iml.value.Coercions;
import io.hookstream.iml.value.DateValue;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.NumberValue;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Readers for already-coerced arguments. Because the evaluator coerced each argument to its
 * declared type, these only distinguish "present" from "left out, null or undefined".
 */
public final class Args {

    private Args() {}

    /** True when argument {@code i} was given and is neither null nor undefined. */
    public static boolean has(Value[] args, int i) {
        return i < args.length && !Values.isMissing(args[i]);
    }

    public static String text(Value[] args, int i) {
        return i < args.length ? Values.text(args[i]) : "";
    }

    public static String text(Value[] args, int i, String fallback) {
        return has(args, i) ? Values.text(args[i]) : fallback;
    }

    public static @Nullable BigDecimal number(Value[] args, int i) {
        return has(args, i) && args[i].kind() == Kind.NUMBER
                ? ((NumberValue) args[i]).value()
                : null;
    }

    public static BigDecimal number(Value[] args, int i, BigDecimal fallback) {
        BigDecimal n = number(args, i);
        return n != null ? n : fallback;
    }

    /** An integer argument, truncated, clamped to the int range. */
    public static int integer(Value[] args, int i, int fallback) {
        BigDecimal n = number(args, i);
        if (n == null) {
            return fallback;
        }
        if (n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return Integer.MAX_VALUE;
        }
        if (n.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            return Integer.MIN_VALUE;
        }
        return n.intValue();
    }

    public static boolean bool(Value[] args, int i, boolean fallback) {
        if (!has(args, i)) {
            return fallback;
        }
        return args[i].kind() == Kind.BOOLEAN
                ? ((BoolValue) args[i]).value()
                : Coercions.toBoolean(args[i]);
    }

    public static @Nullable Instant date(Value[] args, int i) {
        return has(args, i) && args[i].kind() == Kind.DATE ? ((DateValue) args[i]).value() : null;
    }

    public static ArrayValue array(Value[] args, int i) {
        return i < args.length ? Coercions.toArray(args[i]) : (ArrayValue) Values.EMPTY_ARRAY;
    }

    public static @Nullable ObjectValue object(Value[] args, int i) {
        return has(args, i) && args[i].kind() == Kind.OBJECT ? (ObjectValue) args[i] : null;
    }
}
