package io.hookstream.e2e;

import io.hookstream.schemas.bundle.Bundle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.Assertions;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One app whose webhook turns each request into {@code items} bundles (one per element of {@code
 * body.items}), with a dedicated hook for each of several users, so that load spreads over
 * partitions and trigger topics. Knows which bundles an accepted request must produce: {@code
 * <eventId>:<index>:<hookId>}.
 */
final class LoadScenario {

    private final Deployment deployment;
    private final String appId;
    private final int items;
    private final boolean dedupe;
    private final List<FixedRateLoad.Target> targets = new ArrayList<>();
    private final List<String> triggerTopics = new ArrayList<>();
    private final Set<String> warmUpBundles = new HashSet<>();

    private LoadScenario(Deployment deployment, String appId, int items, boolean dedupe) {
        this.deployment = deployment;
        this.appId = appId;
        this.items = items;
        this.dedupe = dedupe;
    }

    /** Registers the app and {@code users} hooks through the control plane. */
    static LoadScenario create(Deployment deployment, int users, int items) throws Exception {
        return create(deployment, users, items, false);
    }

    /**
     * @param dedupe whether the webhook drops a repeat of a delivery id ({@link
     *     FixedRateLoad#DELIVERY_ID}) it has seen, as senders' retries need
     */
    static LoadScenario create(Deployment deployment, int users, int items, boolean dedupe)
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        LoadScenario scenario = new LoadScenario(deployment, "load-" + suffix, items, dedupe);
        deployment
                .controlPlane()
                .putApp(
                        scenario.appId,
                        """
            {"name": "Load", "webhooks": {"orders": {"type": "dedicated", "spec": {%s
              "iterate": "{{body.items}}", "output": {"n": "{{body.n}}", "sku": "{{item.sku}}"}}}}}"""
                                .formatted(
                                        dedupe
                                                ? "\"dedupe\": \"{{headers.`"
                                                        + FixedRateLoad.DELIVERY_ID
                                                        + "`}}\","
                                                : ""));
        for (int u = 0; u < users; u++) {
            JsonNode hook =
                    deployment
                            .controlPlane()
                            .createHook(scenario.appId, "orders", "u" + u + "-" + suffix);
            scenario.targets.add(
                    new FixedRateLoad.Target(
                            hook.get("hookId").asString(),
                            deployment.ingressUrlsOf(hook.get("url").asString())));
            scenario.triggerTopics.add(hook.get("triggerTopic").asString());
        }
        return scenario;
    }

    String body(int n) {
        StringBuilder body = new StringBuilder("{\"n\":").append(n).append(",\"items\":[");
        for (int i = 0; i < items; i++) {
            body.append(i == 0 ? "" : ",").append("{\"sku\":\"s").append(i).append("\"}");
        }
        return body.append("]}").toString();
    }

    /**
     * Sends one request per hook and waits until its bundles are delivered, so that measuring
     * starts with a router that runs and knows every hook and the app. The router joins events with
     * its own copies of the hooks and apps topics; an event that overtakes its just-created hook
     * there becomes a dead letter, so a hook whose first request did not arrive is sent another.
     */
    void warmUp(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<FixedRateLoad.Target> pending = new ArrayList<>(targets);
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the router delivered no bundle for hooks "
                                + pending
                                + " within "
                                + timeout);
            }
            Set<String> expected = new HashSet<>();
            for (FixedRateLoad.Target target : pending) {
                var answer = deployment.controlPlane().post(target.url(), body(-1));
                Assertions.assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                expected.addAll(
                        bundleIds(
                                answer.headers().firstValue("hookstream-event-id").orElseThrow(),
                                target.hookId()));
            }
            BundleLedger ledger =
                    BundleLedger.read(
                            deployment.bootstrapServers(),
                            triggerTopics,
                            expected,
                            Duration.ofSeconds(20));
            Set<String> missing = ledger.missing();
            expected.removeAll(missing);
            warmUpBundles.addAll(expected);
            pending.removeIf(
                    target -> missing.stream().noneMatch(id -> id.endsWith(":" + target.hookId())));
        }
    }

    /**
     * What a bundle of this scenario is counted as: its bundle id {@code
     * <eventId>:<index>:<hookId>}, or, where the webhook deduplicates retries, the delivery it is,
     * {@code <request index>:<item>:<hookId>}: a retried request stored twice keeps the event id of
     * its first copy, which its sender may have been answered 503 for.
     */
    Function<Bundle, @Nullable String> key() {
        return dedupe ? LoadScenario::delivery : Bundle::bundleId;
    }

    /**
     * Every key ({@link #key()}) the accepted requests (and, counted by bundle id, the warm-up)
     * must have produced.
     */
    Set<String> expected(List<FixedRateLoad.Outcome> outcomes) {
        Set<String> expected = new HashSet<>(dedupe ? Set.of() : warmUpBundles);
        outcomes.forEach(outcome -> expected.addAll(keysOf(outcome)));
        return expected;
    }

    /**
     * The keys ({@link #key()}) one accepted request must have produced; none for a refused one.
     */
    List<String> keysOf(FixedRateLoad.Outcome outcome) {
        if (!outcome.accepted()) {
            return List.of();
        }
        if (!dedupe) {
            return bundleIds(outcome.eventId(), outcome.hookId());
        }
        List<String> keys = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            keys.add(outcome.index() + ":" + i + ":" + outcome.hookId());
        }
        return keys;
    }

    /** The delivery a bundle is ({@link #key()}); none for the warm-up's. */
    static @Nullable String delivery(Bundle bundle) {
        long n = RunningSystem.JSON.readTree(bundle.output()).path("n").asLong(-1);
        return n < 0 ? null : n + ":" + bundle.itemIndex() + ":" + bundle.hookId();
    }

    private List<String> bundleIds(String eventId, String hookId) {
        List<String> ids = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            ids.add(eventId + ":" + i + ":" + hookId);
        }
        return ids;
    }

    String appId() {
        return appId;
    }

    List<FixedRateLoad.Target> targets() {
        return targets;
    }

    List<String> triggerTopics() {
        return triggerTopics;
    }
}
