package io.hookstream.webhook.pipeline;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import io.hookstream.webhook.spec.AppDefinition;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Everything a webhook's directives see besides the request: the hook's {@code parameters} (also
 * bound as {@code data}, D21), the app's {@code common} data, the hook's {@code connection} data,
 * the attach data as {@code webhook}, and the evaluation time zone (D16).
 */
public record HookScope(
        Value parameters, Value common, Value connection, Value webhook, ZoneId timezone) {

    public HookScope {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(timezone, "timezone");
    }

    /**
     * A scope from JSON. Absent parameters are an empty object; absent connection and attach data
     * are undefined, so that {@code connection.x} is undefined rather than an error.
     */
    public static HookScope of(
            @Nullable JsonNode parameters,
            @Nullable JsonNode common,
            @Nullable JsonNode connection,
            @Nullable JsonNode webhook,
            ZoneId timezone) {
        return new HookScope(
                parameters == null ? Values.object(Map.of()) : Values.fromJson(parameters),
                common == null ? Values.object(Map.of()) : Values.fromJson(common),
                connection == null ? Values.UNDEFINED : Values.fromJson(connection),
                webhook == null ? Values.UNDEFINED : Values.fromJson(webhook),
                timezone);
    }

    /** A hook of {@code app}: the app's common data and time zone, with the hook's own data. */
    public static HookScope of(
            AppDefinition app,
            @Nullable JsonNode parameters,
            @Nullable JsonNode connection,
            @Nullable JsonNode webhook) {
        return of(parameters, app.common(), connection, webhook, app.timezone());
    }

    /** No parameters, no common data, no connection, UTC: a webhook that uses only the request. */
    public static HookScope empty() {
        return of(null, null, null, null, ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        // every part may hold secrets
        return "HookScope[timezone=" + timezone + "]";
    }
}
