package io.hookstream.cli.replay;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reports how far a replay has come on standard error: a bar redrawn in place on a terminal, or a
 * plain line of counts every few seconds otherwise (logs and pipes get no carriage returns).
 * Redraws are throttled, so reporting after every record costs nothing.
 */
public abstract class Progress {

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private long lastReport;

    private Progress(PrintWriter err, LongSupplier nanoTime, long intervalNanos) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.intervalNanos = intervalNanos;
        this.lastReport = nanoTime.getAsLong();
    }

    /** A bar on a terminal, plain counts otherwise. */
    public static Progress to(PrintWriter err, boolean terminal) {
        return terminal ? bar(err, System::nanoTime) : counts(err, System::nanoTime);
    }

    static Progress bar(PrintWriter err, LongSupplier nanoTime) {
        return new Bar(err, nanoTime);
    }

    static Progress counts(PrintWriter err, LongSupplier nanoTime) {
        return new Counts(err, nanoTime);
    }

    /** Reports the counts if the last report is long enough ago. */
    public final void update(long scanned, long total, long matched, long replayed) {
        long now = nanoTime.getAsLong();
        if (now - lastReport >= intervalNanos) {
            lastReport = now;
            err.print(render(scanned, total, matched, replayed));
            err.flush();
        }
    }

    /** Reports the final counts; the summary itself is the command's output. */
    public abstract void finish(long scanned, long total, long matched, long replayed);

    abstract String render(long scanned, long total, long matched, long replayed);

    final PrintWriter err() {
        return err;
    }

    private static final class Bar extends Progress {

        private static final int WIDTH = 30;

        Bar(PrintWriter err, LongSupplier nanoTime) {
            super(err, nanoTime, 100_000_000L);
        }

        @Override
        String render(long scanned, long total, long matched, long replayed) {
            double fraction = total == 0 ? 1.0 : Math.min(1.0, (double) scanned / total);
            int filled = (int) Math.round(fraction * WIDTH);
            // \r returns to the line start and the trailing spaces erase what a longer previous
            // line left behind
            return String.format(
                    Locale.ROOT,
                    "\r[%s%s] %3d%% scanned %,d/%,d matched %,d replayed %,d   ",
                    "#".repeat(filled),
                    ".".repeat(WIDTH - filled),
                    Math.round(fraction * 100),
                    scanned,
                    total,
                    matched,
                    replayed);
        }

        @Override
        public void finish(long scanned, long total, long matched, long replayed) {
            err().print(render(scanned, total, matched, replayed));
            err().println();
            err().flush();
        }
    }

    private static final class Counts extends Progress {

        Counts(PrintWriter err, LongSupplier nanoTime) {
            super(err, nanoTime, 5_000_000_000L);
        }

        @Override
        String render(long scanned, long total, long matched, long replayed) {
            return String.format(
                    Locale.ROOT,
                    "replay: scanned %d of %d, matched %d, replayed %d%n",
                    scanned,
                    total,
                    matched,
                    replayed);
        }

        @Override
        public void finish(long scanned, long total, long matched, long replayed) {
            // the summary line on standard output already has the final counts
        }
    }
}
