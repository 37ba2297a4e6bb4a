package io.hookstream.iml;

/**
 * A region of an IML string: 1-based line and column of the first character, and the 0-based
 * half-open character range {@code [start, end)}.
 */
public record Span(int line, int column, int start, int end) {

    /** The span of errors that have no source position (for example a limit hit in a function). */
    public static final Span NONE = new Span(0, 0, -1, -1);

    public boolean isNone() {
        return start < 0;
    }

    /** The smallest span that covers both spans. */
    public Span to(Span other) {
        if (isNone()) {
            return other;
        }
        if (other.isNone()) {
            return this;
        }
        return start <= other.start
                ? new Span(line, column, start, Math.max(end, other.end))
                : new Span(other.line, other.column, other.start, Math.max(end, other.end));
    }
}
