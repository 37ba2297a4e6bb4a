package io.hookstream.webhook.connection;

import io.hookstream.iml.EvalContext;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The variables of a connection {@code info} request or an {@code attach}/{@code detach} request
 * (§6.5, §7, Decisions D8 and D21): {@code parameters}, {@code common}, the connection's stored
 * data bound as both {@code data} and {@code connection}, and {@code webhook} ({@code {id, url}}
 * for attach, the saved attach data for detach), and {@code temp}: what the previous request of a
 * chain left in its {@code response.temp} (an empty object for the first).
 */
public record ConnectionScope(
        Value parameters, Value common, Value data, Value webhook, ZoneId timezone, Value temp) {

    public ConnectionScope {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(temp, "temp");
    }

    /** A scope whose {@code temp} is still empty. */
    public ConnectionScope(
            Value parameters, Value common, Value data, Value webhook, ZoneId timezone) {
        this(parameters, common, data, webhook, timezone, Values.object(Map.of()));
    }

    /**
     * The scope of the next request of a chain: {@code temp} with {@code more}'s properties added
     * (later ones win), as each request's {@code response.temp} adds to what the next sees.
     */
    public ConnectionScope withTemp(@Nullable JsonNode more) {
        if (more == null || !more.isObject()) {
            return this;
        }
        ObjectNode merged =
                Values.toJson(temp) instanceof ObjectNode o
                        ? o
                        : JsonNodeFactory.instance.objectNode();
        merged.setAll((ObjectNode) more.deepCopy());
        return new ConnectionScope(
                parameters, common, data, webhook, timezone, Values.fromJson(merged));
    }

    /** Absent parameters, common and data are empty objects; an absent webhook is undefined. */
    public static ConnectionScope of(
            @Nullable JsonNode parameters,
            @Nullable JsonNode common,
            @Nullable JsonNode data,
            @Nullable JsonNode webhook,
            ZoneId timezone) {
        return new ConnectionScope(
                object(parameters),
                object(common),
                object(data),
                webhook == null ? Values.UNDEFINED : Values.fromJson(webhook),
                timezone);
    }

    EvalContext context(Instant now) {
        return EvalContext.builder()
                .variable(
                        "environment",
                        Values.object(Map.of("timezone", Values.text(timezone.getId()))))
                .variable("parameters", parameters)
                .variable("common", common)
                .variable("data", data)
                .variable("connection", data)
                .variable("webhook", webhook)
                .variable("temp", temp)
                .timezone(timezone)
                .now(now)
                .build();
    }

    private static Value object(@Nullable JsonNode node) {
        return node == null ? Values.object(Map.of()) : Values.fromJson(node);
    }

    @Override
    public String toString() {
        return "ConnectionScope[timezone=" + timezone + "]"; // the data holds credentials
    }
}
