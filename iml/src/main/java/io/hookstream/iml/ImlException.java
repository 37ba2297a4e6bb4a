package io.hookstream.iml;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Base of every error the engine throws. Carries a stable {@link ErrorCode}, the {@link Span} in
 * the IML string (never null, {@link Span#NONE} when unknown), the template path (e.g. {@code
 * webhooks.orders.output.id}, empty when unknown) and the message arguments. {@link #getMessage()}
 * decorates the plain message with code, path, line:column and a caret snippet.
 *
 * <p>Instances are immutable; the engine adds position and path on the way up by creating copies
 * with {@link #at(Span, String)} and {@link #inPath(String)}.
 */
public class ImlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final Span span;
    private final String path;
    private final List<Object> args;
    private final @Nullable String source;

    ImlException(
            ErrorCode code,
            Span span,
            String path,
            @Nullable String source,
            @Nullable Throwable cause,
            Object... args) {
        super(code.format(args), cause);
        this.code = code;
        this.span = span;
        this.path = path;
        this.source = source;
        this.args = List.of(stringified(args));
    }

    private static Object[] stringified(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i] == null ? "null" : args[i];
        }
        return out;
    }

    public ErrorCode code() {
        return code;
    }

    public Span span() {
        return span;
    }

    /** The template path of the failing value; empty when the error has none. */
    public String path() {
        return path;
    }

    public List<Object> args() {
        return args;
    }

    /** The IML string the span refers to, when known. */
    public @Nullable String source() {
        return source;
    }

    /** The message without code, path or position. */
    public String originalMessage() {
        // always set: the constructor passes the formatted message to RuntimeException
        return Objects.requireNonNullElse(super.getMessage(), "");
    }

    /**
     * A copy located at {@code span} in {@code source}, unless this error already has a position.
     */
    public ImlException at(Span span, @Nullable String source) {
        if (!this.span.isNone() || span.isNone()) {
            return this;
        }
        return copy(span, path, source);
    }

    /** A copy that carries {@code path}, unless this error already has one. */
    public ImlException inPath(String path) {
        if (!this.path.isEmpty() || path.isEmpty()) {
            return this;
        }
        return copy(span, path, source);
    }

    ImlException copy(Span span, String path, @Nullable String source) {
        ImlException copy = new ImlException(code, span, path, source, getCause(), args.toArray());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(code.id());
        if (!path.isEmpty()) {
            sb.append(" at ").append(path);
        }
        if (!span.isNone()) {
            sb.append(path.isEmpty() ? " at " : " ")
                    .append(span.line())
                    .append(':')
                    .append(span.column());
        }
        sb.append(": ").append(originalMessage());
        if (!span.isNone() && source != null) {
            appendSnippet(sb, source, span);
        }
        return sb.toString();
    }

    private static void appendSnippet(StringBuilder sb, String source, Span span) {
        int lineStart = Math.max(0, Math.min(span.start(), source.length()));
        while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int lineEnd = source.indexOf('\n', lineStart);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        // keep huge single-line templates from flooding logs
        int from = Math.max(lineStart, span.start() - 60);
        int to = Math.min(lineEnd, Math.max(span.end(), span.start() + 1) + 60);
        sb.append("\n  ").append(source, from, to).append("\n  ");
        for (int i = from; i < span.start() && i < to; i++) {
            sb.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        int width = Math.max(1, Math.min(span.end(), to) - span.start());
        sb.append("^".repeat(width));
    }
}
