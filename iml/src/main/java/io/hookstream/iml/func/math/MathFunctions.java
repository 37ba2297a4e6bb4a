package io.hookstream.iml.func.math;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.func.Args;
import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.func.FunctionLibrary;
import io.hookstream.iml.func.FunctionRegistration;
import io.hookstream.iml.func.FunctionSpec;
import io.hookstream.iml.func.ValueType;
import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.Coercions;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.NumberValue;
import io.hookstream.iml.value.Numbers;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Math functions of §5.3, in decimal arithmetic rounded to 20 significant digits (D20). */
public final class MathFunctions implements FunctionLibrary {

    /**
     * Bound on decimal places, so that {@code formatNumber(x, 1e9)} cannot ask for a billion zeros.
     */
    private static final int MAX_DECIMALS = 100;

    @Override
    public void register(FunctionRegistration r) {
        r.add(unary("abs", MathFunctions::abs, "Absolute value."));
        r.add(unary("ceil", MathFunctions::ceil, "Smallest integer not below the number."));
        r.add(unary("floor", MathFunctions::floor, "Largest integer not above the number."));
        r.add(
                FunctionSpec.builder("round")
                        .param("number", ValueType.NUMBER)
                        .optional("decimals", ValueType.NUMBER)
                        .returns(ValueType.NUMBER)
                        .eager(MathFunctions::round)
                        .doc(
                                "Rounds half up (towards +infinity, as JavaScript Math.round), optionally to decimals.")
                        .build());
        r.add(
                FunctionSpec.builder("trunc")
                        .param("number", ValueType.NUMBER)
                        .optional("decimals", ValueType.NUMBER)
                        .returns(ValueType.NUMBER)
                        .eager(MathFunctions::trunc)
                        .doc(
                                "Drops digits after `decimals` places (default 0); negative decimals zero integer digits.")
                        .build());
        r.add(
                aggregate(
                        "sum",
                        MathFunctions::sum,
                        "Sum of the numbers (one array or several values)."));
        r.add(aggregate("average", MathFunctions::average, "Mean of the numbers."));
        r.add(aggregate("min", MathFunctions::min, "Smallest number."));
        r.add(aggregate("max", MathFunctions::max, "Largest number."));
        r.add(
                aggregate(
                        "median",
                        MathFunctions::median,
                        "Median; the mean of the middle two for an even count."));
        r.add(aggregate("stdevS", MathFunctions::stdevS, "Sample standard deviation."));
        r.add(aggregate("stdevP", MathFunctions::stdevP, "Population standard deviation."));
        r.add(
                FunctionSpec.builder("parseNumber")
                        .param("text", ValueType.TEXT)
                        .optional("decimalSeparator", ValueType.TEXT)
                        .returns(ValueType.NUMBER)
                        .eager(MathFunctions::parseNumber)
                        .doc(
                                "Reads localized numeric text; the decimal separator is ',' or '.' (default).")
                        .build());
        r.add(
                FunctionSpec.builder("formatNumber")
                        .param("number", ValueType.NUMBER)
                        .param("decimals", ValueType.NUMBER)
                        .optional("decimalSeparator", ValueType.TEXT)
                        .optional("thousandsSeparator", ValueType.TEXT)
                        .returns(ValueType.TEXT)
                        .eager(MathFunctions::formatNumber)
                        .doc(
                                "Formats with fixed decimals (half up) and separators (defaults ',' and '.').")
                        .build());
    }

    private static FunctionSpec unary(String name, FunctionSpec.Eager impl, String doc) {
        return FunctionSpec.builder(name)
                .param("number", ValueType.NUMBER)
                .returns(ValueType.NUMBER)
                .eager(impl)
                .doc(doc)
                .build();
    }

    private static FunctionSpec aggregate(String name, FunctionSpec.Eager impl, String doc) {
        return FunctionSpec.builder(name)
                .param("values", ValueType.ANY)
                .varargs("more", ValueType.ANY)
                .returns(ValueType.NUMBER)
                .eager(impl)
                .doc(doc)
                .build();
    }

    private static BigDecimal num(Value v) {
        return ((NumberValue) v).value();
    }

    static Value abs(Value[] args, CallContext cx) {
        return Values.number(num(args[0]).abs());
    }

    static Value ceil(Value[] args, CallContext cx) {
        return Values.number(num(args[0]).setScale(0, RoundingMode.CEILING));
    }

    static Value floor(Value[] args, CallContext cx) {
        return Values.number(num(args[0]).setScale(0, RoundingMode.FLOOR));
    }

    static Value round(Value[] args, CallContext cx) {
        int decimals = decimals(args, 1);
        BigDecimal n = num(args[0]);
        // JavaScript Math.round: halves go towards +infinity (-1.5 -> -1)
        BigDecimal half = BigDecimal.ONE.movePointLeft(decimals).divide(BigDecimal.valueOf(2));
        return Values.number(n.add(half).setScale(decimals, RoundingMode.FLOOR));
    }

    static Value trunc(Value[] args, CallContext cx) {
        return Values.number(num(args[0]).setScale(decimals(args, 1), RoundingMode.DOWN));
    }

    private static int decimals(Value[] args, int i) {
        int d = Args.integer(args, i, 0);
        return Math.max(-MAX_DECIMALS, Math.min(MAX_DECIMALS, d));
    }

