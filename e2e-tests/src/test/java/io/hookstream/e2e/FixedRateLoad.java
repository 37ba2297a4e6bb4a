package io.hookstream.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Sends a fixed number of webhook requests at a fixed rate, round-robin over hook URLs, without
 * waiting for answers (a sender whose requests are slow to answer does not slow down), and records
 * each answer. Bounded and self-stopping: after the last request it only waits for the answers,
 * each bounded by the client's timeout.
 */
final class FixedRateLoad {

    /**
     * @param eventId the {@code Hookstream-Event-Id} of an accepted request
     * @param retryAfter the {@code Retry-After} header of a refused one
     * @param status the HTTP status, or -1 when no answer came (connection failure or client
     *     timeout)
     * @param attempts how many times the request was sent; the answer is the last one's
     * @param refusedBefore 503 answers to the attempts before the last
     * @param unansweredBefore attempts before the last that got no answer (connection refused or
     *     reset, client timeout)
     * @param sentNanos when the first attempt was sent ({@link System#nanoTime()})
     * @param answeredNanos when the last answer came (or the last attempt failed)
     */
    record Outcome(
            int index,
            String hookId,
            int status,
            @Nullable String eventId,
            @Nullable String retryAfter,
            int attempts,
            int refusedBefore,
            int unansweredBefore,
            long sentNanos,
            long answeredNanos) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * A hook and the URLs it is reached at, one per ingress instance: request {@code i} goes to
     * {@code urls[i % n]} and each retry to the next one, as a load balancer that spreads requests
     * round-robin and fails over would send them.
     */
    record Target(String hookId, List<String> urls) {

        Target {
            urls = List.copyOf(urls);
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("a target needs a URL");
            }
        }

        Target(String hookId, String url) {
            this(hookId, List.of(url));
        }

        /** The first URL, where a single request goes. */
        String url() {
            return urls.get(0);
        }

        String url(int index, int attempt) {
            return urls.get((index + attempt - 1) % urls.size());
        }
    }

    /** The header a retried request carries the same value of, for the dedupe directive. */
    static final String DELIVERY_ID = "X-Delivery-Id";

    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(2);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Target> targets;
    private final int requests;
    private final int perSecond;
    private final IntFunction<String> body;
    private final int attempts;
    private final AtomicInteger sent = new AtomicInteger();
    private final List<CompletableFuture<Outcome>> answers = new ArrayList<>();

    FixedRateLoad(List<Target> targets, int requests, int perSecond, IntFunction<String> body) {
        this(targets, requests, perSecond, body, 1);
    }

    /**
     * @param attempts how often a sender tries a request: as real senders do, one answered 503 or
     *     not answered at all is sent again, with the same body and delivery id ({@value
     *     #DELIVERY_ID} {@code d-<index>}), after its {@code Retry-After} (at most {@link
     *     #MAX_RETRY_DELAY})
     */
    FixedRateLoad(
            List<Target> targets,
            int requests,
            int perSecond,
            IntFunction<String> body,
            int attempts) {
        this.attempts = attempts;
        this.targets = List.copyOf(targets);
        this.requests = requests;
        this.perSecond = perSecond;
        this.body = body;
    }

    /** Sends every request and answers all outcomes, in request order. */
    List<Outcome> run() throws InterruptedException {
        ScheduledExecutorService clock =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "fixed-rate-load");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            clock.scheduleAtFixedRate(
                    this::sendNext, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
            while (sent.get() < requests) {
                Thread.sleep(20);
            }
        } finally {
            clock.shutdownNow();
            clock.awaitTermination(10, TimeUnit.SECONDS);
        }
        List<Outcome> outcomes = new ArrayList<>(requests);
        synchronized (answers) {
            for (CompletableFuture<Outcome> answer : answers) {
                outcomes.add(answer.join());
            }
        }
        return outcomes;
    }

    /** How many requests have been sent so far. */
    int sent() {
        return sent.get();
    }

    private void sendNext() {
        int index = sent.get();
        if (index >= requests) {
            return;
        }
        Target target = targets.get(index % targets.size());
        CompletableFuture<Outcome> answer =
                attempt(index, target, body.apply(index), 1, 0, 0, System.nanoTime());
        synchronized (answers) {
            answers.add(answer);
        }
        sent.incrementAndGet();
    }

    private CompletableFuture<Outcome> attempt(
            int index,
            Target target,
            String payload,
            int attempt,
            int refusedBefore,
            int unansweredBefore,
            long sentNanos) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(target.url(index, attempt)))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header(DELIVERY_ID, "d-" + index)
                        .POST(HttpRequest.BodyPublishers.ofString(payload))
                        .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(
                        response ->
                                new Outcome(
                                        index,
                                        target.hookId(),
                                        response.statusCode(),
                                        response.headers()
                                                .firstValue("hookstream-event-id")
                                                .orElse(null),
                                        response.headers().firstValue("retry-after").orElse(null),
                                        attempt,
                                        refusedBefore,
                                        unansweredBefore,
                                        sentNanos,
                                        System.nanoTime()))
                .exceptionally(
                        failure ->
                                new Outcome(
                                        index,
                                        target.hookId(),
                                        -1,
                                        null,
                                        null,
                                        attempt,
                                        refusedBefore,
                                        unansweredBefore,
                                        sentNanos,
                                        System.nanoTime()))
                .thenCompose(
                        outcome -> {
                            boolean retry =
                                    (outcome.status() == 503 || outcome.status() == -1)
                                            && attempt < attempts;
                            if (!retry) {
                                return CompletableFuture.completedFuture(outcome);
                            }
                            return CompletableFuture.supplyAsync(
                                            () -> null,
                                            CompletableFuture.delayedExecutor(
                                                    delay(outcome, target).toMillis(),
                                                    TimeUnit.MILLISECONDS))
                                    .thenCompose(
                                            ignored ->
                                                    attempt(
                                                            index,
                                                            target,
                                                            payload,
                                                            attempt + 1,
                                                            refusedBefore
                                                                    + (outcome.status() == 503
                                                                            ? 1
                                                                            : 0),
                                                            unansweredBefore
                                                                    + (outcome.status() == -1
                                                                            ? 1
                                                                            : 0),
                                                            sentNanos));
                        });
    }

    /**
     * The answer's {@code Retry-After} in seconds, at most {@link #MAX_RETRY_DELAY}; 1 s without
     * one.
     */
    private static Duration delay(Outcome outcome, Target target) {
        if (outcome.status() == -1 && target.urls().size() > 1) {
            // an instance that takes no connections: a balancer sends the request to the next one
            // at once
            return Duration.ZERO;
        }
        String retryAfter = outcome.retryAfter();
        if (retryAfter == null) {
            return Duration.ofSeconds(1);
        }
        try {
            Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
            return asked.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : asked;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
