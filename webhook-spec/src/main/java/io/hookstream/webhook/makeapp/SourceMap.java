package io.hookstream.webhook.makeapp;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each part of the converted definition came from, so that a problem the app parser reports
 * at {@code webhooks.orders.attach[1].url} is shown at {@code
 * webhooks/orders/orders.attach.iml.json} pointer {@code /1/url}.
 */
final class SourceMap {

    private record Origin(String path, String file, String pointer) {}

    private final List<Origin> origins = new ArrayList<>();

    /** The definition's {@code path} (dotted, as the parser writes it) is {@code file#pointer}. */
    void put(String path, String file, String pointer) {
        origins.add(new Origin(path, file, pointer));
    }

    /** The file and pointer of a definition path, by its longest mapped prefix. */
    ImportWarning locate(String path, String message) {
        Origin best = null;
        for (Origin origin : origins) {
            if (covers(origin.path(), path)
                    && (best == null || origin.path().length() > best.path().length())) {
                best = origin;
            }
        }
        if (best == null) {
            return new ImportWarning(MakeAppImporter.MANIFEST, "", message + " (at " + path + ")");
        }
        return new ImportWarning(
                best.file(),
                best.pointer() + pointer(path.substring(best.path().length())),
                message);
    }

    private static boolean covers(String prefix, String path) {
        return prefix.isEmpty()
                || path.equals(prefix)
                || path.startsWith(prefix + ".")
                || path.startsWith(prefix + "[");
    }

    /** {@code .output.id[2]} → {@code /output/id/2}. */
    private static String pointer(String rest) {
        StringBuilder pointer = new StringBuilder();
        for (String token : rest.replace("[", ".").replace("]", "").split("\\.")) {
            if (!token.isEmpty()) {
                pointer.append('/').append(Pointers.escape(token));
            }
        }
        return pointer.toString();
    }
}
