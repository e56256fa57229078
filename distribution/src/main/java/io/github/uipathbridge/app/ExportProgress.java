package io.github.uipathbridge.app;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress of an export: the route reports its count with {@link #record(long)}, and a timer prints a line every
 * {@link #EVERY} (records so far and the rate), so a long wait shows too. When no record came since the last line,
 * the line says the export is waiting for Orchestrator.
 *
 * <p>Known shortcoming: a wait for a rate limit (HTTP 429, whose {@code Retry-After} Apache HttpClient waits out
 * inside camel-http) cannot be told from a slow answer without reading the HTTP client's internals, so the line names
 * both.
 */
final class ExportProgress implements AutoCloseable {

    /** A progress line this often while the export runs. */
    static final Duration EVERY = Duration.ofSeconds(2);

    private final PrintStream out;

    private final Clock clock;

    private final Instant started;

    private final AtomicLong count = new AtomicLong();

    private long countAtLastLine;

    private Instant lastRecord;

    private ScheduledExecutorService timer;

    ExportProgress(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.started = clock.instant();
        this.lastRecord = started;
    }

    /** Starts printing a line every {@link #EVERY}, on a daemon thread, until {@link #close()}. */
    ExportProgress start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "uipath-bridge-export-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::tick, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The number of records forwarded so far. */
    void record(long forwarded) {
        count.set(forwarded);
    }

    /** Prints one progress line. */
    synchronized void tick() {
        long now = count.get();
        Instant at = clock.instant();
        if (now != countAtLastLine) {
            countAtLastLine = now;
            lastRecord = at;
            out.printf("  %d records, %.0f records/s%n", now, rate(now));
            return;
        }
        long waited = Duration.between(lastRecord, at).toSeconds();
        out.printf(
                "  %d records, %.0f records/s; no new record for %d s: waiting for Orchestrator (a rate limit's"
                        + " Retry-After or a slow answer)%n",
                now, rate(now), waited);
    }

    double seconds() {
        return Duration.between(started, clock.instant()).toMillis() / 1000.0;
    }

    double rate(long records) {
        double seconds = seconds();
        return seconds > 0 ? records / seconds : 0;
    }

    /** Stops the timer and waits briefly for a line being printed, so no line follows the caller's last one. */
    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
