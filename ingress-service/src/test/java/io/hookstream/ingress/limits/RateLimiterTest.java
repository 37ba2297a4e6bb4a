package io.hookstream.ingress.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(nanos::get);
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void aBurstUpToTheLimitPassesThenTheNextIsRefusedWithTheWaitUntilATokenRefills() {
        for (int i = 0; i < 300; i++) {
            assertThat(limiter.acquire("h", 300, TEN_SECONDS).allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire("h", 300, TEN_SECONDS);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds())
                .isEqualTo(1); // one token every 33 ms, rounded up to a whole second
    }

    @Test
    void tokensRefillEvenlyOverThePeriod() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("h", 3, TEN_SECONDS);
        }
        assertThat(limiter.acquire("h", 3, TEN_SECONDS).retryAfterSeconds()).isEqualTo(4);

        nanos.addAndGet(Duration.ofMillis(3_400).toNanos());
        assertThat(limiter.acquire("h", 3, TEN_SECONDS).allowed()).isTrue();
        assertThat(limiter.acquire("h", 3, TEN_SECONDS).allowed()).isFalse();
    }

    @Test
    void hooksHaveTheirOwnBuckets() {
        limiter.acquire("a", 1, TEN_SECONDS);

        assertThat(limiter.acquire("a", 1, TEN_SECONDS).allowed()).isFalse();
        assertThat(limiter.acquire("b", 1, TEN_SECONDS).allowed()).isTrue();
    }

    @Test
    void onlyBucketsThatRefilledCompletelyAreEvicted() {
        limiter.acquire("busy", 2, TEN_SECONDS);
        limiter.acquire("busy", 2, TEN_SECONDS);
        limiter.acquire("idle", 2, TEN_SECONDS);
        nanos.addAndGet(Duration.ofSeconds(6).toNanos()); // idle is full again; busy has 1.2 of 2

        limiter.evictIdle();

        assertThat(limiter.size()).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        limiter.evictIdle();
        assertThat(limiter.size()).isZero();
    }

    @Test
    void aLoweredLimitAppliesAtOnce() {
        limiter.acquire("h", 100, TEN_SECONDS); // 99 tokens left under the old limit

        // the bucket is capped at the new limit of 2 at once
        assertThat(limiter.acquire("h", 2, TEN_SECONDS).allowed()).isTrue();
        assertThat(limiter.acquire("h", 2, TEN_SECONDS).allowed()).isTrue();
        assertThat(limiter.acquire("h", 2, TEN_SECONDS).allowed()).isFalse();
    }
}
