package io.hookstream.cli.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process's standard error is an interactive terminal, where a redrawn progress bar
 * makes sense.
 */
public final class Terminals {

    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private Terminals() {}

    /**
     * On Linux the answer is exact: the descriptor links to a terminal device. Elsewhere the JDK
     * only knows whether the process has a console at all, which is the best available guess and
     * fails towards plain output when standard output is redirected.
     */
    public static boolean stderrIsTerminal() {
        if (Files.isSymbolicLink(STDERR_LINK)) {
            try {
                String target = Files.readSymbolicLink(STDERR_LINK).toString();
                return target.startsWith("/dev/pts/")
                        || target.startsWith("/dev/tty")
                        || target.equals("/dev/console");
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