    /**
     * One array or several values, arrays flattened one level; non-numbers skipped, numeric text
     * read.
     */
    private static List<BigDecimal> numbers(Value[] args, CallContext cx) {
        List<BigDecimal> out = new ArrayList<>();
        for (Value v : args) {
            if (v.kind() == Kind.ARRAY) {
                ArrayValue a = (ArrayValue) v;
                cx.step(a.size());
                for (Value item : a.items()) {
                    addNumber(out, item);
                }
            } else {
                addNumber(out, v);
            }
        }
        return out;
    }

    private static void addNumber(List<BigDecimal> out, Value v) {
        if (v.kind() == Kind.NUMBER || v.kind() == Kind.TEXT) {
            BigDecimal n = Coercions.toNumber(v);
            if (n != null) {
                out.add(n);
            }
        }
    }

    static Value sum(Value[] args, CallContext cx) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal n : numbers(args, cx)) {
            total = Numbers.add(total, n);
        }
        return Values.number(total);
    }

    static Value average(Value[] args, CallContext cx) {
        List<BigDecimal> ns = numbers(args, cx);
        if (ns.isEmpty()) {
            return Values.UNDEFINED;
        }
        return Values.number(Numbers.divide(sumOf(ns), BigDecimal.valueOf(ns.size())));
    }

    private static BigDecimal sumOf(List<BigDecimal> ns) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal n : ns) {
            total = total.add(n);
        }
        return total;
    }

    static Value min(Value[] args, CallContext cx) {
        BigDecimal best = null;
        for (BigDecimal n : numbers(args, cx)) {
            best = best == null || n.compareTo(best) < 0 ? n : best;
        }
        return best == null ? Values.UNDEFINED : Values.number(best);
    }

    static Value max(Value[] args, CallContext cx) {
        BigDecimal best = null;
        for (BigDecimal n : numbers(args, cx)) {
            best = best == null || n.compareTo(best) > 0 ? n : best;
        }
        return best == null ? Values.UNDEFINED : Values.number(best);
    }

    static Value median(Value[] args, CallContext cx) {
        List<BigDecimal> ns = numbers(args, cx);
        if (ns.isEmpty()) {
            return Values.UNDEFINED;
        }
        ns.sort(BigDecimal::compareTo);
        int mid = ns.size() / 2;
        if (ns.size() % 2 == 1) {
            return Values.number(ns.get(mid));
        }
        return Values.number(
                Numbers.divide(ns.get(mid - 1).add(ns.get(mid)), BigDecimal.valueOf(2)));
    }

    static Value stdevS(Value[] args, CallContext cx) {
        return stdev(numbers(args, cx), true);
    }

    static Value stdevP(Value[] args, CallContext cx) {
        return stdev(numbers(args, cx), false);
    }

    private static Value stdev(List<BigDecimal> ns, boolean sample) {
        int n = ns.size();
        if (n == 0 || (sample && n < 2)) {
            return Values.UNDEFINED;
        }
        BigDecimal mean = sumOf(ns).divide(BigDecimal.valueOf(n), Numbers.CONTEXT);
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal x : ns) {
            BigDecimal d = x.subtract(mean);
            squares = squares.add(d.multiply(d));
        }
        BigDecimal variance =
                squares.divide(BigDecimal.valueOf(sample ? n - 1 : n), Numbers.CONTEXT);
        return Values.number(variance.sqrt(Numbers.CONTEXT));
    }

    static Value parseNumber(Value[] args, CallContext cx) {
        String text = Args.text(args, 0);
        String decimal = Args.text(args, 1, ".");
        if (!decimal.equals(",") && !decimal.equals(".")) {
            throw new EvalException(
                    ErrorCode.INVALID_ARGUMENT,
                    "parseNumber",
                    "decimal separator must be ',' or '.'");
        }
        StringBuilder sb = new StringBuilder(text.length());
        boolean seenDecimal = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c == decimal.charAt(0) && !seenDecimal) {
                sb.append('.');
                seenDecimal = true;
            } else if ((c == '-' || c == '+') && sb.length() == 0) {
                sb.append(c);
            } else if ((c == 'e' || c == 'E') && sb.length() > 0) {
                sb.append(c);
            }
            // every other character (thousands separators, spaces, currency signs) is ignored
        }
        BigDecimal n = Numbers.parse(sb.toString());
        if (n == null) {
            throw new EvalException(
                    ErrorCode.NUMBER_PARSE,
                    text.length() > 40 ? text.substring(0, 40) + "…" : text);
        }
        return Values.number(n);
    }

    static Value formatNumber(Value[] args, CallContext cx) {
        BigDecimal n = num(args[0]);
        int decimals = Math.max(0, decimals(args, 1));
        String decimalSep = Args.text(args, 2, ",");
        String thousandsSep = Args.text(args, 3, ".");
        BigDecimal rounded = n.setScale(decimals, RoundingMode.HALF_UP);
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String fracPart = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder sb = new StringBuilder();
        if (rounded.signum() < 0) {
            sb.append('-');
        }
        int first = intPart.length() % 3 == 0 ? 3 : intPart.length() % 3;
        sb.append(intPart, 0, first);
        for (int i = first; i < intPart.length(); i += 3) {
            sb.append(thousandsSep).append(intPart, i, i + 3);
        }
        if (decimals > 0) {
            sb.append(decimalSep).append(fracPart);
        }
        return Values.text(sb.toString());
    }
}
