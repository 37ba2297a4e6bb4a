package io.hookstream.iml.func.date;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.func.Args;
import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.func.FunctionLibrary;
import io.hookstream.iml.func.FunctionRegistration;
import io.hookstream.iml.func.FunctionSpec;
import io.hookstream.iml.func.ValueType;
import io.hookstream.iml.value.Coercions;
import io.hookstream.iml.value.DateValue;
import io.hookstream.iml.value.Dates;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Date functions of §5.4. Calendar fields are read and changed in the evaluation's time zone (D16)
 * unless a function takes an explicit zone.
 */
public final class DateFunctions implements FunctionLibrary {

    private static final String[] MONTHS = {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december"
    };
    private static final String[] DAYS = {
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"
    };

    @Override
    public void register(FunctionRegistration r) {
        r.add(
                FunctionSpec.builder("formatDate")
                        .param("date", ValueType.DATE)
                        .param("format", ValueType.TEXT)
                        .optional("timezone", ValueType.TEXT)
                        .returns(ValueType.TEXT)
                        .impure()
                        .eager(DateFunctions::formatDate)
                        .doc(
                                "Formats with Moment tokens in the given or the evaluation time zone; always text.")
                        .build());
        r.add(
                FunctionSpec.builder("parseDate")
                        .param("text", ValueType.ANY)
                        .optional("format", ValueType.TEXT)
                        .optional("timezone", ValueType.TEXT)
                        .propagateMissing()
                        .returns(ValueType.DATE)
                        .impure()
                        .eager(DateFunctions::parseDate)
                        .doc(
                                "Reads a date with Moment tokens (X seconds, x milliseconds) or, without format, ISO-8601.")
                        .build());
        r.add(addDuration("addSeconds", 1_000L));
        r.add(addDuration("addMinutes", 60_000L));
        r.add(addDuration("addHours", 3_600_000L));
        r.add(add("addDays", (d, n) -> d.plusDays(whole(n))));
        r.add(add("addMonths", (d, n) -> d.plusMonths(whole(n))));
        r.add(add("addYears", (d, n) -> d.plusYears(whole(n))));
        r.add(set("setSecond", (d, n) -> d.withSecond(0).plusSeconds(n)));
        r.add(set("setMinute", (d, n) -> d.withMinute(0).plusMinutes(n)));
        r.add(set("setHour", (d, n) -> d.withHour(0).plusHours(n)));
        r.add(set("setDate", (d, n) -> d.withDayOfMonth(1).plusDays(n - 1)));
        r.add(set("setYear", (d, n) -> d.withYear(Math.toIntExact(n))));
        r.add(
                FunctionSpec.builder("setDay")
                        .param("date", ValueType.DATE)
                        .param("day", ValueType.ANY)
                        .returns(ValueType.DATE)
                        .impure()
                        .eager(DateFunctions::setDay)
                        .doc(
                                "Day of week, Sunday = 1 … Saturday = 7 or an English name, within the date's Sunday-to-Saturday week.")
                        .build());
        r.add(
                FunctionSpec.builder("setMonth")
                        .param("date", ValueType.DATE)
                        .param("month", ValueType.ANY)
                        .returns(ValueType.DATE)
                        .impure()
                        .eager(DateFunctions::setMonth)
                        .doc("Month 1-12 or an English name; 13 and above roll into the next year.")
                        .build());
        r.add(diff("dateDifference"));
        r.add(diff("dateDiff"));
    }

    private static FunctionSpec add(
            String name, BiFunction<LocalDateTime, BigDecimal, LocalDateTime> op) {
        return FunctionSpec.builder(name)
                .param("date", ValueType.DATE)
                .param("amount", ValueType.NUMBER)
                .returns(ValueType.DATE)
                .impure()
                .eager(
                        (args, cx) ->
                                Values.date(
                                        inZone(
                                                args,
                                                cx,
                                                d ->
                                                        op.apply(
                                                                d,
                                                                Args.number(
                                                                        args,
                                                                        1,
                                                                        BigDecimal.ZERO)))))
                .doc(
                        "A new date with the amount added (negative subtracts); calendar arithmetic in the time zone.")
                .build();
    }

