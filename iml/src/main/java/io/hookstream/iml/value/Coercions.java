package io.hookstream.iml.value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every coercion and comparison rule of IML in one place: argument coercion (§4 of the spec),
 * operator operands (§3.5), equality (D1), relational and sort order.
 */
public final class Coercions {

    private Coercions() {}

    // ---- argument coercion (§4) ----

    /**
     * Number expected: numbers as they are, numeric text parsed, booleans as 1/0, dates as epoch
     * milliseconds; null for anything else (including null and undefined).
     */
    public static @Nullable BigDecimal toNumber(Value v) {
        switch (v.kind()) {
            case NUMBER:
                return ((NumberValue) v).value();
            case TEXT:
                return Numbers.parse(((TextValue) v).value());
            case BOOLEAN:
                return ((BoolValue) v).value() ? BigDecimal.ONE : BigDecimal.ZERO;
            case DATE:
                return BigDecimal.valueOf(((DateValue) v).value().toEpochMilli());
            default:
                return null;
        }
    }

    /**
     * Boolean expected (§4): any number is true (even 0), text is false when it is {@code "false"}
     * or empty, null and undefined are false, anything else is true.
     */
    public static boolean toBoolean(Value v) {
        switch (v.kind()) {
            case UNDEFINED:
            case NULL:
                return false;
            case BOOLEAN:
                return ((BoolValue) v).value();
            case TEXT:
                {
                    String s = ((TextValue) v).value();
                    return !s.isEmpty() && !s.equals("false");
                }
            default:
                return true;
        }
    }

    /**
     * Date expected: dates as they are, text read as ISO-8601 (wall clock in {@code zone}), numbers
     * as epoch ms.
     */
    public static @Nullable Instant toDate(Value v, ZoneId zone) {
        switch (v.kind()) {
            case DATE:
                return ((DateValue) v).value();
            case TEXT:
                return Dates.parseIso(((TextValue) v).value(), zone);
            case NUMBER:
                {
                    BigDecimal n = ((NumberValue) v).value();
                    try {
                        return Instant.ofEpochMilli(n.longValue());
                    } catch (java.time.DateTimeException e) {
                        return null;
                    }
                }
            default:
                return null;
        }
    }

    /**
     * Array expected: arrays as they are, null and undefined as an empty array, anything else
     * wrapped.
     */
    public static ArrayValue toArray(Value v) {
        switch (v.kind()) {
            case ARRAY:
                return (ArrayValue) v;
            case UNDEFINED:
            case NULL:
                return (ArrayValue) Values.EMPTY_ARRAY;
            default:
                return new ArrayValue(List.of(v));
        }
    }

    /** The bytes of a buffer, or the UTF-8 bytes of the value's text form. */
    public static byte[] toBytes(Value v) {
        if (v.kind() == Kind.BUFFER) {
            return ((BufferValue) v).bytes();
        }
        return Values.text(v).getBytes(StandardCharsets.UTF_8);
    }

    // ---- operators (§3.5) ----

    /**
     * Operand of {@code - * / %}: numbers, numeric text, booleans, dates as epoch milliseconds and
     * null as 0 (as in JavaScript); null for values that have no number.
     */
    public static @Nullable BigDecimal operandNumber(Value v) {
        if (v.kind() == Kind.NULL) {
            return BigDecimal.ZERO;
        }
        return toNumber(v);
    }

    /** One equality for {@code = == === != !==} (D1). */
    public static boolean equal(Value a, Value b) {
        Kind ka = a.kind();
        Kind kb = b.kind();
        if (ka == kb) {
            return a.equals(b);
        }
        if (ka == Kind.NUMBER && kb == Kind.TEXT) {
            return numberEqualsText((NumberValue) a, (TextValue) b);
        }
        if (ka == Kind.TEXT && kb == Kind.NUMBER) {
            return numberEqualsText((NumberValue) b, (TextValue) a);
        }
        if (ka == Kind.DATE && kb == Kind.TEXT) {
            return dateEqualsText((DateValue) a, (TextValue) b);
        }
        if (ka == Kind.TEXT && kb == Kind.DATE) {
            return dateEqualsText((DateValue) b, (TextValue) a);
        }
        return false;
    }

    private static boolean numberEqualsText(NumberValue n, TextValue t) {
        BigDecimal parsed = Numbers.parse(t.value());
        return parsed != null && parsed.compareTo(n.value()) == 0;
    }

    private static boolean dateEqualsText(DateValue d, TextValue t) {
        Instant parsed = Dates.parseIso(t.value(), ZoneOffset.UTC);
        return parsed != null && parsed.equals(d.value());
    }

    /**
     * Order for {@code < <= > >=}: numbers numerically, text by UTF-16 code units, dates by
     * instant, a date and ISO text by instant, otherwise numerically when both sides have a number.
     * Returns null when the two values are not comparable (the comparison is then false).
     */
    public static @Nullable Integer compare(Value a, Value b) {
        Kind ka = a.kind();
        Kind kb = b.kind();
        if (ka == Kind.TEXT && kb == Kind.TEXT) {
            return Integer.signum(((TextValue) a).value().compareTo(((TextValue) b).value()));
        }
        if (ka == Kind.DATE || kb == Kind.DATE) {
            Instant ia =
                    ka == Kind.TEXT
                            ? Dates.parseIso(((TextValue) a).value(), ZoneOffset.UTC)
                            : null;
            Instant ib =
                    kb == Kind.TEXT
                            ? Dates.parseIso(((TextValue) b).value(), ZoneOffset.UTC)
                            : null;
            if (ka == Kind.DATE) {
                ia = ((DateValue) a).value();
            }
            if (kb == Kind.DATE) {
                ib = ((DateValue) b).value();
            }
            if (ia != null && ib != null) {
                return Integer.signum(ia.compareTo(ib));
            }
        }
        BigDecimal na = operandNumber(a);
        BigDecimal nb = operandNumber(b);
        if (na != null && nb != null) {
            return na.compareTo(nb);
        }
        return null;
    }

    /**
     * Total order used by {@code sort}: numbers, then text, then dates, then booleans, then
     * everything else; null and undefined last. Text compares by code units (uppercase before
     * lowercase) unless {@code ignoreCase}.
     */
    public static int sortOrder(Value a, Value b, boolean ignoreCase) {
        int ra = sortRank(a);
        int rb = sortRank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        switch (a.kind()) {
            case NUMBER:
                return ((NumberValue) a).value().compareTo(((NumberValue) b).value());
            case TEXT:
                {
                    String sa = ((TextValue) a).value();
                    String sb = ((TextValue) b).value();
                    return ignoreCase ? sa.compareToIgnoreCase(sb) : sa.compareTo(sb);
                }
            case DATE:
                return ((DateValue) a).value().compareTo(((DateValue) b).value());
            case BOOLEAN:
                return Boolean.compare(((BoolValue) a).value(), ((BoolValue) b).value());
            default:
                return 0;
        }
    }

    private static int sortRank(Value v) {
        switch (v.kind()) {
            case NUMBER:
                return 0;
            case TEXT:
                return 1;
            case DATE:
                return 2;
            case BOOLEAN:
                return 3;
            case NULL:
                return 5;
            case UNDEFINED:
                return 6;
            default:
                return 4;
        }
    }
}
