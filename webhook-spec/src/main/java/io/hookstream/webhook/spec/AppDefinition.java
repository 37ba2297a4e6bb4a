package io.hookstream.webhook.spec;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A parsed and compiled app: its webhooks in document order, its connection, its timezone (Decision
 * D16) and its {@code common} data (Decision D21). Build it with {@link AppDefinitionParser}.
 *
 * @param appId the id the app is registered under
 * @param name the display name, if given
 * @param webhooks webhook definitions by name, in document order
 * @param connection the connection definition, if the app has one
 * @param timezone the timezone of every evaluation; UTC unless the app sets one
 * @param common the app's own data (e.g. a shared signing secret); never logged or published
 * @param limits body-size and rate limits of the app's webhooks, where they differ from the
 *     deployment's
 * @param base what every request of the app starts from (base URL, headers, error mapping)
 * @param warnings everything accepted but suspicious, for whoever registered the app
 */
public record AppDefinition(
        String appId,
        @Nullable String name,
        Map<String, WebhookDefinition> webhooks,
        @Nullable ConnectionDefinition connection,
        ZoneId timezone,
        JsonNode common,
        AppLimits limits,
        RequestDefaults base,
        List<SpecWarning> warnings) {

    public AppDefinition {
        Objects.requireNonNull(appId, "appId");
        webhooks = Collections.unmodifiableMap(new LinkedHashMap<>(webhooks));
        timezone = timezone == null ? ZoneOffset.UTC : timezone;
        common = common == null ? JsonNodeFactory.instance.objectNode() : common.deepCopy();
        limits = limits == null ? AppLimits.DEFAULTS : limits;
        base = base == null ? RequestDefaults.NONE : base;
        warnings = List.copyOf(warnings);
    }

    /** A copy, so that the definition stays immutable. */
    @Override
    public JsonNode common() {
        return common.deepCopy();
    }

    /**
     * The connection's and the base's {@code log.sanitize} paths: what of the app's requests and
     * exchanges is never shown.
     */
    public List<String> logSanitize() {
        if (base.logSanitize().isEmpty()) {
            return connection == null ? List.of() : connection.logSanitize();
        }
        java.util.Set<String> paths = new java.util.LinkedHashSet<>();
        if (connection != null) {
            paths.addAll(connection.logSanitize());
        }
        paths.addAll(base.logSanitize());
        return List.copyOf(paths);
    }

    /** The webhook named {@code name}, or {@code null}. */
    public @Nullable WebhookDefinition webhook(String name) {
        return webhooks.get(name);
    }

    @Override
    public String toString() {
        // common holds secrets
        return "AppDefinition["
                + appId
                + ", webhooks="
                + webhooks.keySet()
                + ", timezone="
                + timezone
                + "]";
    }
}
