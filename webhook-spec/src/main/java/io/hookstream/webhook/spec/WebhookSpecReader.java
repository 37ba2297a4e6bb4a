package io.hookstream.webhook.spec;

import io.hookstream.webhook.respond.ResponseType;
import io.hookstream.webhook.signature.HeaderHmac;
import io.hookstream.webhook.signature.HmacAlgorithm;
import io.hookstream.webhook.signature.SignatureCheck;
import io.hookstream.webhook.signature.SignatureEncoding;
import io.hookstream.webhook.signature.SignaturePreset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the directives of one webhook (§6.1 and E2) into a {@link WebhookSpec}. */
final class WebhookSpecReader {

    private static final Set<String> DIRECTIVES =
            Set.of(
                    "signature",
                    "verification",
                    "respond",
                    "condition",
                    "iterate",
                    "output",
                    "uid",
                    "dedupe",
                    "trigger");
    private static final Set<String> TRIGGER_FIELDS = Set.of("output");
    private static final Set<String> DEDUPE_FIELDS = Set.of("key", "window");
    private static final Set<String> VERIFICATION_FIELDS = Set.of("condition", "respond");
    private static final Set<String> RESPOND_FIELDS = Set.of("type", "status", "headers", "body");
    private static final Set<String> ITERATE_FIELDS = Set.of("container", "condition");
    private static final Set<String> CONDITION_FIELDS = Set.of("condition", "default");
    private static final Set<String> PRESET_FIELDS =
            Set.of("scheme", "secret", "tolerance", "condition");
    private static final Set<String> HMAC_FIELDS =
            Set.of(
                    "scheme",
                    "secret",
                    "header",
                    "algorithm",
                    "encoding",
                    "prefix",
                    "payload",
                    "condition");

    private final DirectiveCompiler compiler;
    private final Findings findings;
    private final List<SpecWarning> warnings = new ArrayList<>();

    WebhookSpecReader(DirectiveCompiler compiler) {
        this.compiler = compiler;
        this.findings = compiler.findings();
    }

    /** The spec, or a partial one when problems were recorded (the caller throws then). */
    WebhookSpec read(JsonNode directives) {
        WebhookSpec.Builder spec = WebhookSpec.builder(directives);
        if (directives.isMissingNode() || directives.isNull()) {
            return spec.build();
        }
        if (!Shapes.object(directives, compiler.documentPath(""), findings)) {
            return spec.build();
        }
        Shapes.knownFields(directives, DIRECTIVES, compiler.documentPath(""), findings);
        JsonNode node;
        if ((node = directives.get("signature")) != null) {
            spec.signature(signature(node));
        }
        if ((node = directives.get("verification")) != null) {
            spec.verification(verification(node));
        }
        if ((node = directives.get("respond")) != null) {
            spec.respond(respond(node, "respond"));
        }
        if ((node = directives.get("condition")) != null) {
            spec.condition(condition(node, "condition"));
        }
        if ((node = directives.get("iterate")) != null) {
            spec.iterate(iterate(node));
        }
        if ((node = directives.get("output")) != null) {
            spec.output(compiler.template(node, "output"));
        }
        if ((node = directives.get("uid")) != null
                && Shapes.string(node, compiler.documentPath("uid"), findings)) {
            spec.uid(compiler.template(node, "uid"));
        }
        if ((node = directives.get("dedupe")) != null) {
            spec.dedupe(dedupe(node));
        }
        if ((node = directives.get("trigger")) != null
                && Shapes.object(node, compiler.documentPath("trigger"), findings)) {
            Shapes.knownFields(node, TRIGGER_FIELDS, compiler.documentPath("trigger"), findings);
            JsonNode output = node.get("output");
            if (output != null) {
                spec.trigger(compiler.template(output, "trigger.output"));
            }
        }
        warnings.forEach(spec::warning);
        return spec.build();
    }

