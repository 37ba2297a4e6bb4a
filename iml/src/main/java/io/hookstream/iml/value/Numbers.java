package io.hookstream.iml.value;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** Decimal arithmetic and the number text form (Decisions D15 and D20). */
public final class Numbers {

    /**
     * 20 significant digits, half-up: the default precision of the decimal library Make uses (D20).
     */
    public static final MathContext CONTEXT = new MathContext(20, RoundingMode.HALF_UP);

    /**
     * Exponents beyond this are refused: a hostile {@code 1e999999999} would otherwise turn a
     * harmless {@code setScale} or plain-text rendering into gigabytes of digits.
     */
    static final int MAX_EXPONENT = 10_000;

    private static final BigDecimal UPPER_PLAIN = new BigDecimal("1e21");
    private static final BigDecimal LOWER_PLAIN = new BigDecimal("1e-7");

    private Numbers() {}

    static BigDecimal normalise(BigDecimal n) {
        if (n.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = n.stripTrailingZeros();
        long exponent = (long) stripped.precision() - stripped.scale() - 1;
        if (Math.abs(exponent) > MAX_EXPONENT) {
            throw new EvalException(ErrorCode.NUMBER_OUT_OF_RANGE, abbreviate(stripped));
        }
        return stripped;
    }

    private static String abbreviate(BigDecimal n) {
        String s = n.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a.add(b, CONTEXT);
    }

    public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return a.subtract(b, CONTEXT);
    }

    public static BigDecimal multiply(BigDecimal a, BigDecimal b) {
        return a.multiply(b, CONTEXT);
    }

    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw new EvalException(ErrorCode.DIVISION_BY_ZERO);
        }
        return a.divide(b, CONTEXT);
    }

    /** JavaScript {@code %}: the result takes the sign of the dividend. */
    public static BigDecimal remainder(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw new EvalException(ErrorCode.DIVISION_BY_ZERO);
        }
        try {
            return a.remainder(b, CONTEXT);
        } catch (ArithmeticException quotientTooLong) {
            // the integral quotient needs more digits than CONTEXT has (1e30 % 7); the exact
            // remainder is still
            // smaller than the divisor, and MAX_EXPONENT bounds the quotient's digits
            return a.remainder(b).round(CONTEXT);
        }
    }

    /**
     * The D20 text form: integers without a decimal point, plain notation for magnitudes in [1e-7,
     * 1e21), JavaScript exponent notation ({@code 1e+21}, {@code 1.5e-8}) otherwise.
     */
    public static String text(BigDecimal n) {
        if (n.signum() == 0) {
            return "0";
        }
        BigDecimal abs = n.abs();
        if (abs.compareTo(UPPER_PLAIN) < 0 && abs.compareTo(LOWER_PLAIN) >= 0) {
            return n.toPlainString();
        }
        BigDecimal s = n.stripTrailingZeros();
        String digits = s.unscaledValue().abs().toString();
        long exponent = (long) s.precision() - s.scale() - 1;
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (n.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent >= 0 ? '+' : '-').append(Math.abs(exponent));
        return sb.toString();
    }

    /**
     * Reads JavaScript-style numeric text ({@code " 12.5 "}, {@code "-1e3"}, {@code ".5"}); returns
     * null for anything else, including empty text.
     */
    public static @Nullable BigDecimal parse(String text) {
        String s = text.strip();
        int n = s.length();
        if (n == 0 || n > 400) {
            return null;
        }
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return null;
            }
        }
        if (i != n) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(s.charAt(0) == '+' ? s.substring(1) : s);
            return withinRange(value) ? value : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static boolean withinRange(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        long exponent = (long) value.precision() - value.scale() - 1;
        return Math.abs(exponent) <= MAX_EXPONENT;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
