package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static SimulatorOptions.Builder options(MutableClock clock) {
        return SimulatorOptions.builder().clock(clock).rateLimitPerMinute(3).queueItems(10);
    }

    @Test
    void fourthJobsListInAMinuteGets429WithRetryAfter() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:15Z"));
        try (OrchestratorSimulator sim =
                OrchestratorSimulator.start(options(clock).build())) {
            ApiCalls api = ApiCalls.withDefaultToken(sim);
            for (int i = 0; i < 3; i++) {
                assertThat(api.shared("odata/Jobs?$top=1").status()).isEqualTo(200);
            }

            TestHttp.Response limited = api.shared("odata/QueueItems?$top=1");

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).contains("45");
            assertThat(sim.control().stats().rateLimited()).isEqualTo(1);
        }
    }

    @Test
    void limitResetsWhenTheMinuteTurns() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:15Z"));
        try (OrchestratorSimulator sim =
                OrchestratorSimulator.start(options(clock).build())) {
            ApiCalls api = ApiCalls.withDefaultToken(sim);
            for (int i = 0; i < 4; i++) {
                api.shared("odata/Jobs?$top=1");
            }
            clock.advance(Duration.ofSeconds(45));

            assertThat(api.shared("odata/Jobs?$top=1").status()).isEqualTo(200);
        }
    }

    @Test
    void otherSetsAndSingleJobsAreNotLimited() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:15Z"));
        try (OrchestratorSimulator sim =
                OrchestratorSimulator.start(options(clock).build())) {
            ApiCalls api = ApiCalls.withDefaultToken(sim);
            for (int i = 0; i < 3; i++) {
                api.shared("odata/Jobs?$top=1");
            }

            assertThat(api.get("odata/Machines?$top=1").status()).isEqualTo(200);
            assertThat(api.shared("odata/Jobs(1)").status()).isEqualTo(200);
        }
    }

    @Test
    void onPremisesProfileHasNoLimit() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:15Z"));
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(
                options(clock).profile(Profile.ONPREM).build())) {
            String token = TestHttp.token(sim);
            int last = 0;
            for (int i = 0; i < 5; i++) {
                last = TestHttp.get(sim.orchestratorUrl() + "odata/Jobs?$top=1", token, "X-UIPATH-FolderPath", "Shared")
                        .status();
            }

            assertThat(last).isEqualTo(200);
        }
    }
}
