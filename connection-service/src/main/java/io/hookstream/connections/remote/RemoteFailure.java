package io.hookstream.connections.remote;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A remote request that produced no usable answer. The message is already redacted, so it may be
 * logged and returned to the client as it is.
 */
public final class RemoteFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Why the request failed; the first two are the app definition's fault, the rest the remote
     * side's.
     */
    public enum Reason {
        /** The request directive could not be evaluated into a sendable request. */
        RENDER,
        /** The response block could not be evaluated. */
        EVALUATION,
        /** No connection: refused, unknown host, TLS failure. */
        UNREACHABLE,
        /** No answer within the configured time. */
        TIMEOUT,
        /** The answer was larger than the configured maximum. */
        TOO_LARGE,
        /**
         * Not sent: the host is, or resolves to, an address outside the public internet that the
         * operator did not allow ({@code hookstream.outbound.allow}).
         */
        DESTINATION_NOT_ALLOWED;

        public String label() {
            return this == DESTINATION_NOT_ALLOWED
                    ? "destination_not_allowed"
                    : name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    private final @Nullable String directivePath;
    private final @Nullable String code;
    private final @Nullable String host;

    RemoteFailure(
            Reason reason,
            String redactedMessage,
            @Nullable String directivePath,
            @Nullable String code) {
        this(reason, redactedMessage, directivePath, code, null);
    }

    RemoteFailure(
            Reason reason,
            String redactedMessage,
            @Nullable String directivePath,
            @Nullable String code,
            @Nullable String host) {
        super(redactedMessage, null, false, false);
        this.reason = reason;
        this.directivePath = directivePath;
        this.code = code;
        this.host = host;
    }

    /** For DESTINATION_NOT_ALLOWED: the refused host as the request named it. */
    public @Nullable String host() {
        return host;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * For RENDER and EVALUATION: where in the request directive, e.g. {@code headers} or {@code
     * response.uid}.
     */
    public @Nullable String directivePath() {
        return directivePath;
    }

    /** For RENDER and EVALUATION: the IML error code, or {@code WEBHOOK-REQUEST}. */
    public @Nullable String code() {
        return code;
    }

    /** Whether the app definition, rather than the remote service, is at fault. */
    public boolean isDefinitionError() {
        return reason == Reason.RENDER || reason == Reason.EVALUATION;
    }
}
