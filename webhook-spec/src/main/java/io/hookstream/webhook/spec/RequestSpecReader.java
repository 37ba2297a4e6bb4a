package io.hookstream.webhook.spec;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a request directive (connection {@code info}, {@code attach}, {@code detach}) into a {@link
 * RequestSpec}.
 */
final class RequestSpecReader {

    private static final Set<String> REQUEST_FIELDS =
            Set.of("url", "method", "headers", "qs", "body", "type", "response");
    private static final Set<String> RESPONSE_FIELDS =
            Set.of("uid", "valid", "metadata", "data", "error", "temp");
    private static final Set<String> VALID_FIELDS = Set.of("condition", "message", "type");
    private static final Set<String> METADATA_FIELDS = Set.of("type", "value");
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Set<String> BODY_TYPES = Set.of("json", "urlencoded", "text");
    private static final Set<String> METADATA_TYPES = Set.of("text", "email");

    private final DirectiveCompiler compiler;
    private final Findings findings;

    /**
     * @param compiler compiles relative to the request directive itself (paths like {@code
     *     response.uid})
     */
    RequestSpecReader(DirectiveCompiler compiler) {
        this.compiler = compiler;
        this.findings = compiler.findings();
    }

    @Nullable RequestSpec read(JsonNode node) {
        if (!Shapes.object(node, compiler.documentPath(""), findings)) {
            return null;
        }
        Shapes.knownFields(node, REQUEST_FIELDS, compiler.documentPath(""), findings);
        JsonNode url = node.get("url");
        Directive compiledUrl = null;
        if (url == null) {
            findings.problem(compiler.documentPath("url"), ProblemCodes.MISSING, "is required");
        } else if (Shapes.string(url, compiler.documentPath("url"), findings)) {
            compiledUrl = compiler.template(url, "url");
        }
        JsonNode method = node.get("method");
        if (method != null
                && Shapes.string(method, compiler.documentPath("method"), findings)
                && Shapes.literal(method)
                && !METHODS.contains(method.stringValue().toUpperCase(Locale.ROOT))) {
            findings.problem(
                    compiler.documentPath("method"),
                    ProblemCodes.INVALID_VALUE,
                    "must be one of " + METHODS);
        }
        JsonNode type = node.get("type");
        if (type != null
                && Shapes.string(type, compiler.documentPath("type"), findings)
                && Shapes.literal(type)
                && !BODY_TYPES.contains(type.stringValue())) {
            findings.problem(
                    compiler.documentPath("type"),
                    ProblemCodes.INVALID_VALUE,
                    "must be one of " + BODY_TYPES);
        }
        for (String flat : new String[] {"headers", "qs"}) {
            if (node.has(flat)) {
                Shapes.object(node.get(flat), compiler.documentPath(flat), findings);
            }
        }
        // every part is compiled even when the url is missing, so that all problems are reported
        Directive compiledMethod = optional(node, "method");
        Directive headers = optional(node, "headers");
        Directive qs = optional(node, "qs");
        Directive body = optional(node, "body");
        Directive compiledType = optional(node, "type");
        ResponseSpec response = node.has("response") ? response(node.get("response")) : null;
        return compiledUrl == null
                ? null
                : new RequestSpec(
                        compiledUrl, compiledMethod, headers, qs, body, compiledType, response);
    }

    private @Nullable ResponseSpec response(JsonNode node) {
        if (!Shapes.object(node, compiler.documentPath("response"), findings)) {
            return null;
        }
        Shapes.knownFields(node, RESPONSE_FIELDS, compiler.documentPath("response"), findings);
        JsonNode uid = node.get("uid");
        if (uid != null && !uid.isString() && !uid.isNumber()) {
            findings.problem(
                    compiler.documentPath("response.uid"),
                    ProblemCodes.WRONG_TYPE,
                    "must be an IML string");
        }
        JsonNode error = node.get("error");
        if (error != null
                && Shapes.object(error, compiler.documentPath("response.error"), findings)) {
            ErrorTypes.check(error, compiler.documentPath("response.error"), findings);
        }
        return new ResponseSpec(
                optional(node, "uid", "response.uid"),
                node.has("valid") ? valid(node.get("valid")) : null,
                node.has("metadata") ? metadata(node.get("metadata")) : null,
                optional(node, "data", "response.data"),
                optional(node, "error", "response.error"),
                optional(node, "temp", "response.temp"));
    }

    private @Nullable ValidSpec valid(JsonNode node) {
        String path = "response.valid";
        if (node.isObject()) {
            Shapes.knownFields(node, VALID_FIELDS, compiler.documentPath(path), findings);
            JsonNode condition = node.get("condition");
            if (condition == null) {
                findings.problem(
                        compiler.documentPath(path + ".condition"),
                        ProblemCodes.MISSING,
                        "is required");
                return null;
            }
            Shapes.stringOrBoolean(condition, compiler.documentPath(path + ".condition"), findings);
            Directive test = compiler.template(condition, path + ".condition");
            return test == null
                    ? null
                    : new ValidSpec(
                            test,
                            optional(node, "message", path + ".message"),
                            optional(node, "type", path + ".type"));
        }
        if (!Shapes.stringOrBoolean(node, compiler.documentPath(path), findings)) {
            return null;
        }
        Directive test = compiler.template(node, path);
        return test == null ? null : new ValidSpec(test, null, null);
    }

    private @Nullable MetadataSpec metadata(JsonNode node) {
        String path = "response.metadata";
        if (!Shapes.object(node, compiler.documentPath(path), findings)) {
            return null;
        }
        Shapes.knownFields(node, METADATA_FIELDS, compiler.documentPath(path), findings);
        JsonNode type = node.get("type");
        String metadataType = "text";
        if (type != null) {
            if (type.isString() && METADATA_TYPES.contains(type.stringValue())) {
                metadataType = type.stringValue();
            } else {
                findings.problem(
                        compiler.documentPath(path + ".type"),
                        ProblemCodes.INVALID_VALUE,
                        "must be text or email");
            }
        }
        JsonNode value = node.get("value");
        if (value == null) {
            findings.problem(
                    compiler.documentPath(path + ".value"), ProblemCodes.MISSING, "is required");
            return null;
        }
        if (!Shapes.string(value, compiler.documentPath(path + ".value"), findings)) {
            return null;
        }
        Directive compiled = compiler.template(value, path + ".value");
        return compiled == null ? null : new MetadataSpec(metadataType, compiled);
    }

    private @Nullable Directive optional(JsonNode node, String field) {
        return optional(node, field, field);
    }

    private @Nullable Directive optional(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        return node == null ? null : compiler.template(node, path);
    }
}
