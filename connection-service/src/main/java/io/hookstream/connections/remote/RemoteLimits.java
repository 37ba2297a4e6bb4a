package io.hookstream.connections.remote;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on every request to an outside service ({@code hookstream.control.remote.*}), so that a
 * slow or hostile endpoint can hold neither an API call nor the service's memory.
 *
 * @param connectTimeout how long establishing the connection may take; default 5 s
 * @param responseTimeout how long the answer may take once the request is sent; default 10 s
 * @param maxResponseSize the largest response body read, larger answers fail; default 1 MB
 */
public record RemoteLimits(
        Duration connectTimeout, Duration responseTimeout, DataSize maxResponseSize) {

    /**
     * Unset keys (null from the binder) take their defaults, so the accessors never return null.
     */
    public RemoteLimits(
            @Nullable Duration connectTimeout,
            @Nullable Duration responseTimeout,
            @Nullable DataSize maxResponseSize) {
        DataSize size = maxResponseSize == null ? DataSize.ofMegabytes(1) : maxResponseSize;
        if (size.toBytes() < 0 || size.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "hookstream.control.remote.max-response-size must be between 0 and 2 GB");
        }
        this.connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        this.responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
        this.maxResponseSize = size;
    }

    public static RemoteLimits defaults() {
        return new RemoteLimits(null, null, null);
    }
}