    /** An IML string (the key, with the default window) or {@code {"key": …, "window": s}}. */
    private @Nullable DedupeSpec dedupe(JsonNode node) {
        String path = "dedupe";
        if (node.isString()) {
            Directive key = dedupeKey(node, path);
            return key == null ? null : new DedupeSpec(key, DedupeSpec.DEFAULT_WINDOW);
        }
        if (!node.isObject()) {
            findings.problem(
                    compiler.documentPath(path),
                    ProblemCodes.WRONG_TYPE,
                    "must be an IML string or an object with key and window, got "
                            + Shapes.describe(node));
            return null;
        }
        Shapes.knownFields(node, DEDUPE_FIELDS, compiler.documentPath(path), findings);
        JsonNode keyNode = node.get("key");
        Directive key = null;
        if (keyNode == null) {
            findings.problem(
                    compiler.documentPath(path + ".key"), ProblemCodes.MISSING, "is required");
        } else if (Shapes.string(keyNode, compiler.documentPath(path + ".key"), findings)) {
            key = dedupeKey(keyNode, path + ".key");
        }
        JsonNode windowNode = node.get("window");
        Duration window = windowNode == null ? DedupeSpec.DEFAULT_WINDOW : window(windowNode, path);
        return key == null || window == null ? null : new DedupeSpec(key, window);
    }

    /**
     * A key without an expression is the same for every event, so every event after the first would
     * be dropped as a duplicate: that is always a mistake (a forgotten {@code {{…}}}).
     */
    private @Nullable Directive dedupeKey(JsonNode key, String path) {
        if (Shapes.literal(key)) {
            findings.problem(
                    compiler.documentPath(path),
                    ProblemCodes.INVALID_VALUE,
                    "must hold an expression such as {{body.id}}; a constant key would make"
                            + " every event after the first a duplicate");
            return null;
        }
        return compiler.template(key, path);
    }

    /** Whole seconds, as {@code signature.tolerance} and {@code limits.rateLimit} count them. */
    private @Nullable Duration window(JsonNode window, String path) {
        long max = DedupeSpec.MAX_WINDOW.toSeconds();
        if (!window.isIntegralNumber()
                || !window.canConvertToLong()
                || window.longValue() < 1
                || window.longValue() > max) {
            findings.problem(
                    compiler.documentPath(path + ".window"),
                    ProblemCodes.INVALID_VALUE,
                    "must be a whole number of seconds from 1 to "
                            + max
                            + " (30 days), got "
                            + window);
            return null;
        }
        return Duration.ofSeconds(window.longValue());
    }

    private @Nullable VerificationSpec verification(JsonNode node) {
        String path = "verification";
        if (!Shapes.object(node, compiler.documentPath(path), findings)) {
            return null;
        }
        Shapes.knownFields(node, VERIFICATION_FIELDS, compiler.documentPath(path), findings);
        JsonNode condition = node.get("condition");
        if (condition == null) {
            String message =
                    "verification has no condition, so every request is answered as a handshake"
                            + " and none is published (Decision D3)";
            warn(path, message);
        }
        JsonNode respond = node.get("respond");
        return new VerificationSpec(
                condition == null ? null : condition(condition, path + ".condition"),
                respond == null ? null : respond(respond, path + ".respond"));
    }

    /**
     * A warning goes both to the document's list and to the spec, which may be parsed on its own.
     */
    private void warn(String path, String message) {
        findings.warning(compiler.documentPath(path), message);
        warnings.add(new SpecWarning(compiler.documentPath(path), message));
    }

    private @Nullable RespondSpec respond(JsonNode node, String path) {
        if (!Shapes.object(node, compiler.documentPath(path), findings)) {
            return null;
        }
        Shapes.knownFields(node, RESPOND_FIELDS, compiler.documentPath(path), findings);
        JsonNode type = node.get("type");
        if (type != null
                && Shapes.string(type, compiler.documentPath(path + ".type"), findings)
                && Shapes.literal(type)
                && ResponseType.fromName(type.stringValue()) == null) {
            findings.problem(
                    compiler.documentPath(path + ".type"),
                    ProblemCodes.INVALID_VALUE,
                    "must be json, urlencoded or text");
        }
        JsonNode status = node.get("status");
        if (status != null) {
            checkStatus(status, path + ".status");
        }
        JsonNode headers = node.get("headers");
        if (headers != null) {
            Shapes.object(headers, compiler.documentPath(path + ".headers"), findings);
        }
        return new RespondSpec(
                type == null ? null : compiler.template(type, path + ".type"),
                status == null ? null : compiler.template(status, path + ".status"),
                headers == null ? null : compiler.template(headers, path + ".headers"),
                node.has("body") ? compiler.template(node.get("body"), path + ".body") : null);
    }

