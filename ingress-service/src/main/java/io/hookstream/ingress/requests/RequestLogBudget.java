package io.hookstream.ingress.requests;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records per second: so many per known hook, so many for all unknown hooks together, so many in
 * all. Counts start again every second; the map holds only hooks refused within the current second,
 * and at most as many hooks as the total allows records.
 */
final class RequestLogBudget {

    private final int perHook;
    private final int unknown;
    private final int total;
    private final ConcurrentHashMap<String, AtomicInteger> perKey = new ConcurrentHashMap<>();
    private final AtomicInteger unknownCount = new AtomicInteger();
    private final AtomicInteger totalCount = new AtomicInteger();
    private long second = Long.MIN_VALUE;

    RequestLogBudget(int perHook, int unknown, int total) {
        this.perHook = perHook;
        this.unknown = unknown;
        this.total = total;
    }

    /**
     * Whether a record for {@code key} of a request received at {@code epochMillis} may be written;
     * requests come in the order of their times, give or take the threads' races at a second's
     * edge.
     */
    boolean admit(String key, boolean known, long epochMillis) {
        roll(epochMillis / 1000);
        // the total is only charged for what its own budget admits, so that unknown hooks cannot
        // use
        // up the known ones' share
        boolean own =
                known
                        ? perKey.size() < total
                                && perKey.computeIfAbsent(key, k -> new AtomicInteger())
                                                .incrementAndGet()
                                        <= perHook
                        : unknownCount.incrementAndGet() <= unknown;
        return own && totalCount.incrementAndGet() <= total;
    }

    private synchronized void roll(long now) {
        if (now > second) {
            second = now;
            perKey.clear();
            unknownCount.set(0);
            totalCount.set(0);
        }
    }
}
