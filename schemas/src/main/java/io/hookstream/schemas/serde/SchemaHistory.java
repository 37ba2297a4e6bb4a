package io.hookstream.schemas.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * The writer schemas of every released version of Hookstream's records, so that records written by
 * an older release can still be read. Each release that changes a schema copies the old {@code
 * .avsc} under {@code io/hookstream/schemas/history/} and lists it in that folder's {@code
 * index.txt}; the current schemas need no entry because every decoder knows its own schema.
 */
public final class SchemaHistory {

    private static final String FOLDER = "io/hookstream/schemas/history/";

    private SchemaHistory() {}

    /** The released schemas shipped with this module. */
    public static SchemaStore standard() {
        return Holder.STANDARD;
    }

    /** A store holding the given writer schemas. */
    public static SchemaStore of(List<Schema> schemas) {
        SchemaStore.Cache cache = new SchemaStore.Cache();
        schemas.forEach(cache::addSchema);
        return cache;
    }

    static List<Schema> loadReleased(ClassLoader loader) {
        try (InputStream index = loader.getResourceAsStream(FOLDER + "index.txt")) {
            if (index == null) {
                return List.of();
            }
            List<String> files =
                    new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))
                            .lines()
                            .map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .toList();
            return files.stream().map(file -> parse(loader, FOLDER + file)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema history index", e);
        }
    }

    private static Schema parse(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema history lists a missing file: " + resource);
            }
            // each historic file is parsed on its own, so that a record it names does not clash
            // with the current one
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Loaded once; the store is only read after that. */
    private static final class Holder {
        private static final SchemaStore STANDARD =
                of(loadReleased(SchemaHistory.class.getClassLoader()));
    }
}
