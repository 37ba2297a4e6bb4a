package io.hookstream.iml.func.text;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.func.CallContext;
import org.jspecify.annotations.Nullable;

/**
 * {@code /pattern/flags} search values, run on RE2 (linear time, so no pattern or input can make a
 * replacement hang), and JavaScript replacement strings ({@code $&}, {@code $1}…{@code $99}, {@code
 * $$}).
 */
final class Regexes {

    private Regexes() {}

    /** A parsed regex literal: the compiled pattern and whether it is global. */
    record Literal(Pattern pattern, boolean global) {}

    /**
     * Parses {@code /pattern/flags} (flags g, i, m, s, u); null when {@code search} is not in that
     * form.
     */
    static @Nullable Literal parse(String search) {
        if (search.length() < 2 || search.charAt(0) != '/') {
            return null;
        }
        int close = search.lastIndexOf('/');
        if (close <= 0) {
            return null;
        }
        String flags = search.substring(close + 1);
        for (int i = 0; i < flags.length(); i++) {
            if ("gimsuy".indexOf(flags.charAt(i)) < 0) {
                return null;
            }
        }
        String source = search.substring(1, close);
        if (source.contains("(?<") && !source.contains("(?<=") && !source.contains("(?<!")
                || source.contains("(?P<")) {
            throw new EvalException(
                    ErrorCode.INVALID_REGEX, search, "named groups are not supported");
        }
        int f = 0;
        if (flags.indexOf('i') >= 0) {
            f |= Pattern.CASE_INSENSITIVE;
        }
        if (flags.indexOf('m') >= 0) {
            f |= Pattern.MULTILINE;
        }
        if (flags.indexOf('s') >= 0) {
            f |= Pattern.DOTALL;
        }
        try {
            return new Literal(Pattern.compile(source, f), flags.indexOf('g') >= 0);
        } catch (PatternSyntaxException e) {
            throw new EvalException(ErrorCode.INVALID_REGEX, search, e.getDescription());
        }
    }

    static String replace(String text, Literal regex, String replacement, CallContext cx) {
        Matcher m = regex.pattern().matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        int groups = m.groupCount();
        while (m.find()) {
            cx.step(1);
            sb.append(text, last, m.start());
            expand(sb, replacement, text, m.start(), m.end(), groups, m);
            last = m.end();
            cx.checkString(sb.length() + (long) (text.length() - last));
            if (!regex.global()) {
                break;
            }
        }
        sb.append(text, last, text.length());
        return sb.toString();
    }

    /** Plain-string search: every occurrence is replaced (D7). */
    static String replaceAll(String text, String search, String replacement, CallContext cx) {
        if (search.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            expand(sb, replacement, text, 0, 0, 0, null);
            return sb.append(text).toString();
        }
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        int at;
        while ((at = text.indexOf(search, last)) >= 0) {
            cx.step(1);
            sb.append(text, last, at);
            expand(sb, replacement, text, at, at + search.length(), 0, null);
            last = at + search.length();
            cx.checkString(sb.length() + (long) (text.length() - last));
        }
        sb.append(text, last, text.length());
        return sb.toString();
    }

    private static void expand(
            StringBuilder sb,
            String replacement,
            String text,
            int start,
            int end,
            int groups,
            @Nullable Matcher m) {
        int n = replacement.length();
        for (int i = 0; i < n; i++) {
            char c = replacement.charAt(i);
            if (c != '$' || i + 1 >= n) {
                sb.append(c);
                continue;
            }
            char d = replacement.charAt(i + 1);
            if (d == '$') {
                sb.append('$');
                i++;
            } else if (d == '&') {
                sb.append(text, start, end);
                i++;
            } else if (d == '`') {
                sb.append(text, 0, start);
                i++;
            } else if (d == '\'') {
                sb.append(text, end, text.length());
                i++;
            } else if (d >= '0' && d <= '9' && m != null) {
                int one = d - '0';
                int two =
                        i + 2 < n && Character.isDigit(replacement.charAt(i + 2))
                                ? one * 10 + (replacement.charAt(i + 2) - '0')
                                : -1;
                if (two >= 1 && two <= groups) {
                    String g = m.group(two);
                    sb.append(g == null ? "" : g);
                    i += 2;
                } else if (one >= 1 && one <= groups) {
                    String g = m.group(one);
                    sb.append(g == null ? "" : g);
                    i++;
                } else {
                    sb.append(c);
                }
            } else {
                sb.append(c);
            }
        }
    }
}
