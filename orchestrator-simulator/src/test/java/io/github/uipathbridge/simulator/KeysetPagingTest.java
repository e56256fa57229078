package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class KeysetPagingTest {

    @Test
    void keysetPagingWhileItemsAreAddedHasNoGapsAndNoDuplicates() {
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(SimulatorOptions.builder()
                .queueItems(3000)
                .rateLimitPerMinute(0)
                .build())) {
            String token = TestHttp.token(sim);
            AtomicBoolean writing = new AtomicBoolean(true);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 400; i++) {
                    sim.control().addQueueItems("Shared", "Claims", 5);
                    Thread.yield();
                }
                writing.set(false);
            });

            List<Long> seen = readAll(sim, token, writing);
            writer.join();

            long last = seen.get(seen.size() - 1);
            assertThat(seen).doesNotHaveDuplicates().isSorted();
            assertThat(seen).hasSize((int) last);
            assertThat(last).isEqualTo(5000);
        }
    }

    /** Pages with Id gt N until a page comes back empty after the writer has finished. */
    private static List<Long> readAll(OrchestratorSimulator sim, String token, AtomicBoolean writing) {
        List<Long> seen = new ArrayList<>();
        long after = 0;
        while (true) {
            boolean writerDone = !writing.get();
            String filter = TestHttp.q("Id gt " + after);
            JsonNode page = TestHttp.get(
                            sim.orchestratorUrl() + "odata/QueueItems?$top=100&$orderby=Id&$select=Id&$filter="
                                    + filter,
                            token,
                            "X-UIPATH-FolderPath",
                            "Shared")
                    .json()
                    .get("value");
            if (page.isEmpty()) {
                if (writerDone) {
                    return seen;
                }
                continue;
            }
            page.forEach(item -> seen.add(item.get("Id").asLong()));
            after = seen.get(seen.size() - 1);
        }
    }
}
