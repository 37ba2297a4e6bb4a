package io.hookstream.webhook.makeapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Finds and reads the parts of components in either layout: the file the manifest names, else the
 * SDK's ({@code webhooks/<id>/<id>.<part>.iml.json}), else the flat one ({@code
 * webhook/<part>.json}, when the kind has a single component). A named file that does not exist is
 * a warning, and the part is then not defined; so is a part that is {@code {}}, {@code []} or only
 * comments.
 */
final class ProjectParts {

    private final ProjectSource source;
    private final Manifest manifest;
    private final Jsonc jsonc;
    private final List<ImportWarning> warnings;

    ProjectParts(
            ProjectSource source, Manifest manifest, Jsonc jsonc, List<ImportWarning> warnings) {
        this.source = source;
        this.manifest = manifest;
        this.jsonc = jsonc;
        this.warnings = warnings;
    }

    /** A part of a component, or {@code null} when it is not defined. */
    @Nullable Part part(Component component, String part) {
        String pointer = component.pointer() + "/codeFiles/" + Pointers.escape(part);
        if (component.codeFiles().containsKey(part)) {
            return named(component.codeFiles().get(part), pointer);
        }
        String folder = component.kind() + "s/" + component.id() + "/";
        List<String> candidates = new ArrayList<>();
        for (String name : names(part)) {
            candidates.add(folder + component.id() + "." + name + ".iml.json");
            candidates.add(folder + component.id() + "." + name + ".json");
            candidates.add(folder + name + ".iml.json");
            candidates.add(folder + name + ".json");
            candidates.add(component.kind() + "/" + component.id() + "/" + name + ".json");
            if (manifest.ofKind(component.kind()).size() == 1) {
                candidates.add(component.kind() + "/" + name + ".iml.json");
                candidates.add(component.kind() + "/" + name + ".json");
            }
        }
        return first(candidates);
    }

    /** An app-wide part ({@code base}, {@code common}), or {@code null}. */
    @Nullable Part general(String part) {
        if (manifest.generalCodeFiles().containsKey(part)) {
            return named(
                    manifest.generalCodeFiles().get(part),
                    "/generalCodeFiles/" + Pointers.escape(part));
        }
        return first(
                List.of(
                        part + ".iml.json",
                        "general/" + part + ".iml.json",
                        part + ".json",
                        "general/" + part + ".json"));
    }

    private @Nullable Part named(@Nullable String file, String pointer) {
        if (file == null) {
            return null;
        }
        String normalized = ProjectPaths.normalize(file);
        String text = normalized == null ? null : source.read(normalized);
        if (normalized == null || text == null) {
            warnings.add(
                    new ImportWarning(
                            MakeAppImporter.MANIFEST,
                            pointer,
                            "names "
                                    + file
                                    + ", which the project does not have; the part is left out"));
            return null;
        }
        return parsed(normalized, text);
    }

    private @Nullable Part first(List<String> candidates) {
        for (String candidate : candidates) {
            String text = source.read(candidate);
            if (text != null) {
                return parsed(candidate, text);
            }
        }
        return null;
    }

    private @Nullable Part parsed(String file, String text) {
        JsonNode value = jsonc.parse(file, text);
        if (value == null || value.isNull() || (value.isContainer() && value.isEmpty())) {
            return null;
        }
        return new Part(file, value);
    }

    /** The part's name as the manifest writes it and as the SDK names its file. */
    private static List<String> names(String part) {
        String kebab = part.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return kebab.equals(part) ? List.of(part) : List.of(part, kebab);
    }
}
