package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FolderContextTest {

    private static OrchestratorSimulator sim;
    private static ApiCalls api;

    @BeforeAll
    static void start() {
        sim = OrchestratorSimulator.start(
                SimulatorOptions.builder().queueItems(10).rateLimitPerMinute(0).build());
        api = ApiCalls.withDefaultToken(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String encoded(String path) {
        return Base64.getEncoder().encodeToString(path.getBytes(StandardCharsets.UTF_16LE));
    }

    @Test
    void folderScopedCallWithoutHeaderGets400With1101() {
        TestHttp.Response response = api.invalidRequests().get("odata/Jobs");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText())
                .isEqualTo("An organization unit is required for this action.");
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1101);
        assertThat(response.json().get("traceId").asText()).isNotBlank();
    }

    @Test
    void organizationUnitIdSelectsTheFolder() {
        long id = sim.control().folderId("Shared");

        TestHttp.Response response =
                api.get("odata/QueueDefinitions", "X-UIPATH-OrganizationUnitId", Long.toString(id));

        assertThat(response.json().get("value")).hasSize(3);
    }

    @Test
    void folderKeySelectsTheFolder() {
        TestHttp.Response response = api.get(
                "odata/QueueDefinitions", "X-UIPATH-FolderKey", sim.control().folderKey("Finanças/Contas"));

        assertThat(response.json().get("value").get(0).get("Name").asText()).isEqualTo("Faturas");
    }

    @Test
    void folderPathSelectsTheFolder() {
        TestHttp.Response response = api.get("odata/QueueDefinitions", "X-UIPATH-FolderPath", "shared");

        assertThat(response.json().get("value")).hasSize(3);
    }

    @Test
    void encodedFolderPathCarriesNonAsciiNames() {
        TestHttp.Response response =
                api.get("odata/QueueDefinitions", "X-UIPATH-FolderPath-Encoded", encoded("Finanças/Contas"));

        assertThat(response.json()
                        .get("value")
                        .get(0)
                        .get("OrganizationUnitFullyQualifiedName")
                        .asText())
                .isEqualTo("Finanças/Contas");
    }

    @Test
    void unknownFolderGets400() {
        TestHttp.Response response = api.get("odata/Jobs", "X-UIPATH-FolderPath", "Nowhere");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errorCode").asInt()).isEqualTo(1100);
    }

    @Test
    void tenantLevelSetsIgnoreFolderHeaders() {
        TestHttp.Response without = api.get("odata/Machines?$top=5");
        TestHttp.Response with = api.get("odata/Machines?$top=5", "X-UIPATH-FolderPath", "HR");

        assertThat(with.json().get("value")).isEqualTo(without.json().get("value"));
        assertThat(with.json().get("value")).hasSize(5);
    }

    @Test
    void foldersCanBeFoundByNonAsciiFullyQualifiedName() {
        TestHttp.Response response =
                api.get("odata/Folders?$filter=" + TestHttp.q("FullyQualifiedName eq 'Finanças/Contas'"));

        assertThat(response.json().get("value")).hasSize(1);
        assertThat(response.json().get("value").get(0).get("Id").asLong())
                .isEqualTo(sim.control().folderId("Finanças/Contas"));
    }

    @Test
    void globalSessionsAreTenantLevelAndSpanFolders() {
        TestHttp.Response global = api.get("odata/Sessions/UiPath.Server.Configuration.OData.GetGlobalSessions");
        TestHttp.Response shared = api.get("odata/Sessions", "X-UIPATH-FolderPath", "Shared");

        assertThat(global.status()).isEqualTo(200);
        assertThat(global.json().get("value").size())
                .isGreaterThan(shared.json().get("value").size());
    }

    @Test
    void renumberedFolderIsNotFoundByItsOldIdButStillByKey() {
        try (OrchestratorSimulator own = OrchestratorSimulator.start(
                SimulatorOptions.builder().queueItems(10).build())) {
            ApiCalls calls = ApiCalls.withDefaultToken(own);
            long oldId = own.control().folderId("Shared");
            own.control().renumberFolders();

            TestHttp.Response byOldId =
                    calls.get("odata/QueueDefinitions", "X-UIPATH-OrganizationUnitId", Long.toString(oldId));
            TestHttp.Response byKey = calls.get(
                    "odata/QueueDefinitions",
                    "X-UIPATH-FolderKey",
                    own.control().folderKey("Shared"));

            assertThat(byOldId.status()).isEqualTo(400);
            assertThat(byKey.json()
                            .get("value")
                            .get(0)
                            .get("OrganizationUnitId")
                            .asLong())
                    .isEqualTo(own.control().folderId("Shared"))
                    .isNotEqualTo(oldId);
        }
    }
}
