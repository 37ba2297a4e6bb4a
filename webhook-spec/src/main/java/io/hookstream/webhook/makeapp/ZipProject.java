package io.hookstream.webhook.makeapp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a zipped project into memory within {@link ZipLimits}. Entries are never written to disk;
 * an entry whose name is absolute or climbs out of the root ({@code ../x}, zip slip) refuses the
 * whole archive. When every file sits under one top directory (a zipped project folder), that
 * directory is the root.
 */
public final class ZipProject {

    private static final String ZIP = "(zip)";

    private ZipProject() {}

    /**
     * @throws MakeAppException when the archive is malformed, breaks a limit or names a path
     *     outside the root
     */
    public static ProjectSource read(InputStream zip, ZipLimits limits) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        int entries = 0;
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            byte[] buffer = new byte[8192];
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw refused("the archive has more than " + limits.maxEntries() + " entries");
                }
                String name = entry.getName();
                String normalized = ProjectPaths.normalize(name);
                if (normalized == null && !isRootDirectory(name)) {
                    throw refused("entry '" + name + "' points outside the project");
                }
                if (entry.isDirectory() || normalized == null) {
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                int read;
                // counted while inflating: the sizes an entry declares may lie
                while ((read = in.read(buffer)) > 0) {
                    total += read;
                    if (total > limits.maxTotalBytes()) {
                        throw refused(
                                "the archive inflates to more than "
                                        + limits.maxTotalBytes()
                                        + " bytes");
                    }
                    bytes.write(buffer, 0, read);
                }
                files.put(normalized, bytes.toByteArray());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw refused("not a readable zip archive: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw refused("the archive holds no files");
        }
        return ProjectSource.of(withoutCommonFolder(files));
    }

    private static boolean isRootDirectory(String name) {
        return name.equals("./") || name.equals("/") || name.isEmpty();
    }

    /**
     * {@code my-app/makecomapp.json, my-app/general/base.iml.json} → {@code makecomapp.json, …}.
     */
    private static Map<String, byte[]> withoutCommonFolder(Map<String, byte[]> files) {
        if (files.containsKey(MakeAppImporter.MANIFEST)) {
            return files;
        }
        List<String> names = List.copyOf(files.keySet());
        int slash = names.get(0).indexOf('/');
        if (slash < 0) {
            return files;
        }
        String folder = names.get(0).substring(0, slash + 1);
        if (!names.stream().allMatch(n -> n.startsWith(folder))) {
            return files;
        }
        Map<String, byte[]> inner = new LinkedHashMap<>();
        files.forEach((name, bytes) -> inner.put(name.substring(folder.length()), bytes));
        return inner;
    }

    private static MakeAppException refused(String message) {
        return MakeAppException.of(ZIP, "", MakeAppException.UNREADABLE, message);
    }
}
