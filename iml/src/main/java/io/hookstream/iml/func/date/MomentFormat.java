package io.hookstream.iml.func.date;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Moment.js format tokens ({@code YYYY MM DD HH hh mm ss SSS A a Z ZZ X x E Do MMM dddd …}, {@code
 * [literal]} escapes) for formatting and forgiving parsing, in English.
 */
final class MomentFormat {

    /** Longest tokens first so that {@code YYYY} wins over {@code YY}. */
    private static final String[] TOKENS = {
        "YYYYYY",
        "YYYY",
        "YY",
        "Y",
        "Qo",
        "Q",
        "MMMM",
        "MMM",
        "Mo",
        "MM",
        "M",
        "DDDD",
        "DDDo",
        "DDD",
        "Do",
        "DD",
        "D",
        "dddd",
        "ddd",
        "do",
        "dd",
        "d",
        "E",
        "e",
        "HH",
        "H",
        "hh",
        "h",
        "kk",
        "k",
        "mm",
        "m",
        "ss",
        "s",
        "SSSSSSSSS",
        "SSSSSSSS",
        "SSSSSSS",
        "SSSSSS",
        "SSSSS",
        "SSSS",
        "SSS",
        "SS",
        "S",
        "A",
        "a",
        "ZZ",
        "Z",
        "zz",
        "z",
        "X",
        "x",
        "GGGG",
        "GG",
        "gggg",
        "gg",
        "WW",
        "Wo",
        "W",
        "ww",
        "wo",
        "w",
    };

    private static final int MAX_INPUT = 256;
    private static final WeekFields US_WEEKS = WeekFields.of(DayOfWeek.SUNDAY, 1);

    private MomentFormat() {}

    /** A format split into tokens and literal text. */
    private record Part(String text, boolean literal) {}

