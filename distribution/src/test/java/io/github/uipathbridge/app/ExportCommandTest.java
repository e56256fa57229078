package io.github.uipathbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.uipathbridge.simulator.OrchestratorSimulator;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code export ENTITYSET} against a simulator configured as a real tenant would be. */
class ExportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static OrchestratorSimulator simulator;

    @TempDir
    Path work;

    @BeforeAll
    static void startSimulator() {
        simulator = OrchestratorSimulator.start(
                SimulatorOptions.builder().jobs(60).rateLimitPerMinute(0).build());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void exportWritesEveryMatchingRecordAsJsonLines() throws Exception {
        Path target = work.resolve("faulted.jsonl");

        CommandRun run = CommandRun.of(
                environment(),
                "export",
                "Jobs",
                "--folder-path",
                "Shared",
                "--filter",
                "State eq 'Faulted'",
                "--to",
                "file:" + target);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(target);
        assertThat(lines)
                .isNotEmpty()
                .allSatisfy(line ->
                        assertThat(JSON.readTree(line).path("State").asText()).isEqualTo("Faulted"));
        assertThat(run.out()).contains("Exported " + lines.size() + " Jobs records to " + target);
    }

    @Test
    void exportReplacesAnEarlierFileRatherThanAppending() throws Exception {
        Path target = work.resolve("machines.jsonl");
        CommandRun.of(environment(), "export", "Machines", "--to", "file:" + target);

        CommandRun again = CommandRun.of(environment(), "export", "Machines", "--to", "file:" + target);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllLines(target)).hasSize(simulator.options().machines());
    }

    @Test
    void exportWithoutFolderPathReadsJobsInTheConfiguredFolder() throws Exception {
        Path target = work.resolve("jobs.jsonl");
        Map<String, String> environment = new HashMap<>(environment());
        environment.put("UIPATH_FOLDER_PATH", "Shared");

        CommandRun run = CommandRun.of(environment, "export", "Jobs", "--to", "file:" + target);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(target)).hasSize(simulator.options().jobs());
    }

    @Test
    void exportWhenTheFolderDoesNotExistThenExitTwoWithOrchestratorsMessageInOneLine() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        CommandRun run;
        try {
            run = CommandRun.of(
                    environment(),
                    "export",
                    "Jobs",
                    "--folder-path",
                    "No Such Folder",
                    "--to",
                    "file:" + work + "/x.jsonl");
        } finally {
            root.detachAppender(captured);
        }

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err())
                .contains("HTTP 400")
                .contains("errorCode 1100")
                .contains("Folder does not exist or the user does not have access to the folder; check --folder-path")
                .contains("No Such Folder")
                .doesNotContain("eyJ")
                .doesNotContain("Camel");
        assertThat(captured.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    @Test
    void exportWhenTheEntitySetIsUnknownThenExitTwoNamingTheStatus() {
        CommandRun run = CommandRun.of(environment(), "export", "NoSuchThings", "--to", "file:" + work + "/x.jsonl");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains("HTTP 404").contains("odata/NoSuchThings");
    }

    private static Map<String, String> environment() {
        return Map.of(
                "UIPATH_URL", simulator.orchestratorUrl(),
                "UIPATH_CLIENT_ID", simulator.clientId(),
                "UIPATH_CLIENT_SECRET", simulator.clientSecret(),
                "UIPATH_SCOPES", "OR.Machines.Read OR.Jobs.Read");
    }
}
