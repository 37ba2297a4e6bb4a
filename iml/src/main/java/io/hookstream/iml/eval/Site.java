package io.hookstream.iml.eval;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.Span;

/** Where a node sits in its IML string, so that errors raised there can point at it. */
record Site(Span span, String source) {

    ImlException locate(ImlException e) {
        return e.at(span, source);
    }

    ImlException error(ErrorCode code, Object... args) {
        return new EvalException(code, args).at(span, source);
    }

    /** Wraps a bug in function code so that no non-IML exception leaves the engine. */
    ImlException internal(String where, RuntimeException e) {
        return new EvalException(ErrorCode.INTERNAL_ERROR, e, where, e.toString()).at(span, source);
    }
}
