package io.github.uipathbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --once} with no uipath.url: the sandbox, twice over the same out folder. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunOnceSandboxTest {

    /** Machines the default simulator seeds. */
    private static final int SEEDED_MACHINES = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static Path config;

    private static CommandRun first;

    @BeforeAll
    static void runOnce() throws Exception {
        config = work.resolve("application.properties");
        Files.writeString(config, "uipath.out-dir=" + work.resolve("out") + "\n");
        first = CommandRun.of(Map.of(), "run", "--once", "--config", config.toString());
    }

    @Test
    @Order(1)
    void shouldExitZeroWithASummaryPerRoute() {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("Sandbox mode")
                .containsPattern("machines\\s+20 new records -> .*machines.jsonl")
                .containsPattern("faulted-jobs\\s+\\d+ new records -> JMS queue");
    }

    @Test
    @Order(2)
    void shouldWriteEverySeededMachineOnce() throws Exception {
        List<Long> ids = ids(work.resolve("out/machines.jsonl"));

        assertThat(ids).hasSize(SEEDED_MACHINES).doesNotHaveDuplicates();
    }

    @Test
    @Order(3)
    void shouldDeliverFaultedJobsThroughTheQueue() throws Exception {
        List<String> lines = Files.readAllLines(work.resolve("out/faulted-jobs.jsonl"));

        assertThat(lines).isNotEmpty();
        assertThat(lines)
                .allSatisfy(line ->
                        assertThat(JSON.readTree(line).path("State").asText()).isEqualTo("Faulted"));
        assertThat(first.out()).containsPattern("faulted-jobs-consumer\\s+" + lines.size() + " records received");
    }

    @Test
    @Order(4)
    void shouldPostEveryQueueItemToTheSignedWebhookOnce() throws Exception {
        List<Long> ids = ids(work.resolve("out/queue-items-webhook.jsonl"));

        assertThat(ids).hasSize(SandboxTenant.QUEUE_ITEMS).doesNotHaveDuplicates();
        assertThat(first.out())
                .containsPattern("sandbox-webhook-sink\\s+" + SandboxTenant.QUEUE_ITEMS + " signed POSTs checked");
    }

    @Test
    @Order(5)
    void shouldForwardNothingTwiceOnASecondRun() throws Exception {
        long faulted =
                Files.readAllLines(work.resolve("out/faulted-jobs.jsonl")).size();

        CommandRun second = CommandRun.of(Map.of(), "run", "--once", "--config", config.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out())
                .containsPattern("machines\\s+0 new records")
                .containsPattern("queue-items\\s+0 new records");
        assertThat(ids(work.resolve("out/queue-items-webhook.jsonl"))).hasSize(SandboxTenant.QUEUE_ITEMS);
        assertThat(ids(work.resolve("out/machines.jsonl"))).hasSize(SEEDED_MACHINES);
        assertThat(Files.readAllLines(work.resolve("out/faulted-jobs.jsonl"))).hasSize((int) faulted);
    }

    @Test
    @Order(6)
    void shouldPrintNoTokenOrSecret() {
        assertThat(first.all()).doesNotContain("eyJ").doesNotContainIgnoringCase("client_secret=");
    }

    private static List<Long> ids(Path file) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            ids.add(JSON.readTree(line).path("Id").asLong());
        }
        return ids;
    }
}
