package io.hookstream.webhook.spec;

import io.hookstream.iml.Iml;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Parses and validates an app definition and compiles every IML string in it, so that a broken spec
 * is refused at registration (Decision D18) with every problem's path, line and column.
 *
 * <p>The accepted app JSON (every field optional except where noted):
 *
 * <pre>{@code
 * {
 *   "name": "Acme",
 *   "timezone": "Europe/Prague",                  // IANA zone of every evaluation, default UTC (D16)
 *   "common": {"signingSecret": "..."},           // the app's own data, the `common` variable (D21)
 *   "limits": {"maxBodyBytes": 1048576,           // optional overrides of the deployment's limits (E3)
 *              "rateLimit": {"requests": 100, "periodSeconds": 10}},
 *   "base": {                                     // what every request of the app starts from
 *     "baseUrl": "{{ifempty(connection.baseUrl, 'https://api.acme.test')}}", // relative urls resolve here
 *     "headers": {"Authorization": "Bearer {{connection.accessToken}}"}, "qs": {},
 *     "response": {"error": {"message": "{{body.error}}", "404": {"type": "Ignore"}}},
 *     "log": {"sanitize": ["request.headers.authorization"]}
 *   },
 *   "connection": {
 *     "parameters": [{"name": "accessToken", "required": true}], // checked when one is created
 *     "info": {                                   // required in a connection: request spec, see below
 *       "url": "https://api.acme.test/me", "method": "GET",
 *       "headers": {"Authorization": "Bearer {{connection.accessToken}}"},
 *       "response": {"uid": "{{body.id}}", "valid": "{{body.ok}}",
 *                    "metadata": {"type": "text", "value": "{{body.name}}"}}
 *     },
 *     "log": {"sanitize": ["request.headers.authorization"]}
 *   },
 *   "webhooks": {
 *     "orders": {
 *       "type": "dedicated",                      // or "shared"; default dedicated
 *       "label": "Orders",
 *       "spec": { ... },                          // directives: signature, verification, respond,
 *                                                 // condition, iterate, output, uid (§6.1, E2), and
 *                                                 // trigger.output, applied per bundle as `payload`
 *       "parameters": [ ... ],                    // Make parameter syntax, checked at hook creation
 *       "attach": { ... },                        // request spec, or an array chained through
 *                                                 // response.temp; response.data is saved as `webhook`
 *       "detach": { ... },                        // request spec, or an array
 *       "module": { ... }                         // the instant trigger's interface and samples, as written
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>A request spec has {@code url} (required), {@code method}, {@code headers}, {@code qs}, {@code
 * body}, {@code type} (json, urlencoded, text) and {@code response} with {@code uid}, {@code valid}
 * (IML, or {@code {condition, message, type}}), {@code metadata {type, value}}, {@code data},
 * {@code error} and {@code temp}.
 *
 * <p>The {@code signature} directive is {@code {scheme, secret, tolerance?, condition?}}, and for
 * {@code scheme: "hmac"} also {@code header, algorithm, encoding, prefix, payload}; its optional
 * {@code condition} limits the check to the requests it is true for (see {@link SignatureSpec}).
 *
 * <p>Rules beyond the shapes: a shared webhook needs a {@code uid} directive and an app connection
 * whose {@code info.response.uid} is set (§6.4); {@code log.sanitize} paths start with {@code
 * request.} or {@code response.}. Unknown fields inside directives are problems (they are usually
 * typos); unknown top-level fields are only warnings.
 *
 * <p>Thread-safe and reusable.
 */
public final class AppDefinitionParser {

    private static final Set<String> APP_FIELDS =
            Set.of("name", "timezone", "common", "limits", "base", "connection", "webhooks");
    private static final Set<String> LIMIT_FIELDS = Set.of("maxBodyBytes", "rateLimit");
    private static final Set<String> RATE_FIELDS = Set.of("requests", "periodSeconds");
    private static final Set<String> CONNECTION_FIELDS = Set.of("info", "log", "parameters");
    private static final Set<String> LOG_FIELDS = Set.of("sanitize");
    private static final Set<String> WEBHOOK_FIELDS =
            Set.of(
                    "type",
                    "label",
                    "spec",
                    "attach",
                    "detach",
                    "eventType",
                    "parameters",
                    "module");
    private static final Set<String> BASE_FIELDS =
            Set.of("baseUrl", "headers", "qs", "response", "log");
    private static final Set<String> BASE_RESPONSE_FIELDS = Set.of("error");

    /** Longer event types are refused: a CloudEvents type is a name, not a payload. */
    private static final int MAX_EVENT_TYPE_LENGTH = 256;

    private final Iml iml;
    private final JsonMapper mapper;

    public AppDefinitionParser(Iml iml) {
        this.iml = Objects.requireNonNull(iml, "iml");
        this.mapper =
                JsonMapper.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .build();
    }

    /**
     * Parses an app definition.
     *
     * @throws SpecException listing every problem found, in document order
     */
    public AppDefinition parse(String appId, String json) {
        Objects.requireNonNull(appId, "appId");
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            throw new SpecException(
                    List.of(
                            new SpecProblem(
                                    "",
                                    location == null ? 0 : Math.max(location.getLineNr(), 0),
                                    location == null ? 0 : Math.max(location.getColumnNr(), 0),
                                    ProblemCodes.JSON_SYNTAX,
                                    e.getOriginalMessage())));
        }
        Findings findings = new Findings();
        if (root == null || root.isMissingNode() || !Shapes.object(root, "", findings)) {
            if (!findings.hasProblems()) {
                findings.problem(
                        "", ProblemCodes.WRONG_TYPE, "an app definition must be a JSON object");
            }
            findings.throwIfAny();
        }
        for (String field : root.propertyNames()) {
            if (!APP_FIELDS.contains(field)) {
                findings.warning(field, "unknown field, ignored");
            }
        }
        String name = null;
        if (root.has("name") && Shapes.string(root.get("name"), "name", findings)) {
            name = root.get("name").stringValue();
        }
        ZoneId timezone = timezone(root.get("timezone"), findings);
        JsonNode common = JsonNodeFactory.instance.objectNode();
        if (root.has("common") && Shapes.object(root.get("common"), "common", findings)) {
            common = root.get("common");
        }
        AppLimits limits =
                root.has("limits") ? limits(root.get("limits"), findings) : AppLimits.DEFAULTS;
        RequestDefaults base =
                root.has("base") ? base(root.get("base"), findings) : RequestDefaults.NONE;
        ConnectionDefinition connection =
                root.has("connection") ? connection(root.get("connection"), findings) : null;
        Map<String, WebhookDefinition> webhooks =
                webhooks(root.get("webhooks"), connection, root.has("connection"), findings);
        findings.throwIfAny();
        return new AppDefinition(
                appId,
                name,
                webhooks,
                connection,
                timezone,
                common,
                limits,
                base,
                findings.warnings());
    }

    /**
     * Parses the directives of one webhook on their own (used by tools and the conformance runner).
     *
     * @param directives the spec object, e.g. {@code {"output": "{{body}}"}}
     * @param path the document path of {@code directives}, prefixed to problem paths (may be empty)
     * @throws SpecException listing every problem found
     */
    public WebhookSpec parseWebhookSpec(JsonNode directives, String path) {
        Findings findings = new Findings();
        WebhookSpec spec =
                new WebhookSpecReader(new DirectiveCompiler(iml, findings, path)).read(directives);
        findings.throwIfAny();
        return spec;
    }

    private static ZoneId timezone(@Nullable JsonNode node, Findings findings) {
        if (node == null || !Shapes.string(node, "timezone", findings)) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(node.stringValue());
        } catch (DateTimeException e) {
            findings.problem(
                    "timezone",
                    ProblemCodes.INVALID_VALUE,
                    "unknown time zone '" + node.stringValue() + "'");
            return ZoneOffset.UTC;
        }
    }

    /**
     * Parses a {@code limits} object on its own, as hooks carry one too (same shape as the app's).
     *
     * @throws SpecException listing every problem, with paths under {@code limits}
     */
    public static AppLimits parseLimits(JsonNode node) {
        Findings findings = new Findings();
        AppLimits limits = limits(node, findings);
        findings.throwIfAny();
        return limits;
    }

    private static AppLimits limits(JsonNode node, Findings findings) {
        if (!Shapes.object(node, "limits", findings)) {
            return AppLimits.DEFAULTS;
        }
        Shapes.knownFields(node, LIMIT_FIELDS, "limits", findings);
        Long maxBodyBytes = null;
        if (node.has("maxBodyBytes")) {
            long value = positive(node.get("maxBodyBytes"), "limits.maxBodyBytes", findings);
            maxBodyBytes = value > 0 ? value : null;
        }
        AppLimits.RateLimit rate = null;
        JsonNode rateNode = node.get("rateLimit");
        if (rateNode != null && Shapes.object(rateNode, "limits.rateLimit", findings)) {
            Shapes.knownFields(rateNode, RATE_FIELDS, "limits.rateLimit", findings);
            long requests =
                    positive(rateNode.get("requests"), "limits.rateLimit.requests", findings);
            long seconds =
                    positive(
                            rateNode.get("periodSeconds"),
                            "limits.rateLimit.periodSeconds",
                            findings);
            if (requests > 0 && seconds > 0) {
                rate =
                        new AppLimits.RateLimit(
                                (int) Math.min(Integer.MAX_VALUE, requests),
                                java.time.Duration.ofSeconds(seconds));
            }
        }
        return new AppLimits(maxBodyBytes, rate);
    }

    /** A positive whole number, or 0 after recording the problem. */
    private static long positive(@Nullable JsonNode node, String path, Findings findings) {
        if (node == null) {
            findings.problem(path, ProblemCodes.MISSING, "is required");
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1) {
            findings.problem(path, ProblemCodes.INVALID_VALUE, "must be a positive whole number");
            return 0;
        }
        return node.longValue();
    }

    private @Nullable ConnectionDefinition connection(JsonNode node, Findings findings) {
        if (!Shapes.object(node, "connection", findings)) {
            return null;
        }
        Shapes.knownFields(node, CONNECTION_FIELDS, "connection", findings);
        JsonNode info = node.get("info");
        if (info == null) {
            findings.problem("connection.info", ProblemCodes.MISSING, "is required");
            return null;
        }
        RequestSpec request =
                new RequestSpecReader(new DirectiveCompiler(iml, findings, "connection.info"))
                        .read(info);
        List<String> sanitize = sanitize(node.get("log"), "connection.log", findings);
        ParameterSchema parameters =
                ParameterSchema.read(node.get("parameters"), "connection.parameters", findings);
        return request == null ? null : new ConnectionDefinition(request, sanitize, parameters);
    }

    /**
     * The app's {@code base}: {@code baseUrl} (an IML string), {@code headers} and {@code qs} (IML
     * flat objects), {@code response.error} and {@code log.sanitize}.
     */
    private RequestDefaults base(JsonNode node, Findings findings) {
        if (!Shapes.object(node, "base", findings)) {
            return RequestDefaults.NONE;
        }
        Shapes.knownFields(node, BASE_FIELDS, "base", findings);
        DirectiveCompiler compiler = new DirectiveCompiler(iml, findings, "base");
        Directive baseUrl = null;
        JsonNode url = node.get("baseUrl");
        if (url != null && Shapes.string(url, "base.baseUrl", findings)) {
            baseUrl = compiler.template(url, "baseUrl");
        }
        Directive headers = null;
        Directive qs = null;
        if (node.has("headers") && Shapes.object(node.get("headers"), "base.headers", findings)) {
            headers = compiler.template(node.get("headers"), "headers");
        }
        if (node.has("qs") && Shapes.object(node.get("qs"), "base.qs", findings)) {
            qs = compiler.template(node.get("qs"), "qs");
        }
        Directive error = null;
        JsonNode response = node.get("response");
        if (response != null && Shapes.object(response, "base.response", findings)) {
            Shapes.knownFields(response, BASE_RESPONSE_FIELDS, "base.response", findings);
            JsonNode errorNode = response.get("error");
            if (errorNode != null && Shapes.object(errorNode, "base.response.error", findings)) {
                ErrorTypes.check(errorNode, "base.response.error", findings);
                error = compiler.template(errorNode, "response.error");
            }
        }
        return new RequestDefaults(
                baseUrl, headers, qs, error, sanitize(node.get("log"), "base.log", findings));
    }

    private static List<String> sanitize(@Nullable JsonNode log, String at, Findings findings) {
        List<String> paths = new ArrayList<>();
        if (log == null || !Shapes.object(log, at, findings)) {
            return paths;
        }
        Shapes.knownFields(log, LOG_FIELDS, at, findings);
        JsonNode sanitize = log.get("sanitize");
        if (sanitize == null) {
            return paths;
        }
        if (!sanitize.isArray()) {
            findings.problem(
                    at + ".sanitize", ProblemCodes.WRONG_TYPE, "must be an array of paths");
            return paths;
        }
        for (int i = 0; i < sanitize.size(); i++) {
            JsonNode entry = sanitize.get(i);
            String path = at + ".sanitize[" + i + "]";
            if (Shapes.string(entry, path, findings)) {
                String text = entry.stringValue();
                if (text.startsWith("request.") || text.startsWith("response.")) {
                    paths.add(text);
                } else {
                    findings.problem(
                            path,
                            ProblemCodes.INVALID_VALUE,
                            "must start with request. or response.");
                }
            }
        }
        return paths;
    }

    private Map<String, WebhookDefinition> webhooks(
            @Nullable JsonNode node,
            @Nullable ConnectionDefinition connection,
            boolean connectionDeclared,
            Findings findings) {
        Map<String, WebhookDefinition> webhooks = new LinkedHashMap<>();
        if (node == null || !Shapes.object(node, "webhooks", findings)) {
            return webhooks;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            WebhookDefinition webhook =
                    webhook(
                            entry.getKey(),
                            entry.getValue(),
                            connection,
                            connectionDeclared,
                            findings);
            if (webhook != null) {
                webhooks.put(entry.getKey(), webhook);
            }
        }
        return webhooks;
    }

    private @Nullable WebhookDefinition webhook(
            String name,
            JsonNode node,
            @Nullable ConnectionDefinition connection,
            boolean connectionDeclared,
            Findings findings) {
        String path = Findings.join("webhooks", name);
        if (!Shapes.object(node, path, findings)) {
            return null;
        }
        Shapes.knownFields(node, WEBHOOK_FIELDS, path, findings);
        WebhookType type = WebhookType.DEDICATED;
        JsonNode typeNode = node.get("type");
        if (typeNode != null) {
            WebhookType named =
                    typeNode.isString() ? WebhookType.fromName(typeNode.stringValue()) : null;
            if (named == null) {
                findings.problem(
                        path + ".type", ProblemCodes.INVALID_VALUE, "must be shared or dedicated");
            } else {
                type = named;
            }
        }
        JsonNode directives =
                node.has("spec") ? node.get("spec") : JsonNodeFactory.instance.objectNode();
        WebhookSpec spec =
                new WebhookSpecReader(new DirectiveCompiler(iml, findings, path + ".spec"))
                        .read(directives);
        if (type == WebhookType.SHARED) {
            checkShared(path, spec, connection, connectionDeclared, node, findings);
        }
        List<RequestSpec> attach = requests(node.get("attach"), path + ".attach", findings);
        List<RequestSpec> detach = requests(node.get("detach"), path + ".detach", findings);
        if (node.has("label")) {
            Shapes.string(node.get("label"), path + ".label", findings);
        }
        if (node.has("module")) {
            // the instant trigger's interface and samples: kept as written, for the console
            Shapes.object(node.get("module"), path + ".module", findings);
        }
        return new WebhookDefinition(
                name,
                type,
                spec,
                attach,
                detach,
                eventType(node.get("eventType"), path, findings),
                ParameterSchema.read(node.get("parameters"), path + ".parameters", findings));
    }

    /** One request, or an array of requests chained through {@code temp}. */
    private List<RequestSpec> requests(@Nullable JsonNode node, String path, Findings findings) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            RequestSpec one = request(node, path, findings);
            return one == null ? List.of() : List.of(one);
        }
        if (node.isEmpty()) {
            findings.problem(path, ProblemCodes.INVALID_VALUE, "must hold at least one request");
        }
        List<RequestSpec> chain = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            RequestSpec one = request(node.get(i), path + "[" + i + "]", findings);
            if (one != null) {
                chain.add(one);
            }
        }
        return chain;
    }

    /**
     * The CloudEvents {@code type} of the webhook's bundles, e.g. {@code com.github.push}:
     * printable ASCII without spaces, so that it travels unchanged in a Kafka header.
     */
    private static @Nullable String eventType(
            @Nullable JsonNode node, String path, Findings findings) {
        if (node == null || node.isNull()) {
            return null;
        }
        String at = path + ".eventType";
        if (!Shapes.string(node, at, findings)) {
            return null;
        }
        String value = node.stringValue();
        if (value.isEmpty()
                || value.length() > MAX_EVENT_TYPE_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            findings.problem(
                    at,
                    ProblemCodes.INVALID_VALUE,
                    "must be 1 to "
                            + MAX_EVENT_TYPE_LENGTH
                            + " printable ASCII characters without spaces, such as com.example.order.created");
            return null;
        }
        return value;
    }

    /** §6.4: shared events reach their owner only through the uid known to both sides. */
    private static void checkShared(
            String path,
            WebhookSpec spec,
            @Nullable ConnectionDefinition connection,
            boolean connectionDeclared,
            JsonNode node,
            Findings findings) {
        if (spec.uid() == null && !node.path("spec").has("uid")) {
            findings.problem(
                    path + ".spec.uid", ProblemCodes.MISSING, "is required for a shared webhook");
        }
        if (!connectionDeclared) {
            findings.problem(
                    path + ".type",
                    ProblemCodes.INVALID_VALUE,
                    "a shared webhook needs an app connection whose info.response.uid identifies the user");
        } else if (connection != null
                && (connection.info().response() == null
                        || connection.info().response().uid() == null)) {
            findings.problem(
                    "connection.info.response.uid",
                    ProblemCodes.MISSING,
                    "is required because webhook '"
                            + path.substring("webhooks.".length())
                            + "' is shared");
        }
        if (node.has("attach") || node.has("detach")) {
            findings.warning(
                    path,
                    "attach and detach apply to dedicated webhooks only; a shared webhook never runs them");
        }
    }

    private @Nullable RequestSpec request(@Nullable JsonNode node, String path, Findings findings) {
        return node == null
                ? null
                : new RequestSpecReader(new DirectiveCompiler(iml, findings, path)).read(node);
    }
}
