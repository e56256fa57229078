package io.github.uipathbridge.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * At most {@code perMinute} requests in any sliding minute: {@link #acquire()} waits until the oldest request in the
 * window is a minute old. Orchestrator allows 100 GET requests per minute per tenant on the Jobs and QueueItems
 * collections and answers 429 past that, so staying under the limit on the client side costs less than being told off.
 *
 * <p>Thread-safe; waiting happens outside the lock. A budget of 0 is unlimited.
 *
 * <p>Known shortcoming: the budget counts the requests of one component in one JVM only; other processes calling the
 * same tenant share Orchestrator's limit without being counted here, so leave them headroom (429s are still retried).
 */
public final class RequestBudget {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;

    private final Clock clock;

    private final Sleeper sleeper;

    private final Deque<Instant> sent = new ArrayDeque<>();

    public RequestBudget(int perMinute, Clock clock, Sleeper sleeper) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("perMinute must not be negative, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
    }

    /** An unlimited budget. */
    public static RequestBudget unlimited() {
        return new RequestBudget(0, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /**
     * Takes one request from the budget, waiting for a free slot if the last minute's are spent.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void acquire() throws InterruptedException {
        if (perMinute == 0) {
            return;
        }
        Duration wait;
        while (!(wait = tryAcquire()).isZero()) {
            sleeper.sleep(wait);
        }
    }

    /** The configured requests per minute, 0 for unlimited. */
    public int perMinute() {
        return perMinute;
    }

    /** Takes a slot and answers zero, or answers how long until one frees up. */
    synchronized Duration tryAcquire() {
        Instant now = clock.instant();
        Instant windowStart = now.minus(WINDOW);
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(windowStart)) {
            sent.removeFirst();
        }
        if (sent.size() < perMinute) {
            sent.addLast(now);
            return Duration.ZERO;
        }
        Duration wait = Duration.between(windowStart, sent.peekFirst());
        return wait.isZero() || wait.isNegative() ? Duration.ofMillis(1) : wait;
    }
}
