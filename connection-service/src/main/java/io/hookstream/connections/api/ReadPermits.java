package io.hookstream.connections.api;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/**
 * Bounds how many scans of a topic run at once (dead-letter listings, replay counts): each is a
 * consumer of its own reading a whole topic or window, so a burst of page loads must not turn into
 * a burst of full scans.
 */
public final class ReadPermits {

    private final Semaphore permits;
    private final String what;

    /**
     * @param what the scans, as the refusal names them ("dead-letter reads")
     */
    public ReadPermits(int concurrent, String what) {
        this.permits = new Semaphore(concurrent);
        this.what = what;
    }

    /** Runs {@code read} holding a permit, or refuses with 503 when none is free. */
    public <T> T with(Supplier<T> read) {
        Runnable release = take();
        try {
            return read.get();
        } finally {
            release.run();
        }
    }

    /** Takes a permit to be released later, for work that outlives the request; or refuses. */
    public Runnable take() {
        if (!permits.tryAcquire()) {
            throw ApiProblems.of(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "too many " + what + " are running; try again shortly");
        }
        return permits::release;
    }
}
