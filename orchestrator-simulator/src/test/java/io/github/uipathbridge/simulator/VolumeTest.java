package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A million queue items are generated from their ids, served by keyset, and identical for the same seed. */
class VolumeTest {

    private static final SimulatorOptions MILLION = SimulatorOptions.builder()
            .queueItems(1_000_000)
            .rateLimitPerMinute(0)
            .build();

    private static JsonNode page(OrchestratorSimulator sim, String token, String query) {
        return TestHttp.get(sim.orchestratorUrl() + "odata/QueueItems?" + query, token, "X-UIPATH-FolderPath", "Shared")
                .json();
    }

    @Test
    void keysetPageNearTheEndOfAMillionItemsIsServed() {
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(MILLION)) {
            String token = TestHttp.token(sim);

            JsonNode page = page(sim, token, "$top=100&$orderby=Id&$filter=" + TestHttp.q("Id gt 999950"));

            assertThat(page.get("value")).hasSize(50);
            assertThat(page.get("value").get(49).get("Id").asLong()).isEqualTo(1_000_000);
        }
    }

    @Test
    void newestFirstPageOfAMillionItemsStartsAtTheTop() {
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(MILLION)) {
            long added = sim.control().addQueueItems("Shared", "Claims", 2).get(1);

            JsonNode page = page(sim, TestHttp.token(sim), "$top=3&$orderby=" + TestHttp.q("Id desc"));

            assertThat(page.get("value").get(0).get("Id").asLong()).isEqualTo(added);
            assertThat(page.get("value").get(2).get("Id").asLong()).isEqualTo(1_000_000);
        }
    }

    @Test
    void countWithAnIdRangeOverAMillionItemsIsExact() {
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(MILLION)) {
            JsonNode page = page(
                    sim,
                    TestHttp.token(sim),
                    "$top=1&$count=true&$filter=" + TestHttp.q("Id gt 999000 and Id le 999500"));

            assertThat(page.get("@odata.count").asLong()).isEqualTo(500);
        }
    }

    @Test
    void countOfAMillionItemsIsExact() {
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(MILLION)) {
            JsonNode page = page(sim, TestHttp.token(sim), "$top=1&$count=true");

            assertThat(page.get("@odata.count").asLong()).isEqualTo(1_000_000);
        }
    }

    @Test
    void sameSeedGivesTheSameItems() {
        String first;
        String second;
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(SimulatorOptions.builder()
                .queueItems(1_000_000)
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build())) {
            first = page(sim, TestHttp.token(sim), "$filter=" + TestHttp.q("Id eq 777777"))
                    .get("value")
                    .toString();
        }
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(SimulatorOptions.builder()
                .queueItems(1_000_000)
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build())) {
            second = page(sim, TestHttp.token(sim), "$filter=" + TestHttp.q("Id eq 777777"))
                    .get("value")
                    .toString();
        }

        assertThat(first).contains("\"Id\":777777").isEqualTo(second);
    }
}
