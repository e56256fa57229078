package io.github.uipathbridge.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.uipathbridge.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machines export as a YAML route on the uipath: component's polling consumer. */
class MachinesComponentRouteTest {

    private static final int MACHINES = 13;

    @TempDir
    Path work;

    private SimulatedTenant tenant;

    private DefaultCamelContext camel;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(work.resolve("secrets"));
        tenant = new SimulatedTenant(SimulatorOptions.builder().machines(MACHINES), work.resolve("secrets"));
        camel = startCamel();
    }

    @AfterEach
    void stop() {
        camel.stop();
        tenant.close();
    }

    @Test
    void shouldWriteEveryMachineAsOneJsonLine() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> lines().size() == MACHINES);

        assertThat(lines()).allSatisfy(line -> assertThat(line).startsWith("{").contains("\"Id\":"));
    }

    @Test
    void shouldForwardNothingTwiceAfterARestart() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> lines().size() == MACHINES);
        camel.stop();
        long requestsBefore = tenant.simulator().control().stats().apiRequests();

        camel = startCamel();
        // Two more requests mean the first poll after the restart has finished.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> tenant.simulator().control().stats().apiRequests() >= requestsBefore + 2);

        assertThat(lines()).hasSize(MACHINES);
    }

    private DefaultCamelContext startCamel() throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("uipath.url", tenant.simulator().orchestratorUrl());
        properties.setProperty("uipath.identity-url", tenant.simulator().tokenUrl());
        properties.setProperty("uipath.credentials", "file:" + work.resolve("secrets"));
        properties.setProperty("uipath.scopes", SimulatedTenant.SCOPES);
        properties.setProperty("uipath.out-dir", work.resolve("out").toString());
        properties.setProperty("uipath.state-dir", work.resolve("state").toString());
        properties.setProperty("uipath.component.poll-delay", "100");
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(PluginHelper.getResourceLoader(context)
                        .resolveResource("classpath:component-routes/machines-component.yaml"));
        context.start();
        return context;
    }

    private List<String> lines() throws Exception {
        Path file = work.resolve("out/machines-component.jsonl");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
