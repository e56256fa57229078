package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class LifeCycleTest {

    private static final String[] SHARED = {"X-UIPATH-FolderPath", "Shared"};

    @Test
    void startedJobGoesPendingRunningSuccessful() {
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(
                SimulatorOptions.builder().queueItems(20).build())) {
            ApiCalls api = ApiCalls.withDefaultToken(sim);
            String releaseKey = api.shared("odata/Releases?$top=1")
                    .json()
                    .get("value")
                    .get(0)
                    .get("Key")
                    .asText();
            long id = api.post(
                            "odata/Jobs/UiPath.Server.Configuration.OData.StartJobs",
                            "{\"startInfo\":{\"ReleaseKey\":\"" + releaseKey + "\",\"JobsCount\":1}}",
                            SHARED)
                    .json()
                    .get("value")
                    .get(0)
                    .get("Id")
                    .asLong();
            assertThat(id % 5).as("every fifth job faults").isNotZero();

            sim.control().advance().join();
            String afterOne =
                    api.shared("odata/Jobs(" + id + ")").json().get("State").asText();
            sim.control().advance().join();
            JsonNode done = api.shared("odata/Jobs(" + id + ")").json();

            assertThat(afterOne).isEqualTo("Running");
            assertThat(done.get("State").asText()).isEqualTo("Successful");
            assertThat(done.get("EndTime").asText()).endsWith("Z");
        }
    }

    @Test
    void softStoppedRunningJobGoesStoppingThenStopped() {
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(
                SimulatorOptions.builder().queueItems(20).build())) {
            ApiCalls api = ApiCalls.withDefaultToken(sim);
            long running = api.shared("odata/Jobs?$filter=" + TestHttp.q("State eq 'Running'"))
                    .json()
                    .get("value")
                    .get(0)
                    .get("Id")
                    .asLong();

            api.post(
                    "odata/Jobs(" + running + ")/UiPath.Server.Configuration.OData.StopJob",
                    "{\"strategy\":\"SoftStop\"}",
                    SHARED);
            String stopping = api.shared("odata/Jobs(" + running + ")")
                    .json()
                    .get("State")
                    .asText();
            sim.control().advance().join();

            assertThat(stopping).isEqualTo("Stopping");
            assertThat(api.shared("odata/Jobs(" + running + ")")
                            .json()
                            .get("State")
                            .asText())
                    .isEqualTo("Stopped");
        }
    }

    @Test
    void newQueueItemsGetProcessed() {
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(
                SimulatorOptions.builder().queueItems(20).build())) {
            ApiCalls api = ApiCalls.withDefaultToken(sim);
            long id = sim.control().addQueueItems("Shared", "Invoices", 1).get(0);

            sim.control().advance().join();

            JsonNode item = api.shared("odata/QueueItems(" + id + ")").json();
            assertThat(item.get("Status").asText()).isEqualTo("Successful");
            assertThat(item.get("EndProcessing").asText()).endsWith("Z");
        }
    }

    @Test
    void automaticTicksMoveJobsWithoutAdvanceCalls() {
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(SimulatorOptions.builder()
                .queueItems(20)
                .tickInterval(Duration.ofMillis(50))
                .build())) {
            ApiCalls api = ApiCalls.withDefaultToken(sim);

            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> api.shared(
                                    "odata/Jobs?$filter=" + TestHttp.q("State eq 'Pending' or State eq 'Running'"))
                            .json()
                            .get("value")
                            .isEmpty());

            assertThat(api.shared("odata/Jobs(50)").json().get("State").asText())
                    .isIn("Successful", "Faulted");
        }
    }

    @Test
    void sessionsChangeState() {
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(
                SimulatorOptions.builder().queueItems(20).build())) {
            ApiCalls api = ApiCalls.withDefaultToken(sim);
            String before = api.shared("odata/Sessions?$filter=Id%20eq%201")
                    .json()
                    .get("value")
                    .get(0)
                    .get("State")
                    .asText();

            sim.control().advance().join();

            String after = api.shared("odata/Sessions?$filter=Id%20eq%201")
                    .json()
                    .get("value")
                    .get(0)
                    .get("State")
                    .asText();
            assertThat(after).isNotEqualTo(before);
        }
    }
}