    private void checkStatus(JsonNode status, String path) {
        boolean valid;
        if (status.isIntegralNumber()) {
            valid =
                    status.canConvertToInt()
                            && status.intValue() >= 100
                            && status.intValue() <= 999;
        } else if (status.isString()) {
            valid = !Shapes.literal(status) || status.stringValue().trim().matches("[1-9][0-9]{2}");
        } else {
            valid = false;
        }
        if (!valid) {
            findings.problem(
                    compiler.documentPath(path),
                    ProblemCodes.INVALID_VALUE,
                    "must be an integer from 100 to 999 or an IML string");
        }
    }

    /** {@code true|false}, an IML string, or {@code {"condition": …, "default": bool}}. */
    private @Nullable Condition condition(JsonNode node, String path) {
        if (node.isObject()) {
            Shapes.knownFields(node, CONDITION_FIELDS, compiler.documentPath(path), findings);
            JsonNode test = node.get("condition");
            if (test == null) {
                findings.problem(
                        compiler.documentPath(path + ".condition"),
                        ProblemCodes.MISSING,
                        "is required");
                return null;
            }
            JsonNode fallback = node.get("default");
            if (fallback != null && !fallback.isBoolean()) {
                findings.problem(
                        compiler.documentPath(path + ".default"),
                        ProblemCodes.WRONG_TYPE,
                        "must be a boolean");
            }
            Directive directive =
                    Shapes.stringOrBoolean(
                                    test, compiler.documentPath(path + ".condition"), findings)
                            ? compiler.template(test, path + ".condition")
                            : null;
            return directive == null
                    ? null
                    : new Condition(directive, fallback != null && fallback.asBoolean());
        }
        if (!Shapes.stringOrBoolean(node, compiler.documentPath(path), findings)) {
            return null;
        }
        Directive directive = compiler.template(node, path);
        return directive == null ? null : new Condition(directive, false);
    }

    private @Nullable IterateSpec iterate(JsonNode node) {
        if (node.isString()) {
            Directive container = compiler.bareOrTemplate(node, "iterate");
            return container == null ? null : new IterateSpec(container, null);
        }
        if (!node.isObject()) {
            findings.problem(
                    compiler.documentPath("iterate"),
                    ProblemCodes.WRONG_TYPE,
                    "must be an IML string or an object with container and condition");
            return null;
        }
        Shapes.knownFields(node, ITERATE_FIELDS, compiler.documentPath("iterate"), findings);
        JsonNode container = node.get("container");
        if (container == null) {
            findings.problem(
                    compiler.documentPath("iterate.container"),
                    ProblemCodes.MISSING,
                    "is required");
            return null;
        }
        if (!Shapes.string(container, compiler.documentPath("iterate.container"), findings)) {
            return null;
        }
        Directive compiled = compiler.bareOrTemplate(container, "iterate.container");
        JsonNode condition = node.get("condition");
        Condition itemCondition =
                condition == null ? null : condition(condition, "iterate.condition");
        return compiled == null ? null : new IterateSpec(compiled, itemCondition);
    }

