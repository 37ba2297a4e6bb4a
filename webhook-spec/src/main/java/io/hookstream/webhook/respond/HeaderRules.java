package io.hookstream.webhook.respond;

import org.jspecify.annotations.Nullable;

/**
 * Checks response headers produced by IML before they reach the HTTP layer: a value built from
 * request data must not be able to split the response (CR/LF) or smuggle an invalid field name.
 */
public final class HeaderRules {

    private HeaderRules() {}

    /** Why the header cannot be sent, or {@code null} when it is fine. Never echoes the value. */
    public static @Nullable String problem(String name, String value) {
        if (name.isEmpty()) {
            return "empty header name";
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                return "header name '" + printable(name) + "' is not a valid token (RFC 9110 §5.1)";
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                return "value of header '" + name + "' contains CR or LF";
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return "value of header '" + name + "' contains a control character";
            }
        }
        return null;
    }

    /** RFC 9110 tchar. */
    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints()
                .limit(64)
                .forEach(
                        cp ->
                                out.append(
                                        cp < 0x20 || cp == 0x7f
                                                ? String.format("\\u%04x", cp)
                                                : Character.toString(cp)));
        return out.toString();
    }
}
