package io.hookstream.ingress.requests;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of the request log. A flood of forged or refused requests must not become a flood of
 * records, so every record is taken from a budget first, and records that find the hand-off queue
 * full are dropped and counted rather than waited for.
 *
 * @param enabled whether refused requests are recorded at all
 * @param perHookPerSecond records per known hook (or app webhook) per second
 * @param unknownPerSecond records per second for all requests to unknown hooks together, since
 *     their ids are whatever a sender makes up
 * @param totalPerSecond records per second for the whole ingress
 * @param bodyPreview how much of a body is kept
 * @param maxHeaderValue longer header values are cut to this many characters
 * @param queueCapacity records waiting for the producer; beyond it they are dropped and counted
 */
@ConfigurationProperties("hookstream.ingress.request-log")
public record RequestLogSettings(
        boolean enabled,
        int perHookPerSecond,
        int unknownPerSecond,
        int totalPerSecond,
        DataSize bodyPreview,
        int maxHeaderValue,
        int queueCapacity) {

    /** What the binder calls: unset keys arrive as null and take their defaults. */
    @ConstructorBinding
    public RequestLogSettings(
            @Nullable Boolean enabled,
            @Nullable Integer perHookPerSecond,
            @Nullable Integer unknownPerSecond,
            @Nullable Integer totalPerSecond,
            @Nullable DataSize bodyPreview,
            @Nullable Integer maxHeaderValue,
            @Nullable Integer queueCapacity) {
        this(
                enabled == null || enabled,
                perHookPerSecond == null ? 10 : perHookPerSecond,
                unknownPerSecond == null ? 20 : unknownPerSecond,
                totalPerSecond == null ? 500 : totalPerSecond,
                bodyPreview == null ? DataSize.ofKilobytes(2) : bodyPreview,
                maxHeaderValue == null ? 1024 : maxHeaderValue,
                queueCapacity == null ? 10_000 : queueCapacity);
    }
}
