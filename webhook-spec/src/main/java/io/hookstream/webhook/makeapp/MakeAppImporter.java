package io.hookstream.webhook.makeapp;

import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.hookstream.webhook.spec.SpecException;
import io.hookstream.webhook.spec.SpecProblem;
import io.hookstream.webhook.spec.SpecWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports a Make Apps SDK project: reads the manifest and its parts, converts them into a
 * Hookstream app definition and parses that with the same {@link AppDefinitionParser} the control
 * plane uses, so that a project which imports also registers. Every problem and warning names the
 * project file and the JSON pointer inside it. Thread-safe.
 */
public final class MakeAppImporter {

    /** The manifest at the project's root. */
    public static final String MANIFEST = "makecomapp.json";

    private final AppDefinitionParser parser;
    private final Jsonc jsonc = new Jsonc();

    public MakeAppImporter(AppDefinitionParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * @throws MakeAppException when the project cannot be read or the converted app does not
     *     compile; each problem with its file and pointer
     */
    public MakeAppImport importProject(String appId, ProjectSource source) {
        Objects.requireNonNull(appId, "appId");
        List<ImportWarning> warnings = new ArrayList<>();
        Manifest manifest = new ManifestReader(jsonc, warnings).read(source);
        SourceMap sources = new SourceMap();
        ProjectParts parts = new ProjectParts(source, manifest, jsonc, warnings);
        ObjectNode definition = new MakeAppConverter(manifest, parts, warnings, sources).convert();
        AppDefinition parsed;
        try {
            parsed = parser.parse(appId, definition.toString());
        } catch (SpecException e) {
            List<ImportProblem> problems = new ArrayList<>();
            for (SpecProblem problem : e.problems()) {
                ImportWarning at = sources.locate(problem.path(), problem.message());
                String where =
                        problem.line() > 0
                                ? " (template line "
                                        + problem.line()
                                        + ", column "
                                        + problem.column()
                                        + ")"
                                : "";
                problems.add(
                        new ImportProblem(
                                at.file(), at.pointer(), problem.code(), at.message() + where));
            }
            throw new MakeAppException(problems);
        }
        for (SpecWarning warning : parsed.warnings()) {
            warnings.add(sources.locate(warning.path(), warning.message()));
        }
        if (parsed.webhooks().isEmpty()) {
            warnings.add(
                    new ImportWarning(
                            MANIFEST, "/components", "the project has no webhooks to import"));
        }
        return new MakeAppImport(
                appId, definition, List.copyOf(parsed.webhooks().keySet()), warnings);
    }
}