    private static FunctionSpec addDuration(String name, long unitMillis) {
        return FunctionSpec.builder(name)
                .param("date", ValueType.DATE)
                .param("amount", ValueType.NUMBER)
                .returns(ValueType.DATE)
                .eager(
                        (args, cx) -> {
                            Instant d = ((DateValue) args[0]).value();
                            BigDecimal ms =
                                    Args.number(args, 1, BigDecimal.ZERO)
                                            .multiply(BigDecimal.valueOf(unitMillis))
                                            .setScale(0, RoundingMode.HALF_UP);
                            try {
                                // a duration, not a wall-clock change: exact across DST transitions
                                return Values.date(d.plusMillis(ms.longValueExact()));
                            } catch (ArithmeticException | DateTimeException e) {
                                throw new EvalException(
                                        ErrorCode.INVALID_ARGUMENT, name, "amount out of range");
                            }
                        })
                .doc(
                        "A new date the amount of time later (negative: earlier); sub-unit amounts keep milliseconds.")
                .build();
    }

    private static FunctionSpec set(
            String name, BiFunction<LocalDateTime, Long, LocalDateTime> op) {
        return FunctionSpec.builder(name)
                .param("date", ValueType.DATE)
                .param("value", ValueType.NUMBER)
                .returns(ValueType.DATE)
                .impure()
                .eager(
                        (args, cx) ->
                                Values.date(
                                        inZone(
                                                args,
                                                cx,
                                                d ->
                                                        op.apply(
                                                                d,
                                                                whole(
                                                                        Args.number(
                                                                                args,
                                                                                1,
                                                                                BigDecimal
                                                                                        .ZERO))))))
                .doc(
                        "Sets the field in the time zone; out-of-range values roll over into the neighbouring field.")
                .build();
    }

    private static FunctionSpec diff(String name) {
        return FunctionSpec.builder(name)
                .param("end", ValueType.DATE)
                .param("start", ValueType.DATE)
                .optional("unit", ValueType.TEXT)
                .returns(ValueType.NUMBER)
                .impure()
                .eager(DateFunctions::dateDifference)
                .doc(
                        "end - start in a unit: ms (default), s, m, H, D, W, M, Y; RH, Rm, Rs give the remainder within the next larger unit.")
                .build();
    }

    private static long whole(BigDecimal n) {
        return n.setScale(0, RoundingMode.HALF_UP).longValue();
    }

    /**
     * Applies a wall-clock change in the evaluation's zone, keeping the original offset where the
     * new local time is ambiguous (a DST overlap).
     */
    private static Instant inZone(
            Value[] args, CallContext cx, java.util.function.UnaryOperator<LocalDateTime> change) {
        Instant instant = ((DateValue) args[0]).value();
        ZonedDateTime zoned = instant.atZone(cx.timezone());
        try {
            LocalDateTime changed = change.apply(zoned.toLocalDateTime());
            return ZonedDateTime.ofLocal(changed, cx.timezone(), zoned.getOffset()).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw new EvalException(
                    ErrorCode.INVALID_ARGUMENT,
                    "date",
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        }
    }

    static ZoneId zone(Value[] args, int i, CallContext cx) {
        if (!Args.has(args, i)) {
            return cx.timezone();
        }
        String id = Values.text(args[i]);
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new EvalException(ErrorCode.INVALID_TIMEZONE, id);
        }
    }

    static Value formatDate(Value[] args, CallContext cx) {
        Instant instant = ((DateValue) args[0]).value();
        return Values.text(MomentFormat.format(instant, Args.text(args, 1), zone(args, 2, cx)));
    }

