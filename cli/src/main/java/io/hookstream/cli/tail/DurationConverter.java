package io.hookstream.cli.tail;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people type them ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}) or in
 * ISO-8601 ({@code PT30S}).
 */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(text);
        Duration duration;
        if (matcher.matches()) {
            try {
                long amount = Long.parseLong(matcher.group(1));
                duration =
                        switch (matcher.group(2)) {
                            case "ms" -> Duration.ofMillis(amount);
                            case "s" -> Duration.ofSeconds(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            default -> Duration.ofHours(amount);
                        };
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException("duration too long: " + value);
            }
        } else {
            try {
                duration = Duration.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(
                        "not a duration: '" + value + "' (examples: 500ms, 30s, 5m, 1h, PT30S)");
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("duration must be positive: " + value);
        }
        return duration;
    }
}
