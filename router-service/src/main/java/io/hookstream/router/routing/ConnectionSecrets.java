package io.hookstream.router.routing;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The text values of a connection's data (tokens, secrets), to keep them out of bundles. Values
 * shorter than {@link #MIN_LENGTH} characters are left out: they carry no secret worth the name and
 * would match ordinary output by chance.
 */
final class ConnectionSecrets {

    static final int MIN_LENGTH = 8;

    private ConnectionSecrets() {}

    static List<String> of(@Nullable Value connection) {
        if (connection == null || Values.isUndefined(connection)) {
            return List.of();
        }
        List<String> secrets = new ArrayList<>();
        collect(Values.toJson(connection), secrets);
        return secrets;
    }

    /**
     * Whether {@code json} (a bundle's output as JSON text) contains one of the values, as JSON
     * would write it.
     */
    static boolean exposedIn(String json, List<String> secrets) {
        for (String secret : secrets) {
            if (json.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    private static void collect(JsonNode node, List<String> secrets) {
        if (node.isString()) {
            String text = node.asString();
            if (text.length() >= MIN_LENGTH) {
                // compared with JSON text, so quote and escape the value the way the output is
                // written
                String quoted = node.toString();
                secrets.add(quoted.substring(1, quoted.length() - 1));
            }
        } else if (node.isContainer()) {
            node.forEach(child -> collect(child, secrets));
        }
    }
}
