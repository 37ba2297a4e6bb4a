package io.hookstream.webhook.signature;

/**
 * One way of checking a request's signature. Implementations are immutable configuration records;
 * each compares in constant time and accepts the request if any of the signatures it carries
 * matches.
 */
public sealed interface SignatureCheck
        permits HeaderHmac, TimestampedHmac, StripeSignature, StandardWebhooksSignature {

    /**
     * Checks {@code request} against {@code secret} (the evaluated {@code secret} directive as
     * UTF-8). An empty secret gives {@link SignatureResult.Misconfigured}, never a pass.
     */
    SignatureResult verify(SignedRequest request, byte[] secret);
}
