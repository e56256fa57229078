package io.github.uipathbridge.simulator.http;

import java.time.Clock;

/**
 * A fixed one-minute window per tenant, as the real service applies to GET on the Jobs and QueueItems collections.
 * Thread-safe.
 */
public final class RateLimiter {

    private final int perMinute;
    private final Clock clock;
    private long window = Long.MIN_VALUE;
    private int used;

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** 0 when the request may go on, else the seconds until the window resets (the Retry-After value). */
    public synchronized long acquire() {
        if (perMinute <= 0) {
            return 0;
        }
        long nowMillis = clock.millis();
        long current = Math.floorDiv(nowMillis, 60_000L);
        if (current != window) {
            window = current;
            used = 0;
        }
        if (used < perMinute) {
            used++;
            return 0;
        }
        long resetMillis = (current + 1) * 60_000L - nowMillis;
        return Math.max(1, (resetMillis + 999) / 1000);
    }
}
