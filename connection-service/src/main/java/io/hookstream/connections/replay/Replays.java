package io.hookstream.connections.replay;

import io.hookstream.connections.ids.RandomIds;
import io.hookstream.operations.replay.WindowReplay;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs replays one at a time on a thread of its own and keeps the last few with their counts, so
 * that a page can show the progress while one runs and the counts after. One at a time so that a
 * second click does not copy the same window twice while the first is still going.
 */
final class Replays implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    private static final WindowReplay.Counts NONE = new WindowReplay.Counts(0, 0, 0, 0, 0);

    /** A replay's state; written by its thread, read by requests. */
    private static final class Job {
        final String id;
        final WindowReplay.Window window;
        final Instant startedAt;
        volatile String state = "running";
        volatile WindowReplay.Counts counts = NONE;
        volatile @Nullable String error;
        volatile @Nullable Instant finishedAt;

        Job(String id, WindowReplay.Window window, Instant startedAt) {
            this.id = id;
            this.window = window;
            this.startedAt = startedAt;
        }

        ReplayView view() {
            return ReplayView.of(id, state, false, window, counts, error, startedAt, finishedAt);
        }
    }

    private final WindowReplay replay;
    private final RandomIds ids;
    private final Clock clock;
    private final int kept;
    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(
                    runnable -> {
                        Thread t = new Thread(runnable, "hookstream-replay");
                        t.setDaemon(true);
                        return t;
                    });

    // guarded by this; insertion order is start order, so the eldest is dropped first
    private final LinkedHashMap<String, Job> jobs = new LinkedHashMap<>();
    private @Nullable Job running;

    Replays(WindowReplay replay, RandomIds ids, Clock clock, int kept) {
        this.replay = replay;
        this.ids = ids;
        this.clock = clock;
        this.kept = kept;
    }

    /** Starts a replay, or answers the one still running (nothing new is started then). */
    synchronized Started start(WindowReplay.Window window) {
        Job current = running;
        if (current != null) {
            return new Started(false, current.view());
        }
        Job job = new Job("rp-" + ids.next(), window, clock.instant());
        jobs.put(job.id, job);
        while (jobs.size() > kept) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        running = job;
        log.info(
                "replay {} started: {} to {}, hook {}, app {}",
                job.id,
                window.from(),
                window.to(),
                window.hookId(),
                window.appId());
        thread.execute(() -> run(job));
        return new Started(true, job.view());
    }

    /**
     * @param started {@code false} when another replay was still running
     */
    record Started(boolean started, ReplayView replay) {}

    synchronized Optional<ReplayView> get(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::view);
    }

    private void run(Job job) {
        try {
            WindowReplay.Result result =
                    replay.run(job.window, false, counts -> job.counts = counts);
            job.counts = result.counts();
            Exception failure = result.failure();
            job.error = failure == null ? null : String.valueOf(failure.getMessage());
            job.state = result.complete() ? "done" : "failed";
            log.info(
                    "replay {} {}: scanned {}, matched {}, replayed {}, unreadable {}",
                    job.id,
                    job.state,
                    result.counts().scanned(),
                    result.counts().matched(),
                    result.counts().replayed(),
                    result.counts().unreadable());
        } catch (RuntimeException e) {
            job.error = String.valueOf(e.getMessage());
            job.state = "failed";
            log.warn("replay {} failed: {}", job.id, e.toString());
        } finally {
            job.finishedAt = clock.instant();
            synchronized (this) {
                running = null;
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
