package io.hookstream.webhook.request;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code Content-Type} value: lower-cased type and subtype plus parameters (names
 * lower-cased, values unquoted). Parsing is lenient because the header comes from the outside
 * world.
 */
public record MediaType(String type, String subtype, Map<String, String> parameters) {

    public MediaType {
        parameters = Map.copyOf(parameters);
    }

    /** Parses a header value; an empty or unparseable value gives {@code null}. */
    public static @Nullable MediaType parse(@Nullable String header) {
        if (header == null) {
            return null;
        }
        // the limit keeps empty pieces: a header of only semicolons would otherwise split into
        // nothing at all
        String[] pieces = header.split(";", -1);
        String essence = pieces[0].trim().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (slash <= 0 || slash == essence.length() - 1) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < pieces.length; i++) {
            int eq = pieces[i].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pieces[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = pieces[i].substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            parameters.putIfAbsent(name, value);
        }
        return new MediaType(essence.substring(0, slash), essence.substring(slash + 1), parameters);
    }

    /** {@code type/subtype} without parameters. */
    public String essence() {
        return type + "/" + subtype;
    }

    /** {@code application/json} and any {@code +json} structured-syntax type. */
    public boolean isJson() {
        return essence().equals("application/json") || subtype.endsWith("+json");
    }

    public boolean isFormUrlEncoded() {
        return essence().equals("application/x-www-form-urlencoded");
    }

    public boolean isMultipartForm() {
        return essence().equals("multipart/form-data");
    }

    /** The declared charset, or UTF-8 when it is absent or unknown to the JVM. */
    public Charset charsetOrUtf8() {
        String name = parameters.get("charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
