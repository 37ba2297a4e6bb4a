package io.hookstream.connections.deadletters;

import io.hookstream.connections.api.ApiProblems;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/**
 * Bounds how many reads of the dead-letter topic run at once: each is a consumer of its own reading
 * the whole topic, so a burst of page loads must not turn into a burst of full scans.
 */
final class ReadPermits {

    private final Semaphore permits;

    ReadPermits(int concurrent) {
        this.permits = new Semaphore(concurrent);
    }

    /** Runs {@code read} holding a permit, or refuses with 503 when none is free. */
    <T> T with(Supplier<T> read) {
        Runnable release = take();
        try {
            return read.get();
        } finally {
            release.run();
        }
    }

    /** Takes a permit to be released later, for work that outlives the request; or refuses. */
    Runnable take() {
        if (!permits.tryAcquire()) {
            throw ApiProblems.of(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "too many dead-letter reads are running; try again shortly");
        }
        return permits::release;
    }
}
