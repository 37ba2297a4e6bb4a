package io.hookstream.webhook.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Splits a {@code multipart/form-data} body (RFC 7578) into its parts. It works on bytes because
 * file parts are binary; it accepts bare LF line ends because some clients send them, and it
 * rejects a body whose closing delimiter is missing, since its last part may be truncated.
 */
final class MultipartDecoder {

    /** One part of the form: a field when {@code filename} is null, a file otherwise. */
    record Part(
            String name, @Nullable String filename, @Nullable String contentType, byte[] content) {}

    /** The body is not a well-formed multipart body for the given boundary. */
    static final class MalformedMultipartException extends Exception {
        MalformedMultipartException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * RFC 2046 caps boundaries at 70 characters, which also bounds the cost of searching for them.
     */
    private static final int MAX_BOUNDARY_LENGTH = 70;

    private MultipartDecoder() {}

    static List<Part> decode(byte[] body, String boundary) throws MalformedMultipartException {
        if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
            throw new MalformedMultipartException("invalid boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new MalformedMultipartException("no opening delimiter");
        }
        List<Part> parts = new ArrayList<>();
        position += delimiter.length;
        while (true) {
            if (startsWith(body, position, "--")) {
                return parts;
            }
            position = skipLineEnd(body, skipTransportPadding(body, position));
            int headerEnd = findHeaderEnd(body, position);
            if (headerEnd < 0) {
                throw new MalformedMultipartException("part headers do not end");
            }
            Map<String, String> headers =
                    parseHeaders(
                            new String(
                                    body, position, headerEnd - position, StandardCharsets.UTF_8));
            int contentStart = skipLineEnd(body, headerEnd);
            int next = findNextDelimiter(body, delimiter, contentStart);
            if (next < 0) {
                throw new MalformedMultipartException("closing delimiter missing");
            }
            int contentEnd = next;
            if (contentEnd > contentStart && body[contentEnd - 1] == '\n') {
                contentEnd--;
                if (contentEnd > contentStart && body[contentEnd - 1] == '\r') {
                    contentEnd--;
                }
            }
            addPart(parts, headers, Arrays.copyOfRange(body, contentStart, contentEnd));
            position = next + delimiter.length;
        }
    }

    private static void addPart(List<Part> parts, Map<String, String> headers, byte[] content) {
        String disposition = headers.get("content-disposition");
        if (disposition == null) {
            return; // RFC 7578 requires it; a part without a name cannot become a field
        }
        Map<String, String> parameters = dispositionParameters(disposition);
        String name = parameters.get("name");
        if (name == null) {
            return;
        }
        String filename =
                parameters.containsKey("filename*")
                        ? extendedValue(parameters.get("filename*"))
                        : parameters.get("filename");
        parts.add(new Part(name, filename, headers.get("content-type"), content));
    }

    /** Parses {@code form-data; name="a"; filename="b"}, honouring quoted strings and escapes. */
    static Map<String, String> dispositionParameters(String disposition) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = disposition.indexOf(';');
        while (i >= 0 && i < disposition.length()) {
            i++;
            int eq = disposition.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = disposition.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            while (j < disposition.length() && disposition.charAt(j) == ' ') {
                j++;
            }
            if (j < disposition.length() && disposition.charAt(j) == '"') {
                j++;
                while (j < disposition.length() && disposition.charAt(j) != '"') {
                    char c = disposition.charAt(j);
                    if (c == '\\' && j + 1 < disposition.length()) {
                        c = disposition.charAt(++j);
                    }
                    value.append(c);
                    j++;
                }
                i = disposition.indexOf(';', j);
            } else {
                int end = disposition.indexOf(';', j);
                value.append(disposition, j, end < 0 ? disposition.length() : end);
                i = end;
            }
            parameters.putIfAbsent(key, value.toString().trim());
        }
        return parameters;
    }

    /** RFC 5987 {@code UTF-8''na%C3%AFve.txt}. */
    private static String extendedValue(String value) {
        int quote = value.indexOf("''");
        String encoded = quote < 0 ? value : value.substring(quote + 2);
        return FormDecoder.percentDecode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> parseHeaders(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static int skipTransportPadding(byte[] body, int position) {
        while (position < body.length && (body[position] == ' ' || body[position] == '\t')) {
            position++;
        }
        return position;
    }

    private static int skipLineEnd(byte[] body, int position) {
        if (startsWith(body, position, "\r\n")) {
            return position + 2;
        }
        return startsWith(body, position, "\n") ? position + 1 : position;
    }

    /**
     * Index of the line end that closes the header block, or of the content start when there are no
     * headers.
     */
    private static int findHeaderEnd(byte[] body, int from) {
        if (startsWith(body, from, "\r\n") || startsWith(body, from, "\n")) {
            return from;
        }
        for (int i = from; i < body.length; i++) {
            if (body[i] == '\n'
                    && (startsWith(body, i + 1, "\r\n") || startsWith(body, i + 1, "\n"))) {
                return i + 1;
            }
        }
        return -1;
    }

    /** A delimiter only counts at the start of a line. */
    private static int findNextDelimiter(byte[] body, byte[] delimiter, int from) {
        int candidate = indexOf(body, delimiter, from);
        while (candidate >= 0) {
            if (candidate == from || body[candidate - 1] == '\n') {
                return candidate;
            }
            candidate = indexOf(body, delimiter, candidate + 1);
        }
        return -1;
    }

    private static boolean startsWith(byte[] body, int position, String ascii) {
        if (position < 0 || position + ascii.length() > body.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (body[position + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
