package io.hookstream.webhook.pipeline;

import io.hookstream.iml.EvalContext;
import io.hookstream.iml.value.BufferValue;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import io.hookstream.webhook.request.WebhookRequest;
import io.hookstream.webhook.signature.SignatureResult;
import io.hookstream.webhook.signature.SignedRequest;
import io.hookstream.webhook.spec.SignatureSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Evaluates the secret (and generic payload) of a {@code signature} directive and runs the check.
 */
final class SignatureStep {

    private SignatureStep() {}

    /**
     * @return the verdict; never {@link SignatureResult.Misconfigured}, which becomes a failure
     * @throws DirectiveFailure when the secret or payload cannot be evaluated or the secret is
     *     unusable
     */
    static SignatureResult verify(
            SignatureSpec spec, WebhookRequest request, EvalContext context, Instant now) {
        byte[] secret = bytes(DirectiveFailure.evaluate(spec.secret(), context));
        byte[] payload =
                spec.payload() == null
                        ? request.body()
                        : bytes(DirectiveFailure.evaluate(spec.payload(), context));
        SignatureResult result =
                spec.check().verify(new SignedRequest(request.headers(), payload, now), secret);
        if (result instanceof SignatureResult.Misconfigured misconfigured) {
            throw new DirectiveFailure(
                    spec.secret().path(),
                    DirectiveFailure.SIGNATURE_CONFIG,
                    misconfigured.reason());
        }
        return result;
    }

    /** A buffer as its bytes (a binary key or payload), anything else as its UTF-8 text form. */
    private static byte[] bytes(Value value) {
        return value.kind() == Kind.BUFFER
                ? ((BufferValue) value).bytes()
                : Values.text(value).getBytes(StandardCharsets.UTF_8);
    }
}
