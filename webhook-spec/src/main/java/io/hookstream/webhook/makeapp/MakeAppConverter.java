package io.hookstream.webhook.makeapp;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a read project into a Hookstream app definition (the JSON {@code PUT /api/apps/{appId}}
 * takes). What Hookstream cannot run is left out with a warning naming its file and pointer, never
 * silently.
 */
final class MakeAppConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The directives a webhook spec knows (§6.1, E2 and dedupe). */
    private static final Set<String> SPEC_FIELDS =
            Set.of(
                    "verification",
                    "respond",
                    "iterate",
                    "output",
                    "condition",
                    "uid",
                    "signature",
                    "dedupe");

    private static final Set<String> REQUEST_FIELDS =
            Set.of("url", "method", "headers", "qs", "body", "type");
    private static final Set<String> RESPONSE_FIELDS =
            Set.of("uid", "valid", "metadata", "data", "error", "temp");
    private static final Set<String> BASE_FIELDS = Set.of("baseUrl", "headers", "qs");
    private static final Set<String> OAUTH_FIELDS =
            Set.of("authorize", "token", "info", "refresh", "invalidate");
    private static final Set<String> WEBHOOK_PARTS =
            Set.of("communication", "params", "attach", "detach", "scope");
    private static final Set<String> QUIET_GENERAL_PARTS =
            Set.of("base", "common", "readme", "groups");

    private final Manifest manifest;
    private final ProjectParts parts;
    private final List<ImportWarning> warnings;
    private final SourceMap sources;
    private final Set<String> sanitize = new LinkedHashSet<>();

    MakeAppConverter(
            Manifest manifest,
            ProjectParts parts,
            List<ImportWarning> warnings,
            SourceMap sources) {
        this.manifest = manifest;
        this.parts = parts;
        this.warnings = warnings;
        this.sources = sources;
    }

    ObjectNode convert() {
        ObjectNode app = NODES.objectNode();
        sources.put("", MakeAppImporter.MANIFEST, "");
        String name = manifest.label() != null ? manifest.label() : manifest.name();
        if (name != null) {
            app.put("name", name);
        }
        Part common = parts.general("common");
        if (common != null) {
            if (common.value().isObject()) {
                app.set("common", common.value());
                sources.put("common", common.file(), "");
            } else {
                warn(common.file(), "", "common data must be an object; left out");
            }
        }
        for (String part : manifest.generalCodeFiles().keySet()) {
            if (!QUIET_GENERAL_PARTS.contains(part)) {
                warn(
                        MakeAppImporter.MANIFEST,
                        "/generalCodeFiles/" + Pointers.escape(part),
                        "the app part '" + part + "' is not supported; left out");
            }
        }
        ObjectNode base = base();
        ObjectNode connection = connection();
        if (connection != null) {
            app.set("connection", connection);
        }
        ObjectNode webhooks = app.putObject("webhooks");
        for (Component webhook : manifest.ofKind("webhook")) {
            webhooks.set(webhook.id(), webhook(webhook));
        }
        for (Component module : manifest.ofKind("module")) {
            module(module, webhooks);
        }
        for (Component rpc : manifest.ofKind("rpc")) {
            warn(
                    MakeAppImporter.MANIFEST,
                    rpc.pointer(),
                    "RPC '"
                            + rpc.id()
                            + "' is not imported: RPCs (dynamic options and fields) are not supported");
        }
        for (Component function : manifest.ofKind("function")) {
            warn(
                    MakeAppImporter.MANIFEST,
                    function.pointer(),
                    "custom function '"
                            + function.id()
                            + "' is not imported: IML functions written in JavaScript are not supported,"
                            + " and templates that call it will not compile");
        }
        if (!sanitize.isEmpty()) {
            if (base == null) {
                base = NODES.objectNode();
            }
            ArrayNode paths = base.putObject("log").putArray("sanitize");
            sanitize.forEach(paths::add);
        }
        if (base != null) {
            // the connection check, attach and detach all start from the base
            app.set("base", base);
        }
        return app;
    }

    private @Nullable ObjectNode base() {
        Part part = parts.general("base");
        if (part == null) {
            return null;
        }
        String file = part.file();
        JsonNode node = part.value();
        if (!node.isObject()) {
            throw MakeAppException.of(
                    file, "", MakeAppException.INVALID, "the base must be a JSON object");
        }
        sources.put("base", file, "");
        ObjectNode base = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            String pointer = "/" + Pointers.escape(key);
            if (BASE_FIELDS.contains(key)) {
                base.set(key, field.getValue());
            } else if (key.equals("response")) {
                ObjectNode response = responseOf(field.getValue(), file, pointer, Set.of("error"));
                if (response != null) {
                    base.set("response", response);
                }
            } else if (key.equals("log")) {
                log(field.getValue(), file, pointer);
            } else {
                warn(file, pointer, "'" + key + "' in the base is not supported; left out");
            }
        }
        return base;
    }

    private @Nullable ObjectNode connection() {
        List<Component> connections = manifest.ofKind("connection");
        if (connections.isEmpty()) {
            return null;
        }
        Component chosen = connections.get(0);
        for (Component other : connections.subList(1, connections.size())) {
            warn(
                    MakeAppImporter.MANIFEST,
                    other.pointer(),
                    "an app has one connection in Hookstream; connection '"
                            + other.id()
                            + "' is not imported ('"
                            + chosen.id()
                            + "' is)");
        }
        Part communication = parts.part(chosen, "communication");
        if (communication == null) {
            warn(
                    MakeAppImporter.MANIFEST,
                    chosen.pointer(),
                    "connection '"
                            + chosen.id()
                            + "' has no communication, so there is nothing to check it with; not imported");
            return null;
        }
        String file = communication.file();
        JsonNode node = communication.value();
        String pointer = "";
        if (node.isArray()) {
            if (node.size() > 1) {
                warn(
                        file,
                        "/1",
                        "only the first request of a connection's communication checks it; the others are left out");
            }
            node = node.get(0);
            pointer = "/0";
        }
        if (node.isObject() && !node.has("url") && node.has("info")) {
            for (String flow : node.propertyNames()) {
                if (!flow.equals("info")) {
                    warn(
                            file,
                            pointer + "/" + Pointers.escape(flow),
                            OAUTH_FIELDS.contains(flow)
                                    ? "OAuth flows are not run: store the tokens in the connection's data; '"
                                            + flow
                                            + "' is left out"
                                    : "'" + flow + "' is not supported; left out");
                }
            }
            node = node.get("info");
            pointer = pointer + "/info";
        }
        ObjectNode connection = NODES.objectNode();
        Set<String> ownSanitize = new LinkedHashSet<>();
        connection.set("info", request(node, file, pointer, "connection.info", ownSanitize));
        if (!ownSanitize.isEmpty()) {
            ArrayNode paths = connection.putObject("log").putArray("sanitize");
            ownSanitize.forEach(paths::add);
            sources.put("connection.log", file, pointer + "/log");
        }
        Part params = parts.part(chosen, "params");
        if (params != null) {
            connection.set("parameters", parameters(params, "connection.parameters"));
        }
        unsupportedParts(chosen, Set.of("communication", "params"));
        return connection;
    }

    private ObjectNode webhook(Component component) {
        String path = "webhooks." + component.id();
        sources.put(path, MakeAppImporter.MANIFEST, component.pointer());
        ObjectNode webhook = NODES.objectNode();
        String type = component.attribute("webhookType");
        sources.put(path + ".type", MakeAppImporter.MANIFEST, component.pointer() + "/webhookType");
        if (type == null || type.equals("web")) {
            webhook.put("type", "dedicated");
        } else if (type.equals("web-shared") || type.equals("shared")) {
            webhook.put("type", "shared");
        } else {
            throw MakeAppException.of(
                    MakeAppImporter.MANIFEST,
                    component.pointer() + "/webhookType",
                    MakeAppException.INVALID,
                    "webhookType must be web or web-shared, found '" + type + "'");
        }
        String label = component.attribute("label");
        if (label != null) {
            webhook.put("label", label);
        }
        Part communication = parts.part(component, "communication");
        ObjectNode spec = webhook.putObject("spec");
        if (communication != null) {
            if (!communication.value().isObject()) {
                throw MakeAppException.of(
                        communication.file(),
                        "",
                        MakeAppException.INVALID,
                        "a webhook's communication must be a JSON object");
            }
            sources.put(path + ".spec", communication.file(), "");
            for (Map.Entry<String, JsonNode> field : communication.value().properties()) {
                if (SPEC_FIELDS.contains(field.getKey())) {
                    spec.set(field.getKey(), field.getValue());
                } else {
                    warn(
                            communication.file(),
                            "/" + Pointers.escape(field.getKey()),
                            "'" + field.getKey() + "' is not a webhook directive; left out");
                }
            }
        }
        for (String request : new String[] {"attach", "detach"}) {
            Part part = parts.part(component, request);
            if (part != null) {
                webhook.set(request, requests(part, path + "." + request));
            }
        }
        Part params = parts.part(component, "params");
        if (params != null) {
            webhook.set("parameters", parameters(params, path + ".parameters"));
        }
        Part scope = parts.part(component, "scope");
        if (scope != null) {
            warn(scope.file(), "", "OAuth scopes are not requested by Hookstream; left out");
        }
        unsupportedParts(component, WEBHOOK_PARTS);
        return webhook;
    }

    private void module(Component component, ObjectNode webhooks) {
        String moduleType = component.attribute("moduleType");
        if (!"instant_trigger".equals(moduleType)) {
            warn(
                    MakeAppImporter.MANIFEST,
                    component.pointer(),
                    "module '"
                            + component.id()
                            + "' ("
                            + (moduleType == null ? "no moduleType" : moduleType)
                            + ") is not imported: only instant triggers run on Hookstream");
            return;
        }
        String webhookId = component.attribute("webhook");
        JsonNode target = webhookId == null ? null : webhooks.get(webhookId);
        if (!(target instanceof ObjectNode webhook)) {
            warn(
                    MakeAppImporter.MANIFEST,
                    component.pointer() + "/webhook",
                    "instant trigger '"
                            + component.id()
                            + "' names no webhook of the project; not imported");
            return;
        }
        ObjectNode module = NODES.objectNode().put("name", component.id());
        String label = component.attribute("label");
        if (label != null) {
            module.put("label", label);
        }
        String description = component.attribute("description");
        if (description != null) {
            module.put("description", description);
        }
        for (String kept : new String[] {"interface", "samples"}) {
            Part part = parts.part(component, kept);
            if (part != null) {
                module.set(kept, part.value());
            }
        }
        boolean first = !webhook.has("module");
        if (first) {
            webhook.set("module", module);
        } else {
            warn(
                    MakeAppImporter.MANIFEST,
                    component.pointer(),
                    "webhook '"
                            + webhookId
                            + "' already has an instant trigger; '"
                            + component.id()
                            + "' is not imported");
            return;
        }
        Part communication = parts.part(component, "communication");
        if (communication != null) {
            trigger(communication, (ObjectNode) webhook.get("spec"), "webhooks." + webhookId);
        }
        for (String params : new String[] {"staticParams", "mappableParams"}) {
            Part part = parts.part(component, params);
            if (part != null) {
                warn(
                        part.file(),
                        "",
                        "module parameters are not asked for; the trigger sees the hook's parameters (the webhook's)");
            }
        }
        unsupportedParts(
                component,
                Set.of(
                        "communication",
                        "interface",
                        "samples",
                        "staticParams",
                        "mappableParams",
                        "scope",
                        "epoch"));
    }

    /** A module communication without a request: its output is applied to every bundle. */
    private void trigger(Part communication, ObjectNode spec, String webhookPath) {
        String file = communication.file();
        JsonNode node = communication.value();
        if (!node.isObject() || node.has("url")) {
            warn(
                    file,
                    node.has("url") ? "/url" : "",
                    "an instant trigger that sends a request per bundle is not supported; its communication is not applied");
            return;
        }
        JsonNode output = node.get("output");
        String pointer = "/output";
        JsonNode response = node.get("response");
        if (output == null && response != null && response.has("output")) {
            output = response.get("output");
            pointer = "/response/output";
        }
        for (String field : node.propertyNames()) {
            if (!field.equals("output") && !field.equals("response")) {
                warn(
                        file,
                        "/" + Pointers.escape(field),
                        "'" + field + "' is not supported in an instant trigger; left out");
            }
        }
        if (output == null) {
            return;
        }
        spec.putObject("trigger").set("output", output);
        sources.put(webhookPath + ".spec.trigger.output", file, pointer);
    }

    /** One request or an array of requests chained through {@code temp}. */
    private JsonNode requests(Part part, String path) {
        JsonNode node = part.value();
        if (!node.isArray()) {
            return request(node, part.file(), "", path, sanitize);
        }
        ArrayNode chain = NODES.arrayNode();
        for (int i = 0; i < node.size(); i++) {
            chain.add(request(node.get(i), part.file(), "/" + i, path + "[" + i + "]", sanitize));
        }
        return chain;
    }

    private ObjectNode request(
            JsonNode node, String file, String pointer, String path, Set<String> logPaths) {
        if (!node.isObject()) {
            throw MakeAppException.of(
                    file, pointer, MakeAppException.INVALID, "a request must be a JSON object");
        }
        sources.put(path, file, pointer);
        ObjectNode request = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            String at = pointer + "/" + Pointers.escape(key);
            if (REQUEST_FIELDS.contains(key)) {
                request.set(key, field.getValue());
            } else if (key.equals("response")) {
                ObjectNode response = responseOf(field.getValue(), file, at, RESPONSE_FIELDS);
                if (response != null) {
                    request.set("response", response);
                }
            } else if (key.equals("log")) {
                logPaths.addAll(sanitizePaths(field.getValue(), file, at));
            } else {
                warn(file, at, "'" + key + "' in a request is not supported; left out");
            }
        }
        return request;
    }

    private @Nullable ObjectNode responseOf(
            JsonNode node, String file, String pointer, Set<String> known) {
        if (!node.isObject()) {
            warn(file, pointer, "a response block must be an object; left out");
            return null;
        }
        ObjectNode response = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (known.contains(field.getKey())) {
                response.set(field.getKey(), field.getValue());
            } else {
                warn(
                        file,
                        pointer + "/" + Pointers.escape(field.getKey()),
                        "'response." + field.getKey() + "' is not supported here; left out");
            }
        }
        return response;
    }

    private void log(JsonNode node, String file, String pointer) {
        sanitize.addAll(sanitizePaths(node, file, pointer));
    }

    private Set<String> sanitizePaths(JsonNode node, String file, String pointer) {
        Set<String> paths = new LinkedHashSet<>();
        JsonNode list = node.get("sanitize");
        if (list == null || !list.isArray()) {
            warn(file, pointer, "only log.sanitize (an array of paths) is supported; left out");
            return paths;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isString()) {
                paths.add(list.get(i).stringValue());
            } else {
                warn(file, pointer + "/sanitize/" + i, "a sanitize path must be text; left out");
            }
        }
        return paths;
    }

    /** Parameters keep every field (labels and help are for the console); RPC options warn. */
    private JsonNode parameters(Part part, String path) {
        sources.put(path, part.file(), "");
        JsonNode node = part.value();
        if (!node.isArray()) {
            throw MakeAppException.of(
                    part.file(),
                    "",
                    MakeAppException.INVALID,
                    "parameters must be an array of parameter objects");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode options = node.get(i).get("options");
            boolean rpc =
                    options != null
                            && (options.isString()
                                    || (options.isObject() && options.path("store").isString()));
            if (rpc) {
                warn(
                        part.file(),
                        "/" + i + "/options",
                        "options loaded by an RPC are not supported; any value is accepted");
            }
        }
        return node;
    }

    private void unsupportedParts(Component component, Set<String> known) {
        Map<String, String> unknown = new LinkedHashMap<>();
        component
                .codeFiles()
                .forEach(
                        (part, file) -> {
                            if (!known.contains(part) && file != null) {
                                unknown.put(part, file);
                            }
                        });
        unknown.forEach(
                (part, file) ->
                        warn(
                                MakeAppImporter.MANIFEST,
                                component.pointer() + "/codeFiles/" + Pointers.escape(part),
                                "the part '"
                                        + part
                                        + "' of "
                                        + component.kind()
                                        + " '"
                                        + component.id()
                                        + "' is not supported; left out"));
    }

    private void warn(String file, String pointer, String message) {
        warnings.add(new ImportWarning(file, pointer, message));
    }
}
