package io.hookstream.connections.deadletters;

import io.hookstream.connections.api.ReadPermits;
import io.hookstream.connections.ids.RandomIds;
import io.hookstream.operations.deadletters.DeadLetterFilter;
import io.hookstream.operations.deadletters.DeadLetterRedrive;
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
 * Runs redrives one at a time on a thread of its own and keeps the last few with their counts, so
 * that a page can show the count first and the progress while it runs. One at a time because a
 * redrive learns what was redriven from the replay topic: two at once would not see each other's
 * records and could publish an event twice.
 */
final class Redrives implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Redrives.class);

    /** A redrive's state; written by its thread, read by requests. */
    private static final class Job {
        final String id;
        final Instant startedAt;
        volatile String state = "counting";
        volatile DeadLetterRedrive.@Nullable Counts counts;
        volatile @Nullable String error;
        volatile @Nullable Instant finishedAt;

        Job(String id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
        }

        RedriveView view() {
            DeadLetterRedrive.Counts c =
                    counts == null ? new DeadLetterRedrive.Counts(0, 0, 0, 0) : counts;
            return new RedriveView(
                    id,
                    state,
                    false,
                    c.deadLetters(),
                    c.matched(),
                    c.alreadyRedriven(),
                    c.toRedrive(),
                    c.redriven(),
                    error,
                    startedAt,
                    finishedAt);
        }
    }

    private final DeadLetterRedrive redrive;
    private final ReadPermits permits;
    private final RandomIds ids;
    private final Clock clock;
    private final int kept;
    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(
                    runnable -> {
                        Thread t = new Thread(runnable, "hookstream-dlq-redrive");
                        t.setDaemon(true);
                        return t;
                    });

    // guarded by this; insertion order is start order, so the eldest is dropped first
    private final LinkedHashMap<String, Job> jobs = new LinkedHashMap<>();
    private @Nullable Job running;

    Redrives(DeadLetterRedrive redrive, ReadPermits permits, RandomIds ids, Clock clock, int kept) {
        this.redrive = redrive;
        this.permits = permits;
        this.ids = ids;
        this.clock = clock;
        this.kept = kept;
    }

    /** Starts a redrive, or answers the one still running (nothing new is started then). */
    synchronized Started start(DeadLetterFilter filter) {
        Job current = running;
        if (current != null) {
            return new Started(false, current.view());
        }
        Runnable release = permits.take();
        Job job = new Job("rd-" + ids.next(), clock.instant());
        jobs.put(job.id, job);
        while (jobs.size() > kept) {
            String eldest = jobs.keySet().iterator().next();
            jobs.remove(eldest);
        }
        running = job;
        thread.execute(() -> run(job, filter, release));
        return new Started(true, job.view());
    }

    /**
     * @param started {@code false} when another redrive was still running
     */
    record Started(boolean started, RedriveView redrive) {}

    synchronized Optional<RedriveView> get(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::view);
    }

    private void run(Job job, DeadLetterFilter filter, Runnable release) {
        try {
            DeadLetterRedrive.Result result =
                    redrive.run(
                            filter,
                            false,
                            counts -> {
                                job.counts = counts;
                                job.state = "running";
                            });
            job.counts = result.counts();
            Exception failure = result.failure();
            job.error = failure == null ? null : String.valueOf(failure.getMessage());
            job.state = result.complete() ? "done" : "failed";
            log.info(
                    "redrive {} {}: matched {}, already redriven {}, redriven {}",
                    job.id,
                    job.state,
                    result.counts().matched(),
                    result.counts().alreadyRedriven(),
                    result.counts().redriven());
        } catch (RuntimeException e) {
            job.error = String.valueOf(e.getMessage());
            job.state = "failed";
            log.warn("redrive {} failed: {}", job.id, e.toString());
        } finally {
            job.finishedAt = clock.instant();
            release.run();
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
