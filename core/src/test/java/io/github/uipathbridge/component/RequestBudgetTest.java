package io.github.uipathbridge.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    /** A clock that moves only when the budget "sleeps". */
    private static final class TestTime extends Clock implements Sleeper {

        private Instant now = Instant.parse("2024-05-01T10:00:00Z");

        private final List<Duration> waits = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
            now = now.plus(duration);
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final TestTime time = new TestTime();

    @Test
    void requestsWithinTheBudgetDoNotWait() throws Exception {
        RequestBudget budget = new RequestBudget(3, time, time);

        for (int i = 0; i < 3; i++) {
            budget.acquire();
        }

        assertThat(time.waits).isEmpty();
    }

    @Test
    void requestOverTheBudgetWaitsUntilTheOldestIsAMinuteOld() throws Exception {
        RequestBudget budget = new RequestBudget(3, time, time);
        budget.acquire();
        time.advance(Duration.ofSeconds(10));
        budget.acquire();
        budget.acquire();

        budget.acquire();

        assertThat(time.waits).containsExactly(Duration.ofSeconds(50));
    }

    @Test
    void zeroMeansUnlimited() throws Exception {
        RequestBudget budget = new RequestBudget(0, time, time);

        for (int i = 0; i < 1000; i++) {
            budget.acquire();
        }

        assertThat(time.waits).isEmpty();
    }
}
