package io.github.uipathbridge.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it. */
public final class DrivenClock extends Clock {

    private final AtomicReference<Instant> now;

    public DrivenClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public static DrivenClock atEpochSecond(long seconds) {
        return new DrivenClock(Instant.ofEpochSecond(seconds));
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
