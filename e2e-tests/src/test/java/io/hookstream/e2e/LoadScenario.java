package io.hookstream.e2e;

import io.hookstream.schemas.bundle.Bundle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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

    private final Services services;
    private final String appId;
    private final int items;
    private final List<FixedRateLoad.Target> targets = new ArrayList<>();
    private final List<String> triggerTopics = new ArrayList<>();
    private final Set<String> warmUpBundles = new HashSet<>();

    private LoadScenario(Services services, String appId, int items) {
        this.services = services;
        this.appId = appId;
        this.items = items;
    }

    /** Registers the app and {@code users} hooks through the control plane. */
    static LoadScenario create(Services services, int users, int items) throws Exception {
        return create(services, users, items, false);
    }

    /**
     * @param dedupe whether the webhook drops a repeat of a delivery id ({@link
     *     FixedRateLoad#DELIVERY_ID}) it has seen, as senders' retries need
     */
    static LoadScenario create(Services services, int users, int items, boolean dedupe)
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        LoadScenario scenario = new LoadScenario(services, "load-" + suffix, items);
        services.putApp(
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
            JsonNode hook = services.createHook(scenario.appId, "orders", "u" + u + "-" + suffix);
            scenario.targets.add(
                    new FixedRateLoad.Target(
                            hook.get("hookId").asString(), hook.get("url").asString()));
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
                var answer = services.post(target.url(), body(-1));
                Assertions.assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                expected.addAll(
                        bundleIds(
                                answer.headers().firstValue("hookstream-event-id").orElseThrow(),
                                target.hookId()));
            }
            BundleLedger ledger =
                    BundleLedger.read(
                            services.bootstrapServers(),
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

    /** Every bundle the accepted requests (and the warm-up) must have produced. */
    Set<String> expectedBundles(List<FixedRateLoad.Outcome> outcomes) {
        Set<String> expected = new HashSet<>(warmUpBundles);
        for (FixedRateLoad.Outcome outcome : outcomes) {
            if (outcome.accepted()) {
                expected.addAll(bundleIds(outcome.eventId(), outcome.hookId()));
            }
        }
        return expected;
    }

    /**
     * Every delivery the accepted requests must have produced, by what it is rather than by event
     * id: {@code <request index>:<item>:<hookId>}. A retried request stored twice keeps the event
     * id of its first copy, which its sender may have been answered 503 for.
     */
    Set<String> expectedDeliveries(List<FixedRateLoad.Outcome> outcomes) {
        Set<String> expected = new HashSet<>();
        for (FixedRateLoad.Outcome outcome : outcomes) {
            if (outcome.accepted()) {
                for (int i = 0; i < items; i++) {
                    expected.add(outcome.index() + ":" + i + ":" + outcome.hookId());
                }
            }
        }
        return expected;
    }

    /** The delivery a bundle is ({@link #expectedDeliveries}); none for the warm-up's. */
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

    List<FixedRateLoad.Target> targets() {
        return targets;
    }

    List<String> triggerTopics() {
        return triggerTopics;
    }
}
