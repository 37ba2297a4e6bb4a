package io.hookstream.webhook.connection;

import io.hookstream.iml.EvalContext;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.value.Value;
import io.hookstream.webhook.spec.Directive;

/** Evaluates a directive, turning IML errors into {@link RequestRenderException}s. */
final class Evaluation {

    static final String BAD_VALUE = "WEBHOOK-REQUEST";

    private Evaluation() {}

    static Value evaluate(Directive directive, EvalContext context) {
        try {
            return directive.evaluate(context);
        } catch (ImlException e) {
            throw new RequestRenderException(
                    e.path().isEmpty() ? directive.path() : e.path(),
                    e.code().id(),
                    e.originalMessage());
        }
    }
}
