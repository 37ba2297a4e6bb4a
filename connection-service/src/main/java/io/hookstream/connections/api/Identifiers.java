package io.hookstream.connections.api;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The shape of ids clients choose; they end up in topic names and URLs, so the alphabet is Kafka's.
 */
public final class Identifiers {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private Identifiers() {}

    /** The id, or a 400 that says what an id looks like; a missing one is refused alike. */
    public static String require(String kind, @Nullable String value) {
        if (value == null
                || !ID.matcher(value).matches()
                || value.equals(".")
                || value.equals("..")) {
            throw ApiProblems.of(
                    HttpStatus.BAD_REQUEST,
                    kind + " must be 1 to 128 characters of letters, digits, '.', '_' and '-'");
        }
        return value;
    }
}
