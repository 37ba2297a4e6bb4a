package io.hookstream.iml;

import org.jspecify.annotations.Nullable;

/**
 * A lexical or syntax error, or a limit broken while compiling. Thrown by the {@code compile*}
 * methods.
 */
public final class ParseException extends ImlException {

    private static final long serialVersionUID = 1L;

    public ParseException(ErrorCode code, Span span, @Nullable String source, Object... args) {
        super(code, span, "", source, null, args);
    }

    private ParseException(
            ErrorCode code,
            Span span,
            String path,
            @Nullable String source,
            @Nullable Throwable cause,
            Object[] args) {
        super(code, span, path, source, cause, args);
    }

    @Override
    ImlException copy(Span span, String path, @Nullable String source) {
        ParseException copy =
                new ParseException(code(), span, path, source, getCause(), args().toArray());
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
