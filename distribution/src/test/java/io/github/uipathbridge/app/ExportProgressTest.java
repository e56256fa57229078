package io.github.uipathbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The export's progress line comes on a timer, also while no record arrives. */
class ExportProgressTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private final SteppedClock clock = new SteppedClock();

    private final ExportProgress progress =
            new ExportProgress(new PrintStream(printed, true, StandardCharsets.UTF_8), clock);

    @Test
    void tickPrintsRecordsSoFarAndTheRate() {
        progress.record(100);
        clock.advance(Duration.ofSeconds(2));

        progress.tick();

        assertThat(printed()).isEqualTo("  100 records, 50 records/s");
    }

    @Test
    void tickWithoutNewRecordsSaysTheExportIsWaitingForOrchestrator() {
        progress.record(100);
        clock.advance(Duration.ofSeconds(2));
        progress.tick();
        printed.reset();
        clock.advance(Duration.ofSeconds(60));

        progress.tick();

        assertThat(printed())
                .startsWith("  100 records, 2 records/s; no new record for 60 s")
                .contains("waiting for Orchestrator")
                .contains("rate limit");
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8).stripTrailing();
    }

    /** A clock the test moves forward. */
    private static final class SteppedClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
