package io.hookstream.webhook.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks the values at a connection's {@code log.sanitize} paths (§7) in a request/response log
 * structure such as {@code {"request": {"url", "method", "headers", "qs", "body"}, "response":
 * {"status", "headers", "body"}}}.
 *
 * <p>Paths are dot-separated; a segment may be quoted with backticks (``request.headers.`X-API-Key`
 * ``). Under {@code headers} keys match without regard to case, since header names are
 * case-insensitive. When a path meets an array, the rest of the path applies to every element. A
 * path that matches nothing is fine: the value was simply not in this exchange. Immutable and
 * thread-safe.
 */
public final class LogSanitizer {

    /**
     * What replaces a masked value; the docs give no text, so it is fixed and obviously not data.
     */
    public static final String MASK = "********";

    private final List<List<String>> paths;

    public LogSanitizer(List<String> sanitizePaths) {
        List<List<String>> parsed = new ArrayList<>();
        for (String path : sanitizePaths) {
            List<String> segments = segments(path);
            if (!segments.isEmpty()) {
                parsed.add(List.copyOf(segments));
            }
        }
        this.paths = List.copyOf(parsed);
    }

    /** A masked deep copy of {@code log}; the input is not changed. */
    public JsonNode sanitize(JsonNode log) {
        JsonNode copy = log.deepCopy();
        for (List<String> path : paths) {
            mask(copy, path, 0, false);
        }
        return copy;
    }

    private static void mask(JsonNode node, List<String> path, int depth, boolean ignoreCase) {
        if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                mask(element, path, depth, ignoreCase);
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String segment = path.get(depth);
        boolean last = depth == path.size() - 1;
        for (String key : matchingKeys(object, segment, ignoreCase)) {
            if (last) {
                object.put(key, MASK);
            } else {
                mask(object.get(key), path, depth + 1, key.equalsIgnoreCase("headers"));
            }
        }
    }

    private static List<String> matchingKeys(
            ObjectNode object, String segment, boolean ignoreCase) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            if (ignoreCase
                    ? property.getKey().equalsIgnoreCase(segment)
                    : property.getKey().equals(segment)) {
                keys.add(property.getKey());
            }
        }
        return keys;
    }

    /** Splits {@code a.`b.c`.d} into {@code [a, b.c, d]}. */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        segments.removeIf(String::isEmpty);
        return segments;
    }
}
