package io.github.uipathbridge.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.uipathbridge.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML route: a CSV file dropped in the inbox becomes one BulkAddQueueItems call. */
class CsvToQueueItemsTest {

    @TempDir
    Path work;

    private SimulatedTenant tenant;

    private DefaultCamelContext camel;

    private Path inbox;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(work.resolve("secrets"));
        tenant = new SimulatedTenant(SimulatorOptions.builder().queueItems(5), work.resolve("secrets"));
        inbox = Files.createDirectories(work.resolve("inbox"));

        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("uipath.inbox.dir", inbox.toString());
        properties.setProperty("uipath.inbox.check-interval", "50");
        camel.getPropertiesComponent().setInitialProperties(properties);
        OrchestratorConnection connection = tenant.connection();
        camel.getRegistry().bind("bulkQueueItems", new BulkQueueItemsProcessor("Claims"));
        camel.getRegistry()
                .bind(
                        "bulkAddQueueItemsCall",
                        connection
                                .auth("Shared")
                                .call(connection.odataEndpoint("Queues/UiPathODataSvc.BulkAddQueueItems")));
        PluginHelper.getRoutesLoader(camel)
                .loadRoutes(PluginHelper.getResourceLoader(camel)
                        .resolveResource("classpath:routes/csv-to-queue-items.yaml"));
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        tenant.close();
    }

    @Test
    void shouldAddEveryRowAsAQueueItemAndMoveTheFileToDone() throws Exception {
        drop(
                "claims.csv",
                "Reference,Priority,Customer,Amount\nCSV-1,High,Contoso Ltd,10.50\nCSV-2,low,Fabrikam Inc,99\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve(".done/claims.csv")));
        assertThat(tenant.query("QueueItems", "Shared", "startswith(Reference,'CSV-')"))
                .hasSize(2)
                .anySatisfy(item -> {
                    assertThat(item.path("Reference").asText()).isEqualTo("CSV-1");
                    assertThat(item.path("Priority").asText()).isEqualTo("High");
                    assertThat(item.path("SpecificContent").path("Customer").asText())
                            .isEqualTo("Contoso Ltd");
                });
    }

    @Test
    void shouldMoveAFileWithABadRowToFailed() throws Exception {
        drop("bad.csv", "Reference,Priority\nCSV-9,Urgent\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve(".failed/bad.csv")));
        assertThat(tenant.query("QueueItems", "Shared", "Reference eq 'CSV-9'")).isEmpty();
    }

    // Written beside the inbox and moved in, so the route never sees half a file.
    private void drop(String name, String content) throws Exception {
        Path staged = Files.writeString(work.resolve(name), content);
        Files.move(staged, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
