package io.github.uipathbridge.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.uipathbridge.simulator.FaultTarget;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machines export with plain camel-http and the auth processor, to a JSON-lines file. */
class MachinesExportRouteTest {

    private static final int MACHINES = 23;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private SimulatedTenant tenant;

    private CamelContext camel;

    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(work.resolve("secrets"));
        tenant = new SimulatedTenant(SimulatorOptions.builder().machines(MACHINES), work.resolve("secrets"));
        camel = startCamel(
                FileStateRepository.fileStateRepository(work.resolve("state").toFile()));
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        tenant.close();
    }

    @Test
    void shouldWriteEveryMachineAsOneJsonLineInIdOrder() throws Exception {
        Long forwarded = template.requestBody("direct:machines", null, Long.class);

        assertThat(forwarded).isEqualTo(MACHINES);
        assertThat(ids(machineLines())).hasSize(MACHINES).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void shouldForwardNothingTwiceWhenRunAgainWithTheSameState() throws Exception {
        template.requestBody("direct:machines", null, Long.class);
        camel.stop();
        camel = startCamel(
                FileStateRepository.fileStateRepository(work.resolve("state").toFile()));

        Long second = camel.createProducerTemplate().requestBody("direct:machines", null, Long.class);

        assertThat(second).isZero();
        assertThat(machineLines()).hasSize(MACHINES);
    }

    @Test
    void shouldForwardNoCredentialOrOrchestratorHeaderWithTheRecords() throws Exception {
        template.requestBody("direct:machines", null, Long.class);

        assertThat(Files.readString(work.resolve("out/machines.jsonl")))
                .doesNotContain("eyJ")
                .doesNotContain(tenant.simulator().clientSecret());
    }

    @Test
    void shouldFinishThePassWhenOrchestratorAsksToSlowDownOnce() throws Exception {
        tenant.simulator().control().injectRateLimit(FaultTarget.API, Duration.ofSeconds(1), 1);

        Long forwarded = template.requestBody("direct:machines", null, Long.class);

        assertThat(forwarded).isEqualTo(MACHINES);
        assertThat(ids(machineLines())).hasSize(MACHINES).doesNotHaveDuplicates();
    }

    @Test
    void shouldFailThePassOnAServerErrorAndLoseNothingOnTheNext() throws Exception {
        tenant.simulator().control().injectStatus(FaultTarget.API, 500, 1);

        assertThatThrownBy(() -> template.requestBody("direct:machines", null, Long.class))
                .hasRootCauseInstanceOf(HttpOperationFailedException.class);
        Long retried = template.requestBody("direct:machines", null, Long.class);

        assertThat(retried).isEqualTo(MACHINES);
        assertThat(ids(machineLines())).hasSize(MACHINES).doesNotHaveDuplicates();
    }

    private CamelContext startCamel(FileStateRepository state) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.addService(state, true, true);
        context.addRoutes(KeysetExportRoute.builder("machines", tenant.connection())
                .entitySet("Machines")
                .pageSize(5)
                .to("file:" + work.resolve("out") + "?fileName=machines.jsonl&fileExist=Append&appendChars=\\n")
                .state(state)
                .build());
        context.start();
        return context;
    }

    private List<String> machineLines() throws Exception {
        return Files.readAllLines(work.resolve("out/machines.jsonl"));
    }

    private static List<Long> ids(List<String> lines) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (String line : lines) {
            JsonNode machine = JSON.readTree(line);
            ids.add(machine.path("Id").asLong());
        }
        return ids;
    }
}
