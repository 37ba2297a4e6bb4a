package io.hookstream.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Load at a fixed rate while the broker goes away and comes back on the same data: what the senders
 * were answered, and whether every accepted request's bundles arrived, once. Shared by the small
 * run in the test suite and the large one of {@code benchmarks/reliability/broker-restart.sh}.
 */
final class BrokerRestartRun {

    /** The broker under test, stopped and started again on the same address and data. */
    interface Broker {

        void stop() throws Exception;

        void start() throws Exception;
    }

    /**
     * @param unavailable 503 answers
     * @param unavailableRetryAfter 503 answers carrying {@code Retry-After}
     * @param unavailableWhileDown 503 answers to requests sent while the broker was stopped
     * @param storedAfterRefusal bundles of no accepted request: events the broker stored after
     *     their sender had already been answered 503 (the sender retries, so these are delivered
     *     twice under different event ids, never lost)
     * @param retried requests that were sent more than once (retrying senders only)
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
            long retried) {

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
                    + retried;
        }
    }

    private BrokerRestartRun() {}

    /**
     * @param stopAfter requests sent before the broker is stopped
     * @param down how long the broker stays away while requests keep coming
     */
    static Report run(
            Services services,
            Broker broker,
            int users,
            int requests,
            int perSecond,
            int stopAfter,
            Duration down,
            Duration deliveryTimeout)
            throws Exception {
        return run(
                services, broker, users, requests, perSecond, stopAfter, down, deliveryTimeout, 1);
    }

    /**
     * @param attempts 1: senders that give up after a 503 (every accepted request's bundles are
     *     counted by bundle id); more: senders that retry each 503 with the same delivery id into a
     *     webhook that deduplicates it, every request counted once by what it delivers
     */
    static Report run(
            Services services,
            Broker broker,
            int users,
            int requests,
            int perSecond,
            int stopAfter,
            Duration down,
            Duration deliveryTimeout,
            int attempts)
            throws Exception {
        boolean retrying = attempts > 1;
        LoadScenario scenario = LoadScenario.create(services, users, 1, retrying);
        scenario.warmUp(Duration.ofSeconds(90));
        FixedRateLoad load =
                new FixedRateLoad(
                        scenario.targets(), requests, perSecond, scenario::body, attempts);
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
        while (load.sent() < stopAfter && !answers.isDone()) {
            Thread.sleep(5);
        }
        int firstWhileDown = load.sent();
        broker.stop();
        Thread.sleep(down.toMillis());
        int firstAfterRestart = load.sent();
        broker.start();
        List<FixedRateLoad.Outcome> outcomes =
                answers.get(requests / perSecond + 300L, TimeUnit.SECONDS);

        Set<String> expected =
                retrying
                        ? scenario.expectedDeliveries(outcomes)
                        : scenario.expectedBundles(outcomes);
        BundleLedger ledger =
                retrying
                        ? BundleLedger.read(
                                services.bootstrapServers(),
                                scenario.triggerTopics(),
                                expected,
                                deliveryTimeout,
                                LoadScenario::delivery)
                        : BundleLedger.read(
                                services.bootstrapServers(),
                                scenario.triggerTopics(),
                                expected,
                                deliveryTimeout);
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
                        .filter(o -> o.index() >= firstWhileDown && o.index() < firstAfterRestart)
                        .count();
        return new Report(
                outcomes.size(),
                accepted,
                unavailable,
                withRetryAfter,
                whileDown,
                statuses,
                expected.size(),
                ledger.bundles(),
                ledger.duplicates(),
                ledger.missing().size(),
                ledger.unexpected().size(),
                outcomes.stream().filter(o -> o.attempts() > 1).count());
    }
}
