package io.hookstream.support.outbound;

/** What {@link DestinationPolicy} decided about one resolved address. */
public sealed interface Verdict {

    boolean allowed();

    /** A public address, or one the operator allowed. */
    record Allowed(String why) implements Verdict {
        @Override
        public boolean allowed() {
            return true;
        }
    }

    /**
     * An address inside a blocked range.
     *
     * @param range what the range is, e.g. {@code loopback} or {@code private (RFC 1918)}; for the
     *     operator's log, never for the caller
     */
    record Refused(String range) implements Verdict {
        @Override
        public boolean allowed() {
            return false;
        }
    }
}