    static Value parseDate(Value[] args, CallContext cx) {
        Value v = args[0];
        if (v.kind() == Kind.DATE) {
            return v;
        }
        ZoneId zone = zone(args, 2, cx);
        String text = Values.text(v);
        if (Args.has(args, 1)) {
            return Values.date(MomentFormat.parse(text, Args.text(args, 1), zone, cx.now()));
        }
        Instant parsed = Dates.parseIso(text, zone);
        if (parsed == null && v.kind() == Kind.NUMBER) {
            parsed = Coercions.toDate(v, zone);
        }
        if (parsed == null) {
            throw new EvalException(
                    ErrorCode.DATE_PARSE,
                    text.length() > 40 ? text.substring(0, 40) + "…" : text,
                    "");
        }
        return Values.date(parsed);
    }

    static Value setDay(Value[] args, CallContext cx) {
        int target = fieldNumber(args[1], DAYS, "setDay");
        return Values.date(
                inZone(
                        args,
                        cx,
                        d -> {
                            int current = d.getDayOfWeek().getValue() % 7 + 1;
                            return d.plusDays(target - current);
                        }));
    }

    static Value setMonth(Value[] args, CallContext cx) {
        int target = fieldNumber(args[1], MONTHS, "setMonth");
        return Values.date(inZone(args, cx, d -> d.withMonth(1).plusMonths(target - 1L)));
    }

    /**
     * A number, numeric text, or an English name (full or at least three letters) from {@code
     * names}.
     */
    private static int fieldNumber(Value v, String[] names, String function) {
        BigDecimal n = Coercions.toNumber(v);
        if (n != null && v.kind() != Kind.BOOLEAN) {
            return n.setScale(0, RoundingMode.DOWN).intValue();
        }
        String name = Values.text(v).strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            if (name.length() >= 2
                    && names[i].startsWith(name)
                    && (name.length() >= 3 || names == DAYS)) {
                return i + 1;
            }
        }
        throw new EvalException(
                ErrorCode.INVALID_ARGUMENT,
                function,
                "'" + Values.text(v) + "' is not a valid name");
    }

    /** 1-12 for an English month name or abbreviation; used by the parser. */
    static int monthNumber(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (n.length() >= 3 && MONTHS[i].startsWith(n)) {
                return i + 1;
            }
        }
        throw new EvalException(ErrorCode.DATE_PARSE, name, " (unknown month)");
    }

    static Value dateDifference(Value[] args, CallContext cx) {
        Instant end = ((DateValue) args[0]).value();
        Value startValue = args[1];
        if (Values.isMissing(startValue)) {
            return Values.UNDEFINED;
        }
        Instant start = ((DateValue) startValue).value();
        long ms = end.toEpochMilli() - start.toEpochMilli();
        String unit = Args.text(args, 2, "ms");
        switch (unit) {
            case "ms":
            case "millisecond":
            case "milliseconds":
                return Values.number(ms);
            case "s":
            case "second":
            case "seconds":
                return Values.number(ms / 1000);
            case "m":
            case "minute":
            case "minutes":
                return Values.number(ms / 60_000);
            case "H":
            case "h":
            case "hour":
            case "hours":
                return Values.number(ms / 3_600_000);
            case "D":
            case "d":
            case "day":
            case "days":
                return Values.number(ms / 86_400_000);
            case "W":
            case "w":
            case "week":
            case "weeks":
                return Values.number(ms / 604_800_000);
            case "Rs":
                return Values.number((ms / 1000) % 60);
            case "Rm":
                return Values.number((ms / 60_000) % 60);
            case "RH":
                return Values.number((ms / 3_600_000) % 24);
            case "M":
            case "month":
            case "months":
                return Values.number(
                        ChronoUnit.MONTHS.between(
                                start.atZone(cx.timezone()), end.atZone(cx.timezone())));
            case "Y":
            case "y":
            case "year":
            case "years":
                return Values.number(
                        ChronoUnit.YEARS.between(
                                start.atZone(cx.timezone()), end.atZone(cx.timezone())));
            default:
                throw new EvalException(ErrorCode.INVALID_DATE_UNIT, unit);
        }
    }
}
