package io.hookstream.cli.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a point in time as operators type it: an ISO-8601 instant ({@code 2026-03-01T12:00:00Z}), a
 * date-time with an offset ({@code 2026-03-01T14:00:00+02:00}), a UTC date ({@code 2026-03-01}, its
 * midnight), {@code now}, or a moment before now ({@code now-15m}, {@code now-2h}, {@code now-1d}).
 */
public final class TimeConverter implements ITypeConverter<Instant> {

    private static final Pattern AGO = Pattern.compile("now-(\\d+)(ms|s|m|h|d)");

    private final Clock clock;

    public TimeConverter() {
        this(Clock.systemUTC());
    }

    TimeConverter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        String text = value.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("now")) {
            return clock.instant();
        }
        Matcher ago = AGO.matcher(lower);
        if (ago.matches()) {
            try {
                long amount = Long.parseLong(ago.group(1));
                Duration back =
                        switch (ago.group(2)) {
                            case "ms" -> Duration.ofMillis(amount);
                            case "s" -> Duration.ofSeconds(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            case "h" -> Duration.ofHours(amount);
                            default -> Duration.ofDays(amount);
                        };
                return clock.instant().minus(back);
            } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
                throw new TypeConversionException("too far back: " + value);
            }
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new TypeConversionException(
                        "not a time: '"
                                + value
                                + "' (examples: 2026-03-01T12:00:00Z, 2026-03-01T14:00:00+02:00, 2026-03-01, now, now-15m, now-2h)");
            }
        }
    }
}
