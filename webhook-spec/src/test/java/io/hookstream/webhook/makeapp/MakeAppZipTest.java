package io.hookstream.webhook.makeapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class MakeAppZipTest {

    @Test
    void aZippedProjectFolderImportsLikeTheFolder() throws IOException {
        Path root = MakeAppFixtures.project("sdk-layout");
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(
                        "parcel-tracker/" + root.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file));
            }
        }

        ProjectSource source =
                ZipProject.read(new ByteArrayInputStream(zip(files)), ZipLimits.DEFAULTS);
        MakeAppImport imported = MakeAppFixtures.IMPORTER.importProject("parcels", source);

        assertThat(imported.definition())
                .isEqualTo(MakeAppFixtures.imported("sdk-layout").definition());
    }

    @Test
    void anEntryClimbingOutOfTheProjectRefusesTheArchive() {
        byte[] archive = zip(Map.of("makecomapp.json", "{}", "../../etc/evil.json", "{}"));

        assertThatThrownBy(
                        () ->
                                ZipProject.read(
                                        new ByteArrayInputStream(archive), ZipLimits.DEFAULTS))
                .isInstanceOfSatisfying(
                        MakeAppException.class,
                        e ->
                                assertThat(e.problems().get(0).message())
                                        .contains("outside the project"));
    }

    @Test
    void tooManyEntriesOrTooManyBytesRefuseTheArchive() {
        byte[] three = zip(Map.of("a.json", "{}", "b.json", "{}", "c.json", "{}"));
        byte[] big = zip(Map.of("makecomapp.json", " ".repeat(10_000)));

        assertThatThrownBy(
                        () ->
                                ZipProject.read(
                                        new ByteArrayInputStream(three), new ZipLimits(2, 1_000)))
                .isInstanceOfSatisfying(
                        MakeAppException.class,
                        e ->
                                assertThat(e.problems().get(0).message())
                                        .contains("more than 2 entries"));
        assertThatThrownBy(
                        () ->
                                ZipProject.read(
                                        new ByteArrayInputStream(big), new ZipLimits(10, 1_000)))
                .isInstanceOfSatisfying(
                        MakeAppException.class,
                        e ->
                                assertThat(e.problems().get(0).message())
                                        .contains("more than 1000 bytes"));
    }

    @Test
    void somethingThatIsNoZipIsRefused() {
        byte[] text = "not a zip".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(
                        () -> ZipProject.read(new ByteArrayInputStream(text), ZipLimits.DEFAULTS))
                .isInstanceOf(MakeAppException.class);
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
