package io.hookstream.webhook.makeapp;

/**
 * Bounds on a zipped project, so that an upload cannot exhaust memory (a zip bomb inflates a few
 * kilobytes into gigabytes).
 *
 * @param maxEntries the most entries (files and directories) the archive may hold
 * @param maxTotalBytes the most bytes all entries may inflate to together
 */
public record ZipLimits(int maxEntries, long maxTotalBytes) {

    /** 1,000 entries and 10 MiB: far beyond any app project, far below harm. */
    public static final ZipLimits DEFAULTS = new ZipLimits(1_000, 10L * 1024 * 1024);

    public ZipLimits {
        if (maxEntries < 1 || maxTotalBytes < 1) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
    }
}
