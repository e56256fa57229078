package io.github.uipathbridge.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faulted jobs polled with keyset paging, sent to a JMS queue on embedded Artemis, received by the YAML consumer. */
class FaultedJobsToJmsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private SimulatedTenant tenant;

    private EmbeddedBroker broker;

    private DefaultCamelContext camel;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(work.resolve("secrets"));
        tenant = new SimulatedTenant(SimulatorOptions.builder().jobs(120), work.resolve("secrets"));
        broker = EmbeddedBroker.start(work.resolve("broker"));

        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("uipath.out-dir", work.resolve("out").toString());
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.getRegistry().bind("jms", JmsComponent.jmsComponentAutoAcknowledge(broker.connectionFactory()));
        camel.addRoutes(KeysetExportRoute.builder("faulted-jobs", tenant.connection())
                .entitySet("Jobs")
                .folderPath("Shared")
                .filter("State eq 'Faulted'")
                .pageSize(4)
                .to("jms:queue:uipath.faulted-jobs")
                .build());
        PluginHelper.getRoutesLoader(camel)
                .loadRoutes(PluginHelper.getResourceLoader(camel)
                        .resolveResource("classpath:routes/faulted-jobs-consumer.yaml"));
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        broker.close();
        tenant.close();
    }

    @Test
    void shouldDeliverEveryFaultedJobThroughTheQueueOnce() throws Exception {
        List<Long> faulted = ids(tenant.query("Jobs", "Shared", "State eq 'Faulted'"));

        Long sent = camel.createProducerTemplate().requestBody("direct:faulted-jobs", null, Long.class);

        assertThat(faulted).hasSizeGreaterThan(4);
        assertThat(sent).isEqualTo(faulted.size());
        Path received = work.resolve("out/faulted-jobs.jsonl");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Files.exists(received) ? Files.readAllLines(received) : List.of())
                        .hasSize(faulted.size()));
        assertThat(idsOfLines(Files.readAllLines(received))).containsExactlyElementsOf(faulted);
    }

    @Test
    void shouldSendOnlyFaultedJobs() throws Exception {
        camel.createProducerTemplate().requestBody("direct:faulted-jobs", null, Long.class);

        Path received = work.resolve("out/faulted-jobs.jsonl");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(received));
        for (String line : Files.readAllLines(received)) {
            assertThat(JSON.readTree(line).path("State").asText()).isEqualTo("Faulted");
        }
    }

    private static List<Long> ids(List<JsonNode> entities) {
        List<Long> ids = new ArrayList<>();
        entities.forEach(entity -> ids.add(entity.path("Id").asLong()));
        return ids;
    }

    private static List<Long> idsOfLines(List<String> lines) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (String line : lines) {
            ids.add(JSON.readTree(line).path("Id").asLong());
        }
        return ids;
    }
}
