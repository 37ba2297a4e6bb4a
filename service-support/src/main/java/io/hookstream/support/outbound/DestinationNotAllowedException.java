package io.hookstream.support.outbound;

import java.net.ConnectException;

/**
 * An outbound request refused before connecting: its host is, or resolves to, an address the {@link
 * DestinationPolicy} does not allow. The message names the host only; the range is kept for the
 * operator's log, and the resolved address appears nowhere (it would tell a caller what the host
 * resolves to inside the network). A {@link ConnectException}, as no connection was made.
 */
public final class DestinationNotAllowedException extends ConnectException {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final String range;

    public DestinationNotAllowedException(String host, String range) {
        super(host + " is not an allowed destination");
        this.host = host;
        this.range = range;
    }

    /** The host as the request named it. */
    public String host() {
        return host;
    }

    /** What kind of address it resolved to, e.g. {@code loopback}; for logs only. */
    public String range() {
        return range;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // an expected refusal, not a bug: no stack to capture
        return this;
    }
}
