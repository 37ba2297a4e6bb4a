package io.hookstream.connections;

import io.hookstream.connections.remote.RemoteLimits;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ingressBaseUrl the base of webhook URLs handed out, as senders reach the ingress
 * @param triggerStrategy {@code per-user}: one trigger topic per user; {@code shared}: one topic
 *     keyed by user id
 * @param writeTimeout how long a write waits for the broker before the API answers 503
 * @param apiToken the bearer token every {@code /api} call must carry; required
 * @param remote bounds on requests to outside services (connection {@code info}, attach, detach)
 */
@ConfigurationProperties("hookstream.control")
public record ControlPlaneSettings(
        String ingressBaseUrl,
        TriggerStrategy triggerStrategy,
        Duration writeTimeout,
        String apiToken,
        RemoteLimits remote) {

    public enum TriggerStrategy {
        PER_USER,
        SHARED
    }

    /**
     * Unset keys (null from the binder) take their defaults, so the accessors never return null;
     * the token has none and must be set.
     */
    public ControlPlaneSettings(
            @Nullable String ingressBaseUrl,
            @Nullable TriggerStrategy triggerStrategy,
            @Nullable Duration writeTimeout,
            @Nullable String apiToken,
            @Nullable RemoteLimits remote) {
        this.ingressBaseUrl =
                ingressBaseUrl == null ? "http://localhost:8080" : stripSlash(ingressBaseUrl);
        this.triggerStrategy = triggerStrategy == null ? TriggerStrategy.PER_USER : triggerStrategy;
        this.writeTimeout = writeTimeout == null ? Duration.ofSeconds(10) : writeTimeout;
        this.apiToken = requireToken(apiToken);
        this.remote = remote == null ? RemoteLimits.defaults() : remote;
    }

    private static String requireToken(@Nullable String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(
                    "hookstream.control.api-token is not set: the control plane API needs a bearer token (env HOOKSTREAM_CONTROL_API_TOKEN)");
        }
        return token.strip();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
