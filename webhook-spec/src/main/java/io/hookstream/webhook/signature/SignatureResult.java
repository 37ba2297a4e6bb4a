package io.hookstream.webhook.signature;

/**
 * The verdict on one request. Reasons name headers and rules, never the secret or a signature
 * value, because they end up in logs and responses.
 */
public sealed interface SignatureResult {

    /** At least one signature on the request matches. */
    record Valid() implements SignatureResult {}

    /** The request is not signed as required: the sender is answered 401. */
    record Invalid(String reason) implements SignatureResult {}

    /**
     * The hook's own configuration prevents checking (e.g. the secret is empty): a server-side
     * fault.
     */
    record Misconfigured(String reason) implements SignatureResult {}

    static SignatureResult valid() {
        return new Valid();
    }

    static SignatureResult invalid(String reason) {
        return new Invalid(reason);
    }
}
