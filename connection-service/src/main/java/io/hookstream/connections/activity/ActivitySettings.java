package io.hookstream.connections.activity;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The activity view of the control plane.
 *
 * @param applicationId the Kafka Streams application of the view; every control-plane instance of
 *     one deployment shares it and owns a share of the partitions
 * @param stateDir where this instance keeps its share of the stores; each instance its own
 * @param advertisedUrl how the other instances reach this one's API to ask for keys it owns (Kafka
 *     Streams' {@code application.server}); by default {@code http://localhost:<port>}
 * @param retention how long requests and outcomes are kept in the view
 * @param maxLimit the most entries one query returns
 * @param queryTimeout how long a query forwarded to the instance that owns the key may take
 * @param tailBuffer events a slow live-tail client may fall behind by before it misses some
 * @param routerGroup the router's application id, whose lag the overview shows
 */
@ConfigurationProperties("hookstream.control.activity")
public record ActivitySettings(
        String applicationId,
        @Nullable Path stateDir,
        @Nullable String advertisedUrl,
        Duration retention,
        int maxLimit,
        Duration queryTimeout,
        int tailBuffer,
        String routerGroup) {

    /** What the binder calls: unset keys arrive as null and take their defaults. */
    @ConstructorBinding
    public ActivitySettings(
            @Nullable String applicationId,
            @Nullable Path stateDir,
            @Nullable String advertisedUrl,
            @Nullable Duration retention,
            @Nullable Integer maxLimit,
            @Nullable Duration queryTimeout,
            @Nullable Integer tailBuffer,
            @Nullable String routerGroup) {
        this(
                applicationId == null ? "hookstream-activity" : applicationId,
                stateDir,
                advertisedUrl,
                retention == null ? Duration.ofDays(3) : retention,
                maxLimit == null ? 500 : maxLimit,
                queryTimeout == null ? Duration.ofSeconds(5) : queryTimeout,
                tailBuffer == null ? 1024 : tailBuffer,
                routerGroup == null ? "hookstream-router" : routerGroup);
    }
}
