package io.hookstream.iml.value;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** ISO-8601 text form of dates and the lenient ISO reader used for date coercion (§4). */
public final class Dates {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    // Bounded input and no nested quantifiers: this JDK pattern cannot backtrack badly.
    private static final Pattern ISO =
            Pattern.compile(
                    "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                            + "(?:[Tt ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                            + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");

    private Dates() {}

    /** {@code YYYY-MM-DDTHH:mm:ss.SSSZ} in UTC, as JavaScript's {@code toISOString}. */
    public static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /**
     * Reads ISO-8601 text (date only, date and time with optional seconds, fraction and offset, a
     * space instead of {@code T}) or RFC 1123 text. Wall-clock text without an offset is read in
     * {@code zone}. Returns null when the text is not a date.
     */
    public static @Nullable Instant parseIso(String text, ZoneId zone) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > 64) {
            return null;
        }
        Matcher m = ISO.matcher(s);
        if (m.matches()) {
            try {
                int year = Integer.parseInt(m.group(1));
                int month = Integer.parseInt(m.group(2));
                int day = Integer.parseInt(m.group(3));
                if (m.group(4) == null) {
                    LocalDate date = LocalDate.of(year, month, day);
                    return m.group(8) == null
                            ? date.atStartOfDay(zone).toInstant()
                            : date.atStartOfDay(offset(m.group(8))).toInstant();
                }
                int nanos = 0;
                if (m.group(7) != null) {
                    String frac = (m.group(7) + "000000000").substring(0, 9);
                    nanos = Integer.parseInt(frac);
                }
                LocalDateTime ldt =
                        LocalDateTime.of(
                                year,
                                month,
                                day,
                                Integer.parseInt(m.group(4)),
                                Integer.parseInt(m.group(5)),
                                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                                nanos);
                return m.group(8) == null
                        ? ldt.atZone(zone).toInstant()
                        : ldt.atOffset(offset(m.group(8))).toInstant();
            } catch (DateTimeException | NumberFormatException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String text) {
        if (text.equalsIgnoreCase("Z") || text.equals("UTC") || text.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String t = text.length() == 5 ? text.substring(0, 3) + ":" + text.substring(3) : text;
        return ZoneOffset.of(t);
    }
}
