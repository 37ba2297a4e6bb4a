package io.hookstream.webhook.makeapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class MakeAppImporterTest {

    @Test
    void convertsTheSdkLayoutWithAMapManifest() {
        MakeAppImport imported = MakeAppFixtures.imported("sdk-layout");

        assertThat(imported.webhooks()).containsExactly("parcelEvents", "accountEvents");
        JsonNode app = imported.definition();
        assertThat(app.path("name").stringValue()).isEqualTo("Parcel Tracker");
        assertThat(app.path("common").path("signingSecret").stringValue())
                .isEqualTo("parcel-common-secret");
        JsonNode base = app.path("base");
        assertThat(base.path("baseUrl").stringValue())
                .isEqualTo("{{ifempty(connection.baseUrl, 'https://api.parcels.example')}}/v2");
        assertThat(base.path("response").path("error").path("404").path("type").stringValue())
                .isEqualTo("Ignore");
        assertThat(base.path("log").path("sanitize").get(0).stringValue())
                .isEqualTo("request.headers.authorization");

        JsonNode connection = app.path("connection");
        assertThat(connection.path("info").path("url").stringValue()).isEqualTo("/me");
        assertThat(connection.path("info").has("log")).isFalse();
        assertThat(connection.path("log").path("sanitize").get(0).stringValue())
                .isEqualTo("request.headers.x-api-key");
        assertThat(connection.path("parameters").get(0).path("name").stringValue())
                .isEqualTo("apiKey");

        JsonNode parcels = app.path("webhooks").path("parcelEvents");
        assertThat(parcels.path("type").stringValue()).isEqualTo("dedicated");
        assertThat(parcels.path("spec").has("wrapper")).isFalse();
        assertThat(parcels.path("spec").path("iterate").stringValue()).isEqualTo("{{body.events}}");
        assertThat(parcels.path("attach").isArray()).isTrue();
        assertThat(parcels.path("attach").get(1).path("url").stringValue())
                .isEqualTo("/subscriptions/{{temp.subscriptionId}}/hooks");
        assertThat(parcels.path("detach").path("method").stringValue()).isEqualTo("DELETE");
        assertThat(parcels.path("parameters").get(0).path("options").size()).isEqualTo(2);
        assertThat(
                        parcels.path("spec")
                                .path("trigger")
                                .path("output")
                                .path("carrier")
                                .stringValue())
                .isEqualTo("{{parameters.carrier}}");
        assertThat(parcels.path("module").path("name").stringValue()).isEqualTo("watchParcels");
        assertThat(parcels.path("module").path("interface").size()).isEqualTo(3);
        assertThat(parcels.path("module").path("samples").path("parcel").stringValue())
                .isEqualTo("P-1");

        JsonNode accounts = app.path("webhooks").path("accountEvents");
        assertThat(accounts.path("type").stringValue()).isEqualTo("shared");
        // the params file is {} once its comment is gone: not defined
        assertThat(accounts.has("parameters")).isFalse();
        assertThat(accounts.has("attach")).isFalse();
    }

    @Test
    void warnsAboutEverythingItLeavesOutWithFileAndPointer() {
        MakeAppImport imported = MakeAppFixtures.imported("sdk-layout");

        assertThat(imported.warnings())
                .extracting(ImportWarning::file, ImportWarning::pointer)
                .contains(
                        tuple(
                                "webhooks/parcelEvents/parcelEvents.communication.iml.json",
                                "/wrapper"),
                        tuple("webhooks/parcelEvents/parcelEvents.scope.iml.json", ""),
                        tuple("webhooks/parcelEvents/parcelEvents.params.iml.json", "/1/options"),
                        tuple(
                                "makecomapp.json",
                                "/components/module/watchParcels/codeFiles/mappableParams"),
                        tuple("makecomapp.json", "/components/module/createParcel"),
                        tuple("makecomapp.json", "/components/rpc/listCarriers"));
        // an empty static-params file is not defined, so nothing is said about it
        assertThat(imported.warnings())
                .extracting(ImportWarning::file)
                .doesNotContain("modules/watchParcels/watchParcels.static-params.iml.json");
        assertThat(imported.summary().path("warnings").get(0).has("pointer")).isTrue();
    }

    @Test
    void findsThePartsOfTheFlatLayoutFromAnArrayManifest() {
        MakeAppImport imported = MakeAppFixtures.imported("flat-layout");

        assertThat(imported.webhooks()).containsExactly("tickets");
        JsonNode tickets = imported.definition().path("webhooks").path("tickets");
        assertThat(tickets.path("spec").path("output").path("id").stringValue())
                .isEqualTo("{{body.ticket.id}}");
        assertThat(tickets.path("attach").path("url").stringValue()).isEqualTo("/hooks");
        assertThat(tickets.path("detach").path("url").stringValue())
                .isEqualTo("/hooks/{{webhook.id}}");
        // a params file of only a comment: not defined
        assertThat(tickets.has("parameters")).isFalse();
        // the module's communication is declared null: the webhook's output is the bundle
        assertThat(tickets.path("spec").has("trigger")).isFalse();
        assertThat(tickets.path("module").path("name").stringValue()).isEqualTo("watchTickets");
        assertThat(imported.definition().path("base").path("baseUrl").stringValue())
                .isEqualTo("https://desk.example/api");
        assertThat(imported.warnings())
                .extracting(ImportWarning::file, ImportWarning::pointer)
                .contains(tuple("makecomapp.json", "/components/function/0"));
    }

    @Test
    void findsTheBaseUnderGeneralWithoutTheManifestNamingIt(@TempDir Path dir) throws IOException {
        write(
                dir,
                "makecomapp.json",
                "{\"fileVersion\": 1, \"components\": {\"webhook\": {\"w\": {}}}}");
        write(dir, "general/base.iml.json", "{\"baseUrl\": \"https://x.example\"}");
        write(dir, "webhooks/w/w.communication.iml.json", "{\"output\": \"{{body}}\"}");

        MakeAppImport imported = importDir(dir);

        assertThat(imported.definition().path("base").path("baseUrl").stringValue())
                .isEqualTo("https://x.example");
        assertThat(imported.definition().path("webhooks").path("w").path("spec").has("output"))
                .isTrue();
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        write(
                dir,
                "makecomapp.json",
                "{\"fileVersion\": 1, \"components\": {\"webhook\": {\"w\": {}}}}");
        write(
                dir,
                "webhooks/w/w.communication.iml.json",
                "{\n  \"output\": {\"a\": 1 \"b\": 2}\n}");

        assertThatThrownBy(() -> importDir(dir))
                .isInstanceOfSatisfying(
                        MakeAppException.class,
                        e -> {
                            ImportProblem problem = e.problems().get(0);
                            assertThat(problem.file())
                                    .isEqualTo("webhooks/w/w.communication.iml.json");
                            assertThat(problem.message()).contains("line 2");
                        });
    }

    @Test
    void aTemplateThatDoesNotCompileNamesItsFileAndPointer(@TempDir Path dir) throws IOException {
        write(
                dir,
                "makecomapp.json",
                "{\"fileVersion\": 1, \"components\": {\"webhook\": {\"w\": {}}}}");
        write(
                dir,
                "webhooks/w/w.attach.iml.json",
                "[{\"url\": \"/a\"}, {\"url\": \"/b/{{temp.id\"}]");

        assertThatThrownBy(() -> importDir(dir))
                .isInstanceOfSatisfying(
                        MakeAppException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(ImportProblem::file, ImportProblem::pointer)
                                        .containsExactly(
                                                tuple("webhooks/w/w.attach.iml.json", "/1/url")));
    }

    @Test
    void aSharedWebhookWithoutUidIsRefusedAtItsCommunication(@TempDir Path dir) throws IOException {
        write(
                dir,
                "makecomapp.json",
                "{\"fileVersion\": 1, \"components\": {\"webhook\": [{\"name\": \"s\", \"webhookType\": \"web-shared\"}]}}");
        write(dir, "webhooks/s/s.communication.iml.json", "{\"output\": \"{{body}}\"}");

        assertThatThrownBy(() -> importDir(dir))
                .isInstanceOfSatisfying(
                        MakeAppException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(ImportProblem::file, ImportProblem::pointer)
                                        .contains(
                                                tuple(
                                                        "webhooks/s/s.communication.iml.json",
                                                        "/uid")));
    }

    @Test
    void refusesAProjectWithoutManifestOrOfAnotherVersion(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> importDir(dir))
                .isInstanceOfSatisfying(
                        MakeAppException.class,
                        e -> assertThat(e.problems().get(0).file()).isEqualTo("makecomapp.json"));

        write(dir, "makecomapp.json", "{\"fileVersion\": 2}");
        assertThatThrownBy(() -> importDir(dir))
                .isInstanceOfSatisfying(
                        MakeAppException.class,
                        e -> assertThat(e.problems().get(0).pointer()).isEqualTo("/fileVersion"));
    }

    @Test
    void aFileOutsideTheProjectIsNeverRead(@TempDir Path dir) throws IOException {
        Path project = dir.resolve("project");
        write(dir, "secret.json", "{\"output\": \"{{body}}\"}");
        write(
                project,
                "makecomapp.json",
                "{\"fileVersion\": 1, \"components\": {\"webhook\": {\"w\": {\"codeFiles\": {\"communication\": \"../secret.json\"}}}}}");

        MakeAppImport imported = importDir(project);

        assertThat(imported.definition().path("webhooks").path("w").path("spec").isEmpty())
                .isTrue();
        assertThat(imported.warnings())
                .extracting(ImportWarning::pointer)
                .contains("/components/webhook/w/codeFiles/communication");
    }

    private static MakeAppImport importDir(Path dir) {
        return MakeAppFixtures.IMPORTER.importProject("app", ProjectSource.directory(dir));
    }

    static void write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
