package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every collection and single-entity answer validates against UiPath's OpenAPI document. */
class ContractTest {

    private static OrchestratorSimulator sim;
    private static ApiCalls api;

    @BeforeAll
    static void start() {
        sim = OrchestratorSimulator.start(
                SimulatorOptions.builder().rateLimitPerMinute(0).build());
        api = ApiCalls.withDefaultToken(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "odata/Machines",
                "odata/Folders",
                "odata/Robots",
                "odata/Sessions?$expand=Robot",
                "odata/Sessions/UiPath.Server.Configuration.OData.GetGlobalSessions",
                "odata/Releases",
                "odata/Jobs?$expand=Robot,Release,Machine&$count=true",
                "odata/Jobs(1)?$expand=Robot",
                "odata/QueueDefinitions",
                "odata/QueueItems?$expand=QueueDefinition,Robot&$count=true",
                "odata/QueueItems(5)",
                "odata/Assets/UiPath.Server.Configuration.OData.GetFiltered",
                "odata/Webhooks"
            })
    void getAnswersMatchTheContract(String pathAndQuery) {
        TestHttp.Response response = api.shared(pathAndQuery);

        assertThat(response.status()).isEqualTo(200);
    }
}
