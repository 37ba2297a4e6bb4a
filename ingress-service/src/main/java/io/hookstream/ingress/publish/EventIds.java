package io.hookstream.ingress.publish;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 event ids (RFC 9562): a millisecond timestamp followed by random bits, so ids sort by
 * arrival and never collide across ingress instances.
 */
public final class EventIds {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public EventIds(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
