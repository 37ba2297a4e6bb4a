package io.hookstream.webhook.makeapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code makecomapp.json} ({@code fileVersion} 1). Components come by kind, each kind either
 * a map ({@code components.webhook.<id>}) or an array ({@code [{name, codeFiles}]}); absent and
 * {@code null} parts are simply not there.
 */
final class ManifestReader {

    static final Set<String> KINDS = Set.of("connection", "webhook", "module", "rpc", "function");

    private final Jsonc jsonc;
    private final List<ImportWarning> warnings;

    ManifestReader(Jsonc jsonc, List<ImportWarning> warnings) {
        this.jsonc = jsonc;
        this.warnings = warnings;
    }

    Manifest read(ProjectSource source) {
        String file = MakeAppImporter.MANIFEST;
        String text = source.read(file);
        if (text == null) {
            throw MakeAppException.of(
                    file,
                    "",
                    MakeAppException.UNREADABLE,
                    "the project has no " + file + " at its root");
        }
        JsonNode root = jsonc.parse(file, text);
        if (root == null || !root.isObject()) {
            throw invalid("", "the manifest must be a JSON object");
        }
        JsonNode version = root.get("fileVersion");
        if (version == null || version.isNull()) {
            warnings.add(new ImportWarning(file, "/fileVersion", "missing; read as version 1"));
        } else if (!version.isIntegralNumber() || version.intValue() != 1) {
            throw invalid("/fileVersion", "only fileVersion 1 is supported, found " + version);
        }
        Map<String, @Nullable String> general =
                codeFiles(root.get("generalCodeFiles"), "/generalCodeFiles");
        List<Component> components = new ArrayList<>();
        JsonNode kinds = root.get("components");
        if (kinds != null && !kinds.isNull()) {
            if (!kinds.isObject()) {
                throw invalid("/components", "must be an object of component kinds");
            }
            for (Map.Entry<String, JsonNode> kind : kinds.properties()) {
                String pointer = "/components/" + Pointers.escape(kind.getKey());
                if (!KINDS.contains(kind.getKey())) {
                    warnings.add(
                            new ImportWarning(
                                    file, pointer, "unknown component kind, not imported"));
                    continue;
                }
                components(kind.getKey(), kind.getValue(), pointer, components);
            }
        }
        return new Manifest(text(root, "name"), text(root, "label"), general, components);
    }

    private void components(String kind, JsonNode node, String pointer, List<Component> into) {
        if (node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String at = pointer + "/" + Pointers.escape(entry.getKey());
                into.add(component(kind, entry.getKey(), entry.getValue(), at));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode entry = node.get(i);
                String at = pointer + "/" + i;
                JsonNode name = entry.get("name");
                if (name == null || !name.isString() || name.stringValue().isBlank()) {
                    throw invalid(at + "/name", "a component in the array form needs a name");
                }
                into.add(component(kind, name.stringValue(), entry, at));
            }
        } else {
            throw invalid(pointer, "must be an object of components by id, or an array of them");
        }
    }

    private Component component(String kind, String id, JsonNode entry, String pointer) {
        if (entry.isNull()) {
            entry = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!entry.isObject()) {
            throw invalid(pointer, "a component must be an object");
        }
        return new Component(
                kind,
                id,
                pointer,
                entry,
                codeFiles(entry.get("codeFiles"), pointer + "/codeFiles"));
    }

    private Map<String, @Nullable String> codeFiles(@Nullable JsonNode node, String pointer) {
        Map<String, @Nullable String> files = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return files;
        }
        if (!node.isObject()) {
            throw invalid(pointer, "must be an object of file paths by part");
        }
        for (Map.Entry<String, JsonNode> part : node.properties()) {
            JsonNode value = part.getValue();
            if (value.isNull()) {
                files.put(part.getKey(), null);
            } else if (value.isString()) {
                files.put(part.getKey(), value.stringValue());
            } else {
                throw invalid(
                        pointer + "/" + Pointers.escape(part.getKey()),
                        "must be a file path or null");
            }
        }
        return files;
    }

    private static @Nullable String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static MakeAppException invalid(String pointer, String message) {
        return MakeAppException.of(
                MakeAppImporter.MANIFEST, pointer, MakeAppException.INVALID, message);
    }
}
