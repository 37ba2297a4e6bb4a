package io.hookstream.webhook.spec;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Make's error types, which a {@code response.error} block may name: a literal type outside them is
 * most likely a typo, and {@code Ignore} would then not let a detach count as done.
 */
final class ErrorTypes {

    static final Set<String> KNOWN =
            Set.of(
                    "RuntimeError",
                    "DataError",
                    "ConnectionError",
                    "InvalidAccessTokenError",
                    "RateLimitError",
                    "Ignore");

    private ErrorTypes() {}

    /** Warns about every literal {@code type} of {@code error} (and its status entries). */
    static void check(JsonNode error, String path, Findings findings) {
        checkType(error.get("type"), path + ".type", findings);
        for (Map.Entry<String, JsonNode> entry : error.properties()) {
            if (entry.getValue().isObject()) {
                checkType(
                        entry.getValue().get("type"),
                        path + "." + entry.getKey() + ".type",
                        findings);
            }
        }
    }

    private static void checkType(@Nullable JsonNode type, String path, Findings findings) {
        if (type != null && Shapes.literal(type) && !KNOWN.contains(type.stringValue())) {
            findings.warning(
                    path,
                    "'"
                            + type.stringValue()
                            + "' is not one of the error types "
                            + new TreeSet<>(KNOWN));
        }
    }
}
