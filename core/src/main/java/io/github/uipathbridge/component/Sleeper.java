package io.github.uipathbridge.component;

import java.time.Duration;

/** Pauses the calling thread; a seam so tests can drive waits without sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** The real thing: {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    /**
     * Pauses for {@code duration}; zero or negative returns at once.
     *
     * @throws InterruptedException if the thread is interrupted while pausing
     */
    void sleep(Duration duration) throws InterruptedException;
}
