package io.hookstream.webhook.spec;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The compiled directives of one webhook (§6.1 plus the {@code signature} extension E2 and
 * Hookstream's {@code dedupe}). Every directive is optional; an absent one takes the default of the
 * pipeline step that uses it. Immutable and thread-safe: compile once at registration, evaluate for
 * every request.
 */
public final class WebhookSpec {

    private final JsonNode source;
    private final @Nullable SignatureSpec signature;
    private final @Nullable VerificationSpec verification;
    private final @Nullable RespondSpec respond;
    private final @Nullable Condition condition;
    private final @Nullable IterateSpec iterate;
    private final @Nullable Directive output;
    private final @Nullable Directive uid;
    private final @Nullable DedupeSpec dedupe;
    private final @Nullable Directive trigger;
    private final List<SpecWarning> warnings;

    private WebhookSpec(Builder builder) {
        this.source = Objects.requireNonNull(builder.source, "source").deepCopy();
        this.signature = builder.signature;
        this.verification = builder.verification;
        this.respond = builder.respond;
        this.condition = builder.condition;
        this.iterate = builder.iterate;
        this.output = builder.output;
        this.uid = builder.uid;
        this.dedupe = builder.dedupe;
        this.trigger = builder.trigger;
        this.warnings = List.copyOf(builder.warnings);
    }

    static Builder builder(JsonNode source) {
        return new Builder(source);
    }

    /** The directives as written (a copy), e.g. to store or display the spec. */
    public JsonNode source() {
        return source.deepCopy();
    }

    public @Nullable SignatureSpec signature() {
        return signature;
    }

    public @Nullable VerificationSpec verification() {
        return verification;
    }

    public @Nullable RespondSpec respond() {
        return respond;
    }

    public @Nullable Condition condition() {
        return condition;
    }

    public @Nullable IterateSpec iterate() {
        return iterate;
    }

    /** {@code null} means the default output: {@code body}, or {@code item} when iterating. */
    public @Nullable Directive output() {
        return output;
    }

    /** Required for shared webhooks (checked by {@link AppDefinitionParser#parse}). */
    public @Nullable Directive uid() {
        return uid;
    }

    /**
     * {@code null} means every event is routed, however often the sender delivers it (see {@link
     * io.hookstream.webhook.pipeline.WebhookProcessor#dedupe} for the key of one event).
     */
    public @Nullable DedupeSpec dedupe() {
        return dedupe;
    }

    /**
     * The output of the app's instant trigger ({@code trigger.output}), evaluated for every bundle
     * after {@code output} with that bundle bound as {@code payload} (§6.6); {@code null}: the
     * webhook's output is the bundle.
     */
    public @Nullable Directive trigger() {
        return trigger;
    }

    /** Warnings raised while parsing, e.g. Decision D3. */
    public List<SpecWarning> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "WebhookSpec" + source;
    }

    /** Collects the compiled directives; used by the parser. */
    static final class Builder {
        private final JsonNode source;
        private @Nullable SignatureSpec signature;
        private @Nullable VerificationSpec verification;
        private @Nullable RespondSpec respond;
        private @Nullable Condition condition;
        private @Nullable IterateSpec iterate;
        private @Nullable Directive output;
        private @Nullable Directive uid;
        private @Nullable DedupeSpec dedupe;
        private @Nullable Directive trigger;
        private final List<SpecWarning> warnings = new java.util.ArrayList<>();

        private Builder(JsonNode source) {
            this.source = source;
        }

        Builder signature(@Nullable SignatureSpec value) {
            this.signature = value;
            return this;
        }

        Builder verification(@Nullable VerificationSpec value) {
            this.verification = value;
            return this;
        }

        Builder respond(@Nullable RespondSpec value) {
            this.respond = value;
            return this;
        }

        Builder condition(@Nullable Condition value) {
            this.condition = value;
            return this;
        }

        Builder iterate(@Nullable IterateSpec value) {
            this.iterate = value;
            return this;
        }

        Builder output(@Nullable Directive value) {
            this.output = value;
            return this;
        }

        Builder uid(@Nullable Directive value) {
            this.uid = value;
            return this;
        }

        Builder dedupe(@Nullable DedupeSpec value) {
            this.dedupe = value;
            return this;
        }

        Builder trigger(@Nullable Directive value) {
            this.trigger = value;
            return this;
        }

        Builder warning(SpecWarning value) {
            this.warnings.add(value);
            return this;
        }

        WebhookSpec build() {
            return new WebhookSpec(this);
        }
    }
}
