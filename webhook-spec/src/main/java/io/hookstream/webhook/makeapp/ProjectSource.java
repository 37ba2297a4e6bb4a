package io.hookstream.webhook.makeapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The files of a project, by path relative to its root ({@code /}-separated, as the manifest names
 * them). A path that would leave the root is never read.
 */
public interface ProjectSource {

    /** The file's text (UTF-8), or {@code null} when there is no such file. */
    @Nullable String read(String path);

    /** A project in a directory on disk. */
    static ProjectSource directory(Path root) {
        Path base = root.toAbsolutePath().normalize();
        return path -> {
            String relative = ProjectPaths.normalize(path);
            if (relative == null) {
                return null;
            }
            Path file = base.resolve(relative).normalize();
            if (!file.startsWith(base) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            try {
                // a linked folder inside the project must not lead out of it either
                if (!file.toRealPath().startsWith(base.toRealPath())) {
                    return null;
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** A project held in memory, e.g. read from a zip. */
    static ProjectSource of(Map<String, byte[]> files) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach(
                (name, bytes) -> {
                    String relative = ProjectPaths.normalize(name);
                    if (relative != null) {
                        copy.put(relative, bytes.clone());
                    }
                });
        return path -> {
            String relative = ProjectPaths.normalize(Objects.requireNonNull(path, "path"));
            byte[] bytes = relative == null ? null : copy.get(relative);
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        };
    }
}
