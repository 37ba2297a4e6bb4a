package io.hookstream.ingress.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per hook (or shared webhook): {@code requests} tokens that refill evenly over
 * {@code period}, so a hook may burst up to its limit and then sustain {@code requests / period}.
 * Smoother than a fixed window, which lets twice the limit through around a window boundary.
 *
 * <p>Limits are per ingress instance; behind a load balancer with N instances a hook gets up to N
 * times its limit. Memory stays bounded: a bucket that has refilled completely carries no
 * information and is dropped by {@link #evictIdle()}.
 */
public final class RateLimiter {

    /**
     * The verdict on one request: allowed, or refused with the seconds until a token is available.
     */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public RateLimiter() {
        this(System::nanoTime);
    }

    /** Takes one token of {@code key}'s bucket, created full with the given limit on first use. */
    public Decision acquire(String key, int requests, Duration period) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(requests, period, now));
        return bucket.take(requests, period, now);
    }

    /** Drops buckets that are full again; call periodically. */
    public void evictIdle() {
        long now = nanoClock.getAsLong();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private int capacity;
        private double perNano;
        private double tokens;
        private long updatedNanos;

        Bucket(int capacity, Duration period, long now) {
            this.capacity = capacity;
            this.perNano = capacity / (double) period.toNanos();
            this.tokens = capacity;
            this.updatedNanos = now;
        }

        synchronized Decision take(int limit, Duration period, long now) {
            // a changed limit (the app was updated) applies from now on
            capacity = limit;
            perNano = limit / (double) period.toNanos();
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.ALLOWED;
            }
            double nanosUntilToken = (1 - tokens) / perNano;
            return new Decision(
                    false, Math.max(1, (long) Math.ceil(nanosUntilToken / 1_000_000_000d)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + Math.max(0, now - updatedNanos) * perNano);
            updatedNanos = now;
        }
    }
}
