package io.hookstream.webhook.makeapp;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A converted project.
 *
 * @param appId the id the app is to be registered under
 * @param definition the Hookstream app definition, as {@code PUT /api/apps/{appId}} takes it;
 *     already parsed and compiled once, so it registers as it is
 * @param webhooks the names of its webhooks (the ids of the project's webhook components)
 * @param warnings what was imported differently or not at all, with file and JSON pointer
 */
public record MakeAppImport(
        String appId, JsonNode definition, List<String> webhooks, List<ImportWarning> warnings) {

    public MakeAppImport {
        Objects.requireNonNull(appId, "appId");
        definition = definition.deepCopy();
        webhooks = List.copyOf(webhooks);
        warnings = List.copyOf(warnings);
    }

    /** A copy, so that the import stays immutable. */
    @Override
    public JsonNode definition() {
        return definition.deepCopy();
    }

    /** What the CLI prints and the API answers: {@code {appId, webhooks, warnings}}. */
    public ObjectNode summary() {
        ObjectNode summary = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        summary.put("appId", appId);
        webhooks.forEach(summary.putArray("webhooks")::add);
        var list = summary.putArray("warnings");
        for (ImportWarning warning : warnings) {
            list.addObject()
                    .put("file", warning.file())
                    .put("pointer", warning.pointer())
                    .put("message", warning.message());
        }
        return summary;
    }
}