    private static List<Part> tokenize(String format) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        outer:
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '[') {
                int close = format.indexOf(']', i + 1);
                if (close > 0) {
                    literal.append(format, i + 1, close);
                    i = close + 1;
                    continue;
                }
            }
            for (String t : TOKENS) {
                if (format.startsWith(t, i)) {
                    if (literal.length() > 0) {
                        parts.add(new Part(literal.toString(), true));
                        literal.setLength(0);
                    }
                    parts.add(new Part(t, false));
                    i += t.length();
                    continue outer;
                }
            }
            literal.append(c);
            i++;
        }
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), true));
        }
        return parts;
    }

    static String format(Instant instant, String format, ZoneId zone) {
        ZonedDateTime d = instant.atZone(zone);
        StringBuilder sb = new StringBuilder();
        for (Part p : tokenize(format)) {
            if (p.literal()) {
                sb.append(p.text());
            } else {
                formatToken(sb, p.text(), d, instant);
            }
        }
        return sb.toString();
    }

    private static void formatToken(StringBuilder sb, String t, ZonedDateTime d, Instant instant) {
        switch (t) {
            case "YYYYYY":
                {
                    int y = d.getYear();
                    sb.append(y < 0 ? '-' : '+').append(pad(Math.abs(y), 6));
                    break;
                }
            case "YYYY":
                {
                    int y = d.getYear();
                    sb.append(y < 0 ? "-" + pad(-y, 4) : pad(y, 4));
                    break;
                }
            case "Y":
                sb.append(d.getYear());
                break;
            case "YY":
                sb.append(pad(Math.floorMod(d.getYear(), 100), 2));
                break;
            case "Q":
                sb.append(d.get(IsoFields.QUARTER_OF_YEAR));
                break;
            case "Qo":
                sb.append(ordinal(d.get(IsoFields.QUARTER_OF_YEAR)));
                break;
            case "M":
                sb.append(d.getMonthValue());
                break;
            case "Mo":
                sb.append(ordinal(d.getMonthValue()));
                break;
            case "MM":
                sb.append(pad(d.getMonthValue(), 2));
                break;
            case "MMM":
                sb.append(d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                break;
            case "MMMM":
                sb.append(d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                break;
            case "D":
                sb.append(d.getDayOfMonth());
                break;
            case "Do":
                sb.append(ordinal(d.getDayOfMonth()));
                break;
            case "DD":
                sb.append(pad(d.getDayOfMonth(), 2));
                break;
            case "DDD":
                sb.append(d.getDayOfYear());
                break;
            case "DDDo":
                sb.append(ordinal(d.getDayOfYear()));
                break;
            case "DDDD":
                sb.append(pad(d.getDayOfYear(), 3));
                break;
            case "d":
                sb.append(d.getDayOfWeek().getValue() % 7);
                break;
            case "do":
                sb.append(ordinal(d.getDayOfWeek().getValue() % 7));
                break;
            case "dd":
                sb.append(d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), 0, 2);
                break;
            case "ddd":
                sb.append(d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                break;
            case "dddd":
                sb.append(d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                break;
            case "E":
                sb.append(d.getDayOfWeek().getValue());
                break;
            case "e":
                sb.append(d.getDayOfWeek().getValue() % 7);
                break;
            case "H":
                sb.append(d.getHour());
                break;
            case "HH":
                sb.append(pad(d.getHour(), 2));
                break;
            case "h":
                sb.append(hour12(d));
                break;
            case "hh":
                sb.append(pad(hour12(d), 2));
                break;
            case "k":
                sb.append(d.getHour() == 0 ? 24 : d.getHour());
                break;
            case "kk":
                sb.append(pad(d.getHour() == 0 ? 24 : d.getHour(), 2));
                break;
            case "m":
                sb.append(d.getMinute());
                break;
            case "mm":
                sb.append(pad(d.getMinute(), 2));
                break;
            case "s":
                sb.append(d.getSecond());
                break;
            case "ss":
                sb.append(pad(d.getSecond(), 2));
                break;
            case "A":
                sb.append(d.getHour() < 12 ? "AM" : "PM");
                break;
            case "a":
                sb.append(d.getHour() < 12 ? "am" : "pm");
                break;
            case "Z":
                sb.append(offset(d, true));
                break;
            case "ZZ":
                sb.append(offset(d, false));
                break;
            case "z":
            case "zz":
                sb.append(DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(d));
                break;
            case "X":
                sb.append(Math.floorDiv(instant.toEpochMilli(), 1000L));
                break;
            case "x":
                sb.append(instant.toEpochMilli());
                break;
            case "W":
                sb.append(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                break;
            case "Wo":
                sb.append(ordinal(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
                break;
            case "WW":
                sb.append(pad(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2));
                break;
            case "w":
                sb.append(d.get(US_WEEKS.weekOfWeekBasedYear()));
                break;
            case "wo":
                sb.append(ordinal(d.get(US_WEEKS.weekOfWeekBasedYear())));
                break;
            case "ww":
                sb.append(pad(d.get(US_WEEKS.weekOfWeekBasedYear()), 2));
                break;
            case "GGGG":
                sb.append(pad(d.get(IsoFields.WEEK_BASED_YEAR), 4));
                break;
            case "GG":
                sb.append(pad(Math.floorMod(d.get(IsoFields.WEEK_BASED_YEAR), 100), 2));
                break;
            case "gggg":
                sb.append(pad(d.get(US_WEEKS.weekBasedYear()), 4));
                break;
            case "gg":
                sb.append(pad(Math.floorMod(d.get(US_WEEKS.weekBasedYear()), 100), 2));
                break;
            default:
                if (t.charAt(0) == 'S') {
                    String nanos = pad(d.getNano(), 9);
                    sb.append(t.length() <= 9 ? nanos.substring(0, t.length()) : nanos);
                } else {
                    sb.append(t);
                }
        }
    }

    private static int hour12(ZonedDateTime d) {
        int h = d.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    private static String offset(ZonedDateTime d, boolean colon) {
        int total = d.getOffset().getTotalSeconds();
        int abs = Math.abs(total);
        String hh = pad(abs / 3600, 2);
        String mm = pad((abs / 60) % 60, 2);
        return (total < 0 ? "-" : "+") + hh + (colon ? ":" : "") + mm;
    }

    private static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix =
                mod100 >= 11 && mod100 <= 13
                        ? "th"
                        : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
        return n + suffix;
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    // ---- parsing ----

    private static final Pattern ONE_TO_TWO = Pattern.compile("\\d\\d?");
    private static final Pattern ONE_TO_THREE = Pattern.compile("\\d{1,3}");
    private static final Pattern ONE_TO_FOUR = Pattern.compile("\\d{1,4}");
    private static final Pattern ONE_TO_SIX = Pattern.compile("[+-]?\\d{1,6}");
    private static final Pattern TWO = Pattern.compile("\\d\\d");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SIGNED_SECONDS = Pattern.compile("-?\\d+(?:\\.\\d{1,3})?");
    private static final Pattern SIGNED_DIGITS = Pattern.compile("-?\\d+");
    private static final Pattern MERIDIEM = Pattern.compile("(?i)[ap]\\.?m?\\.?");
    private static final Pattern OFFSET = Pattern.compile("Z|z|[+-]\\d\\d(?::?\\d\\d)?");
    private static final Pattern ORDINAL = Pattern.compile("\\d{1,2}(?:st|nd|rd|th)?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    /** Parsed fields; -1 means not given. */
    private static final class Fields {
        int year = -1;
        int month = -1;
        int day = -1;
        int dayOfYear = -1;
        int hour = -1;
        int minute = -1;
        int second = -1;
        int nanos = -1;
        @Nullable Boolean pm;
        @Nullable ZoneOffset offset;
        @Nullable Instant instant;
    }

    /**
     * Reads {@code text} with a Moment format, as Moment does without strict mode: each token is
     * searched for from the current position, and literal text and separators in between are
     * skipped.
     */
    static Instant parse(String text, String format, ZoneId zone, Instant now) {
        if (text.length() > MAX_INPUT) {
            throw new EvalException(
                    ErrorCode.DATE_PARSE, text.substring(0, 40) + "…", " (text too long)");
        }
        Fields f = new Fields();
        int pos = 0;
        boolean matchedAny = false;
        for (Part p : tokenize(format)) {
            if (p.literal()) {
                continue;
            }
            Pattern pattern = patternFor(p.text());
            if (pattern == null) {
                continue;
            }
            Matcher m = pattern.matcher(text);
            if (!m.find(pos)) {
                continue;
            }
            String value = m.group();
            pos = m.end();
            matchedAny = true;
            apply(f, p.text(), value, text);
        }
        if (!matchedAny) {
            throw new EvalException(ErrorCode.DATE_PARSE, text, " with format '" + format + "'");
        }
        if (f.instant != null) {
            return f.instant;
        }
        try {
            return resolve(f, zone, now);
        } catch (DateTimeException e) {
            throw new EvalException(ErrorCode.DATE_PARSE, text, " with format '" + format + "'");
        }
    }

    /** The pattern of a token that reads a value, or null for one that Moment skips. */
    private static @Nullable Pattern patternFor(String token) {
        switch (token) {
            case "YYYYYY":
                return ONE_TO_SIX;
            case "YYYY":
            case "Y":
            case "GGGG":
            case "gggg":
                return ONE_TO_FOUR;
            case "YY":
            case "GG":
            case "gg":
                return TWO;
            case "M":
            case "MM":
            case "D":
            case "DD":
            case "H":
            case "HH":
            case "h":
            case "hh":
            case "k":
            case "kk":
            case "m":
            case "mm":
            case "s":
            case "ss":
            case "W":
            case "WW":
            case "w":
            case "ww":
            case "E":
            case "e":
            case "d":
            case "Q":
                return ONE_TO_TWO;
            case "DDD":
            case "DDDD":
                return ONE_TO_THREE;
            case "Do":
            case "Mo":
            case "DDDo":
            case "do":
            case "Wo":
            case "wo":
            case "Qo":
                return ORDINAL;
            case "MMM":
            case "MMMM":
            case "dd":
            case "ddd":
            case "dddd":
            case "z":
            case "zz":
                return WORD;
            case "A":
            case "a":
                return MERIDIEM;
            case "Z":
            case "ZZ":
                return OFFSET;
            case "X":
                return SIGNED_SECONDS;
            case "x":
                return SIGNED_DIGITS;
            default:
                return token.charAt(0) == 'S' ? DIGITS : null;
        }
    }

    private static void apply(Fields f, String token, String value, String text) {
        switch (token) {
            case "YYYYYY":
            case "YYYY":
            case "Y":
                f.year = Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
                break;
            case "YY":
                {
                    int yy = Integer.parseInt(value);
                    f.year = yy > 68 ? 1900 + yy : 2000 + yy;
                    break;
                }
            case "M":
            case "MM":
                f.month = Integer.parseInt(value);
                break;
            case "Mo":
                f.month = Integer.parseInt(value.replaceAll("\\D", ""));
                break;
            case "MMM":
            case "MMMM":
                f.month = DateFunctions.monthNumber(value);
                break;
            case "D":
            case "DD":
                f.day = Integer.parseInt(value);
                break;
            case "Do":
                f.day = Integer.parseInt(value.replaceAll("\\D", ""));
                break;
            case "DDD":
            case "DDDD":
                f.dayOfYear = Integer.parseInt(value);
                break;
            case "H":
            case "HH":
            case "k":
            case "kk":
                f.hour = Integer.parseInt(value) % 24;
                break;
            case "h":
            case "hh":
                f.hour = Integer.parseInt(value);
                if (f.pm == null) {
                    f.pm = Boolean.FALSE;
                }
                break;
            case "m":
            case "mm":
                f.minute = Integer.parseInt(value);
                break;
            case "s":
            case "ss":
                f.second = Integer.parseInt(value);
                break;
            case "A":
            case "a":
                f.pm = Character.toLowerCase(value.charAt(0)) == 'p';
                break;
            case "Z":
            case "ZZ":
                f.offset =
                        value.equalsIgnoreCase("Z")
                                ? ZoneOffset.UTC
                                : ZoneOffset.of(
                                        value.length() == 5
                                                ? value.substring(0, 3) + ":" + value.substring(3)
                                                : value);
                break;
            case "X":
                {
                    java.math.BigDecimal seconds = new java.math.BigDecimal(value);
                    f.instant = Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
                    break;
                }
            case "x":
                f.instant = Instant.ofEpochMilli(Long.parseLong(value));
                break;
            default:
                if (token.charAt(0) == 'S') {
                    f.nanos = Integer.parseInt((value + "000000000").substring(0, 9));
                }
                // day names, week numbers and zone abbreviations are read but do not set the date
        }
    }

    private static Instant resolve(Fields f, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate date;
        if (f.year < 0 && f.month < 0 && f.day < 0 && f.dayOfYear < 0) {
            date = today;
        } else {
            int year = f.year >= 0 || f.year < -1 ? f.year : today.getYear();
            if (f.dayOfYear > 0 && f.month < 0) {
                date = LocalDate.ofYearDay(year, f.dayOfYear);
            } else {
                date = LocalDate.of(year, f.month < 0 ? 1 : f.month, f.day < 0 ? 1 : f.day);
            }
        }
        int hour = f.hour < 0 ? 0 : f.hour;
        if (f.pm != null) {
            if (hour > 12 || hour == 0 && f.hour >= 0 && Boolean.TRUE.equals(f.pm)) {
                hour = hour % 24;
            } else if (Boolean.TRUE.equals(f.pm) && hour < 12) {
                hour += 12;
            } else if (Boolean.FALSE.equals(f.pm) && hour == 12) {
                hour = 0;
            }
        }
        LocalDateTime ldt =
                date.atTime(
                        hour,
                        f.minute < 0 ? 0 : f.minute,
                        f.second < 0 ? 0 : f.second,
                        f.nanos < 0 ? 0 : f.nanos);
        return f.offset != null ? ldt.toInstant(f.offset) : ldt.atZone(zone).toInstant();
    }
}