    private @Nullable SignatureSpec signature(JsonNode node) {
        String path = "signature";
        if (!Shapes.object(node, compiler.documentPath(path), findings)) {
            return null;
        }
        JsonNode schemeNode = node.get("scheme");
        if (schemeNode == null) {
            findings.problem(
                    compiler.documentPath(path + ".scheme"), ProblemCodes.MISSING, "is required");
            return null;
        }
        if (!Shapes.string(schemeNode, compiler.documentPath(path + ".scheme"), findings)) {
            return null;
        }
        String scheme = schemeNode.stringValue();
        SignaturePreset preset = SignaturePreset.fromName(scheme);
        boolean generic = scheme.equals("hmac");
        if (preset == null && !generic) {
            findings.problem(
                    compiler.documentPath(path + ".scheme"),
                    ProblemCodes.INVALID_VALUE,
                    "unknown scheme; expected github, stripe, slack, shopify, zoom, standard, meta or hmac");
            return null;
        }
        Shapes.knownFields(
                node, generic ? HMAC_FIELDS : PRESET_FIELDS, compiler.documentPath(path), findings);
        JsonNode secretNode = node.get("secret");
        Directive secret = null;
        if (secretNode == null) {
            findings.problem(
                    compiler.documentPath(path + ".secret"), ProblemCodes.MISSING, "is required");
        } else if (Shapes.string(secretNode, compiler.documentPath(path + ".secret"), findings)) {
            secret = compiler.template(secretNode, path + ".secret");
        }
        // no preset is named hmac, so the preset is missing exactly for the generic scheme
        SignatureCheck check =
                preset == null
                        ? genericCheck(node, path)
                        : preset.check(tolerance(node, path, preset));
        Directive payload = null;
        if (generic
                && node.has("payload")
                && Shapes.string(
                        node.get("payload"), compiler.documentPath(path + ".payload"), findings)) {
            payload = compiler.template(node.get("payload"), path + ".payload");
        }
        Condition condition =
                node.has("condition")
                        ? condition(node.get("condition"), path + ".condition")
                        : null;
        return secret == null || check == null
                ? null
                : new SignatureSpec(scheme, check, secret, payload, condition);
    }

    private Duration tolerance(JsonNode node, String path, SignaturePreset preset) {
        JsonNode tolerance = node.get("tolerance");
        if (tolerance == null) {
            return SignaturePreset.DEFAULT_TOLERANCE;
        }
        if (!tolerance.isIntegralNumber()
                || !tolerance.canConvertToInt()
                || tolerance.intValue() <= 0) {
            findings.problem(
                    compiler.documentPath(path + ".tolerance"),
                    ProblemCodes.INVALID_VALUE,
                    "must be a positive whole number of seconds");
            return SignaturePreset.DEFAULT_TOLERANCE;
        }
        if (!preset.hasTimestamp()) {
            warn(
                    path + ".tolerance",
                    "the "
                            + preset.directiveName()
                            + " scheme signs no timestamp, so tolerance has no effect");
        }
        return Duration.ofSeconds(tolerance.intValue());
    }

    private @Nullable SignatureCheck genericCheck(JsonNode node, String path) {
        JsonNode header = node.get("header");
        if (header == null) {
            findings.problem(
                    compiler.documentPath(path + ".header"), ProblemCodes.MISSING, "is required");
        }
        HmacAlgorithm algorithm = HmacAlgorithm.SHA256;
        JsonNode algorithmNode = node.get("algorithm");
        if (algorithmNode != null) {
            algorithm =
                    algorithmNode.isString()
                            ? HmacAlgorithm.fromName(algorithmNode.stringValue())
                            : null;
            if (algorithm == null) {
                findings.problem(
                        compiler.documentPath(path + ".algorithm"),
                        ProblemCodes.INVALID_VALUE,
                        "must be sha1, sha256 or sha512");
            }
        }
        SignatureEncoding encoding = SignatureEncoding.HEX;
        JsonNode encodingNode = node.get("encoding");
        if (encodingNode != null) {
            encoding =
                    encodingNode.isString()
                            ? SignatureEncoding.fromName(encodingNode.stringValue())
                            : null;
            if (encoding == null) {
                findings.problem(
                        compiler.documentPath(path + ".encoding"),
                        ProblemCodes.INVALID_VALUE,
                        "must be hex or base64");
            }
        }
        JsonNode prefix = node.get("prefix");
        if (prefix != null) {
            Shapes.string(prefix, compiler.documentPath(path + ".prefix"), findings);
        }
        if (header == null
                || !Shapes.string(header, compiler.documentPath(path + ".header"), findings)
                || algorithm == null
                || encoding == null) {
            return null;
        }
        return new HeaderHmac(
                header.stringValue(),
                algorithm,
                encoding,
                prefix != null && prefix.isString() ? prefix.stringValue() : "");
    }
}
