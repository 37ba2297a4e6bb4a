package io.hookstream.webhook.pipeline;

import io.hookstream.iml.EvalContext;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.value.Value;
import io.hookstream.webhook.spec.Directive;

/**
 * A directive could not be evaluated. Internal to the pipeline, which turns it into a {@code
 * Failed} outcome; stack traces are not filled because this is an expected control path.
 */
final class DirectiveFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The iterate container is neither an array nor null/undefined (Decision D4). */
    static final String NOT_AN_ARRAY = "WEBHOOK-ITERATE";

    /** {@code respond.status} or {@code respond.type} has an unusable value. */
    static final String BAD_RESPONSE = "WEBHOOK-RESPOND";

    /** A response header name or value cannot be sent. */
    static final String BAD_HEADER = "WEBHOOK-HEADER";

    /** The signature directive cannot be checked, e.g. the secret is empty. */
    static final String SIGNATURE_CONFIG = "WEBHOOK-SIGNATURE";

    /** A bug, not bad input: something threw that should not have. */
    static final String INTERNAL = "WEBHOOK-INTERNAL";

    private final String directivePath;
    private final String code;
    private final String message;

    DirectiveFailure(String directivePath, String code, String message) {
        super(message, null, false, false);
        this.directivePath = directivePath;
        this.code = code;
        this.message = message;
    }

    /** Never null: every failure is made with its message. */
    @Override
    public String getMessage() {
        return message;
    }

    String directivePath() {
        return directivePath;
    }

    String code() {
        return code;
    }

    /**
     * Evaluates {@code directive}, turning an IML error into a failure at the innermost known path.
     */
    static Value evaluate(Directive directive, EvalContext context) {
        try {
            return directive.evaluate(context);
        } catch (ImlException e) {
            throw new DirectiveFailure(
                    e.path().isEmpty() ? directive.path() : e.path(),
                    e.code().id(),
                    e.originalMessage());
        }
    }
}
