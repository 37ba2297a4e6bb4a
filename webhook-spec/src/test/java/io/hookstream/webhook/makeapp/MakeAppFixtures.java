package io.hookstream.webhook.makeapp;

import io.hookstream.iml.Iml;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.AppDefinitionParser;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/** The projects under {@code src/test/resources/makeapps}, imported and parsed. */
final class MakeAppFixtures {

    static final AppDefinitionParser PARSER = new AppDefinitionParser(Iml.standard());
    static final MakeAppImporter IMPORTER = new MakeAppImporter(PARSER);

    private MakeAppFixtures() {}

    static Path project(String name) {
        try {
            return Path.of(
                    Objects.requireNonNull(MakeAppFixtures.class.getResource("/makeapps/" + name))
                            .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static MakeAppImport imported(String name) {
        return IMPORTER.importProject(name, ProjectSource.directory(project(name)));
    }

    /** The converted definition as the control plane would parse it when it is registered. */
    static AppDefinition parsed(String name) {
        return PARSER.parse(name, imported(name).definition().toString());
    }
}
