package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.StoreConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

/**
 * How a call to a Vault that is down, sealed or overloaded is tried again: a few attempts with exponential backoff and
 * jitter. Only {@linkplain CredentialsException#isTransient() transient} failures are retried; a missing secret or a
 * refused permission fails at once.
 *
 * <p>The delay before attempt {@code n + 1} is drawn uniformly from {@code [d/2, d]} where
 * {@code d = min(maxDelay, initialDelay * 2^(n-1))}: half of it keeps retries from hammering a recovering server, the
 * random half keeps many clients that lost Vault together from coming back in step. Instances are immutable and
 * thread-safe.
 */
public final class RetryPolicy {

    /** Three attempts ride over a leader election or a restart of a few seconds without hiding a real outage. */
    static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** A quarter second lets a restarting listener come up before the second attempt. */
    static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(250);

    /** Caps one wait so a caller (the token service) never stalls long on one read. */
    static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(5);

    private final int maxAttempts;

    private final Duration initialDelay;

    private final Duration maxDelay;

    private RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
        if (maxAttempts < 1) {
            throw VaultOptions.configuration(
                    "Setting " + VaultOptions.PREFIX + "retry.max-attempts must be at least 1, not " + maxAttempts);
        }
        Objects.requireNonNull(initialDelay, "initialDelay must not be null");
        Objects.requireNonNull(maxDelay, "maxDelay must not be null");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw VaultOptions.configuration("Setting " + VaultOptions.PREFIX
                    + "retry.initial-delay must not be negative nor longer than retry.max-delay");
        }
        this.maxAttempts = maxAttempts;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    /** Three attempts, 250 ms first delay, 5 s cap. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY);
    }

    /**
     * A policy.
     *
     * @param maxAttempts attempts in all, at least 1 (1 means no retry)
     * @param initialDelay the delay before the second attempt, before jitter
     * @param maxDelay the longest delay between two attempts
     */
    public static RetryPolicy of(int maxAttempts, Duration initialDelay, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay);
    }

    static RetryPolicy from(StoreConfig config) {
        String key = VaultOptions.PREFIX + "retry.max-attempts";
        int attempts = config.get(key).map(value -> parseAttempts(key, value)).orElse(DEFAULT_MAX_ATTEMPTS);
        return new RetryPolicy(
                attempts,
                config.getDuration(VaultOptions.PREFIX + "retry.initial-delay", DEFAULT_INITIAL_DELAY),
                config.getDuration(VaultOptions.PREFIX + "retry.max-delay", DEFAULT_MAX_DELAY));
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * The delay after failed attempt {@code attempt} (1-based), drawn from {@code [d/2, d]}.
     *
     * @param attempt the attempt that just failed, from 1
     * @param random where the jitter comes from
     */
    Duration delayAfter(int attempt, Random random) {
        long cap = maxDelay.toMillis();
        long base = initialDelay.toMillis();
        long ceiling = base;
        for (int i = 1; i < attempt && ceiling < cap; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, cap);
        long half = ceiling / 2;
        long span = ceiling - half;
        return Duration.ofMillis(half + Math.floorMod(random.nextLong(), span + 1));
    }

    /**
     * Runs {@code call}, trying again after transient failures until the attempts are used up.
     *
     * @throws CredentialsException the last failure; {@code UNAVAILABLE} if the thread is interrupted while waiting
     */
    <T> T run(Supplier<T> call, Sleeper sleeper, Random random) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (CredentialsException e) {
                if (!e.isTransient() || attempt >= maxAttempts) {
                    throw e;
                }
                pause(delayAfter(attempt, random), sleeper, e);
            }
        }
    }

    private static void pause(Duration delay, Sleeper sleeper, CredentialsException failure) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }

    private static int parseAttempts(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new CredentialsException(
                    CredentialsException.Reason.CONFIGURATION,
                    "Setting " + key + " must be a whole number, not '" + value + "'",
                    e);
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + "]";
    }

    /** Waits; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {

        Sleeper REAL = delay -> Thread.sleep(delay.toMillis());

        void sleep(Duration delay) throws InterruptedException;
    }
}
