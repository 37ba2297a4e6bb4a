package io.hookstream.iml;

import org.jspecify.annotations.Nullable;

/**
 * An error while evaluating a compiled template or expression. Function implementations throw it
 * without a position; the evaluator adds the call site's span and the template path.
 */
public final class EvalException extends ImlException {

    private static final long serialVersionUID = 1L;

    public EvalException(ErrorCode code, Object... args) {
        super(code, Span.NONE, "", null, null, args);
    }

    public EvalException(ErrorCode code, @Nullable Throwable cause, Object... args) {
        super(code, Span.NONE, "", null, cause, args);
    }

    private EvalException(
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
        EvalException copy =
                new EvalException(code(), span, path, source, getCause(), args().toArray());
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
