package io.hookstream.webhook.makeapp;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/** Project-relative paths: {@code /}-separated, without {@code .}, never above the root. */
final class ProjectPaths {

    private ProjectPaths() {}

    /**
     * {@code path} in its normal form ({@code ./a/../b.json} → {@code b.json}); {@code null} when
     * it is absolute, leaves the root, or holds characters no project file name has.
     */
    static @Nullable String normalize(String path) {
        String unified = path.replace('\\', '/');
        if (unified.isEmpty()
                || unified.startsWith("/")
                || unified.indexOf('\0') >= 0
                || unified.matches("^[A-Za-z]:.*")) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : unified.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }
}
