package io.hookstream.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Load at a fixed rate while a fault is injected and later healed (a broker stopped and started on
 * the same data, the raw topic's leader killed, a router killed): what the senders were answered
 * and when, whether every accepted request's bundles arrived, once, and how long they took. Shared
 * by the small runs in the test suite and the large ones of {@code benchmarks/reliability/}.
 */
final class FaultRun {

    /** What goes wrong during the run, and what (if anything) puts it right. */
    interface Fault {

        void inject() throws Exception;

        void heal() throws Exception;

        /** What the fault measured of itself, for the report (e.g. how long an election took). */
        default String describe() {
            return "";
        }
    }

    /**
     * @param users hooks the load is spread over, one per user
     * @param items bundles each request becomes
     * @param requests requests sent in all
     * @param perSecond their fixed rate
     * @param faultAfter requests sent before the fault is injected
     * @param faultFor how long it lasts, requests still coming, before it is healed
     * @param deliveryTimeout how long to wait for the last bundle
     * @param attempts 1: senders that give up after a 503 (every accepted request's bundles are
     *     counted by bundle id); more: senders that retry each 503 with the same delivery id into a
     *     webhook that deduplicates it, every request counted once by what it delivers
     */
    record Load(
            int users,
            int items,
            int requests,
            int perSecond,
            int faultAfter,
            Duration faultFor,
            Duration deliveryTimeout,
            int attempts) {

        Load withAttempts(int attempts) {
            return new Load(
                    users,
                    items,
                    requests,
                    perSecond,
                    faultAfter,
                    faultFor,
                    deliveryTimeout,
                    attempts);
        }
    }

    /**
     * Times are milliseconds from the fault's injection (negative for a request sent just before
     * it), -1 where there is nothing to time, and the 503 times empty when there was no 503.
     *
     * @param unavailable 503 answers
     * @param unavailableRetryAfter 503 answers carrying {@code Retry-After}
     * @param unavailableWhileDown 503 answers to requests sent while the fault lasted
     * @param storedAfterRefusal bundles of no accepted request: events the broker stored after
     *     their sender had already been answered 503 (the sender retries, so these are delivered
     *     twice under different event ids, never lost)
     * @param retried requests that were sent more than once (retrying senders only)
     * @param unanswered attempts that got no answer at all (connection refused or reset, client
     *     timeout), also those a retry got past
     * @param first503Ms when the first request answered 503 was sent
     * @param last503Ms when the last request answered 503 was sent: requests sent within
     *     [first503Ms, last503Ms] were refused (not all of them)
     * @param healedMs when the fault was healed
     * @param firstAcceptedAfterHealMs when the first request sent after the heal was answered 2xx
     * @param deliveryP50Ms median time from a 2xx answer to its last bundle seen by a
     *     read_committed consumer
     * @param deliveryMaxMs the longest such time: how long bundles stopped flowing
     * @param flowingAgainMs when bundles flowed again for good: every request answered 2xx from
     *     then on had its bundles within {@link #FLOWING} of its answer
     * @param outcomes the scenario's events by the outcome the routers recorded, warm-up included:
     *     {@code duplicate} counts the copies {@code dedupe} dropped
     * @param fault what the fault measured of itself
     */
    record Report(
            int requests,
            long accepted,
            long unavailable,
            long unavailableRetryAfter,
            long unavailableWhileDown,
            Map<Integer, Long> statuses,
            int expectedBundles,
            int bundles,
            int duplicates,
            int missing,
            int storedAfterRefusal,
            long retried,
            long unanswered,
            OptionalLong first503Ms,
            OptionalLong last503Ms,
            long healedMs,
            long firstAcceptedAfterHealMs,
            long deliveryP50Ms,
            long deliveryMaxMs,
            long flowingAgainMs,
            OutcomeTally outcomes,
            String fault) {

        String summary() {
            return "requests="
                    + requests
                    + " 2xx="
                    + accepted
                    + " 503="
                    + unavailable
                    + " 503_with_retry_after="
                    + unavailableRetryAfter
                    + " 503_while_down="
                    + unavailableWhileDown
                    + " statuses="
                    + statuses
                    + " expected_bundles="
                    + expectedBundles
                    + " bundles="
                    + bundles
                    + " duplicates="
                    + duplicates
                    + " missing="
                    + missing
                    + " stored_after_503="
                    + storedAfterRefusal
                    + " retried="
                    + retried
                    + " unanswered="
                    + unanswered
                    + " first_503_ms="
                    + (first503Ms.isPresent() ? first503Ms.getAsLong() : "none")
                    + " last_503_ms="
                    + (last503Ms.isPresent() ? last503Ms.getAsLong() : "none")
                    + " healed_ms="
                    + healedMs
                    + " first_2xx_after_heal_ms="
                    + firstAcceptedAfterHealMs
                    + " delivery_p50_ms="
                    + deliveryP50Ms
                    + " delivery_max_ms="
                    + deliveryMaxMs
                    + " flowing_again_ms="
                    + flowingAgainMs
                    + " outcomes="
                    + outcomes.counts()
                    + (outcomes.duplicated().isEmpty()
                            ? ""
                            : " duplicated=" + outcomes.duplicated())
                    + (fault.isEmpty() ? "" : " " + fault);
        }
    }

    /** A bundle this soon after its request's answer counts as flowing. */
    static final Duration FLOWING = Duration.ofSeconds(1);

    private FaultRun() {}

    static Report run(Deployment services, Fault fault, Load plan) throws Exception {
        LoadScenario scenario =
                LoadScenario.create(services, plan.users(), plan.items(), plan.attempts() > 1);
        scenario.warmUp(Duration.ofSeconds(90));
        // read live, so that each bundle's arrival is timed
        try (BundleLedger ledger =
                BundleLedger.start(
                        services.bootstrapServers(), scenario.triggerTopics(), scenario.key())) {
            return measure(services, fault, plan, scenario, ledger);
        }
    }

    private static Report measure(
            Deployment services, Fault fault, Load plan, LoadScenario scenario, BundleLedger ledger)
            throws Exception {
        FixedRateLoad load =
                new FixedRateLoad(
                        scenario.targets(),
                        plan.requests(),
                        plan.perSecond(),
                        scenario::body,
                        plan.attempts());
        CompletableFuture<List<FixedRateLoad.Outcome>> answers =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return load.run();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                        });
        while (load.sent() < plan.faultAfter() && !answers.isDone()) {
            Thread.sleep(5);
        }
        int firstWhileDown = load.sent();
        long injected = System.nanoTime();
        fault.inject();
        Thread.sleep(plan.faultFor().toMillis());
        int firstAfterHeal = load.sent();
        long healed = System.nanoTime();
        fault.heal();
        List<FixedRateLoad.Outcome> outcomes =
                answers.get(plan.requests() / plan.perSecond() + 300L, TimeUnit.SECONDS);

        ledger.awaitAll(scenario.expected(outcomes), plan.deliveryTimeout());
        Map<Integer, Long> statuses = new TreeMap<>();
        outcomes.forEach(o -> statuses.merge(o.status(), 1L, Long::sum));
        long accepted = outcomes.stream().filter(FixedRateLoad.Outcome::accepted).count();
        List<FixedRateLoad.Outcome> refused =
                outcomes.stream().filter(o -> o.status() == 503).toList();
        // with retries, every 503 a sender saw counts, also those its retry got past
        long unavailable =
                refused.size() + outcomes.stream().mapToLong(o -> o.refusedBefore()).sum();
        long withRetryAfter =
                refused.stream()
                        .filter(o -> o.retryAfter() != null && !o.retryAfter().isBlank())
                        .count();
        long whileDown =
                outcomes.stream()
                        .filter(o -> o.status() == 503 || o.refusedBefore() > 0)
                        .filter(o -> o.index() >= firstWhileDown && o.index() < firstAfterHeal)
                        .count();
        OptionalLong firstAcceptedAfterHeal =
                outcomes.stream()
                        .filter(o -> o.index() >= firstAfterHeal && o.accepted())
                        .mapToLong(FixedRateLoad.Outcome::answeredNanos)
                        .min();
        List<Delivery> delivered = deliveries(outcomes, scenario, ledger);
        List<Long> deliveries =
                delivered.stream().map(Delivery::millis).sorted(Comparator.naturalOrder()).toList();
        return new Report(
                outcomes.size(),
                accepted,
                unavailable,
                withRetryAfter,
                whileDown,
                statuses,
                ledger.expectedCount(),
                ledger.bundles(),
                ledger.duplicates(),
                ledger.missing().size(),
                ledger.unexpected().size(),
                outcomes.stream().filter(o -> o.attempts() > 1).count(),
                outcomes.stream()
                        .mapToLong(o -> (o.status() == -1 ? 1 : 0) + o.unansweredBefore())
                        .sum(),
                sinceInjection(
                        injected,
                        refused.stream().mapToLong(FixedRateLoad.Outcome::sentNanos).min()),
                sinceInjection(
                        injected,
                        refused.stream().mapToLong(FixedRateLoad.Outcome::sentNanos).max()),
                millisSince(injected, healed),
                firstAcceptedAfterHeal.isPresent()
                        ? millisSince(injected, firstAcceptedAfterHeal.getAsLong())
                        : -1,
                deliveries.isEmpty() ? -1 : deliveries.get(deliveries.size() / 2),
                deliveries.isEmpty() ? -1 : deliveries.get(deliveries.size() - 1),
                flowingAgain(delivered, injected),
                OutcomeTally.of(
                        services.bootstrapServers(), scenario.appId(), Duration.ofMinutes(1)),
                fault.describe());
    }

    /** How long one accepted request's bundles took from its answer ({@code answeredNanos}). */
    private record Delivery(long answeredNanos, long millis) {}

    /** For each accepted request whose bundles all arrived, when it was answered and how long. */
    private static List<Delivery> deliveries(
            List<FixedRateLoad.Outcome> outcomes, LoadScenario scenario, BundleLedger ledger) {
        List<Delivery> deliveries = new ArrayList<>();
        for (FixedRateLoad.Outcome outcome : outcomes) {
            List<String> keys = scenario.keysOf(outcome);
            long last = Long.MIN_VALUE;
            for (String key : keys) {
                OptionalLong seen = ledger.firstSeenNanos(key);
                last = seen.isPresent() ? Math.max(last, seen.getAsLong()) : Long.MAX_VALUE;
            }
            if (!keys.isEmpty() && last != Long.MAX_VALUE) {
                // a bundle already seen before its answer came (the answer is sent after the ack)
                deliveries.add(
                        new Delivery(
                                outcome.answeredNanos(),
                                Math.max(0, millisSince(outcome.answeredNanos(), last))));
            }
        }
        return deliveries;
    }

    /**
     * Milliseconds from the fault to the answer of the first request after which every delivery
     * took at most {@link #FLOWING}; 0 if none was ever slower, -1 if the last one was.
     */
    private static long flowingAgain(List<Delivery> deliveries, long injected) {
        List<Delivery> byAnswer =
                deliveries.stream()
                        .sorted(Comparator.comparingLong(Delivery::answeredNanos))
                        .toList();
        long flowing = FLOWING.toMillis();
        int firstOfTheRun = byAnswer.size();
        while (firstOfTheRun > 0 && byAnswer.get(firstOfTheRun - 1).millis() <= flowing) {
            firstOfTheRun--;
        }
        if (firstOfTheRun == 0) {
            return 0;
        }
        if (firstOfTheRun == byAnswer.size()) {
            return -1;
        }
        return Math.max(0, millisSince(injected, byAnswer.get(firstOfTheRun).answeredNanos()));
    }

    private static OptionalLong sinceInjection(long injected, OptionalLong nanos) {
        return nanos.isPresent()
                ? OptionalLong.of(millisSince(injected, nanos.getAsLong()))
                : OptionalLong.empty();
    }

    private static long millisSince(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }
}
