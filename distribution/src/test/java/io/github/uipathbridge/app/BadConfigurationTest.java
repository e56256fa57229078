package io.github.uipathbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.github.uipathbridge.simulator.OrchestratorSimulator;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Bad configuration stops {@code run} with exit code 2 and one line that says what to fix. */
class BadConfigurationTest {

    private static final String CANARY = "CANARY-SECRET-" + UUID.randomUUID();

    private static OrchestratorSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = OrchestratorSimulator.start(
                SimulatorOptions.builder().machines(2).jobs(2).queueItems(2).build());
        simulator.control().addApp("machines-only", CANARY, List.of("OR.Machines.Read"));
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void runWhenNoCredentialsThenExitTwoNamingTheMissingVariable() {
        CommandRun run = CommandRun.of(Map.of("UIPATH_URL", simulator.orchestratorUrl()), "run", "--once");

        assertThat(run.exitCode()).isEqualTo(2);
        assertOneLine(run).contains("UIPATH_CLIENT_ID").contains("uipath.credentials");
    }

    @Test
    void runWhenUnknownStoreSchemeThenExitTwoListingTheSchemes() {
        CommandRun run = CommandRun.of(
                Map.of("UIPATH_URL", simulator.orchestratorUrl(), "UIPATH_CREDENTIALS", "keychain:uipath"),
                "run",
                "--once");

        assertThat(run.exitCode()).isEqualTo(2);
        assertOneLine(run).contains("no credential store for scheme 'keychain'").contains("env");
    }

    @Test
    void runWhenUrlPointsNowhereThenExitTwoAskingToCheckTheUrl() throws Exception {
        CommandRun run = CommandRun.of(
                withCredentials(
                        Map.of("UIPATH_URL", "http://127.0.0.1:" + closedPort() + "/acme/DefaultTenant/orchestrator_")),
                "run",
                "--once");

        assertThat(run.exitCode()).isEqualTo(2);
        assertOneLine(run).contains("cannot be reached").contains("uipath.url");
    }

    @Test
    void runWhenOrchestratorPathIsWrongThenExitTwoAskingToCheckTheUrl() {
        CommandRun run = CommandRun.of(
                withCredentials(Map.of(
                        "UIPATH_URL",
                        simulator.baseUrl() + "/acme/NoSuchTenant/orchestrator_",
                        "UIPATH_IDENTITY_URL",
                        simulator.tokenUrl(),
                        "UIPATH_SCOPES",
                        "OR.Machines.Read")),
                "run",
                "--once");

        assertThat(run.exitCode()).isEqualTo(2);
        assertOneLine(run).contains("uipath.url");
    }

    @Test
    void runWhenAScopeIsNotGrantedThenExitTwoNamingTheScope() {
        CommandRun run = CommandRun.of(
                withCredentials(Map.of("UIPATH_URL", simulator.orchestratorUrl(), "UIPATH_SCOPES", "OR.Jobs.Read")),
                "run",
                "--once");

        assertThat(run.exitCode()).isEqualTo(2);
        assertOneLine(run).contains("invalid_scope").contains("OR.Jobs.Read").contains("uipath.scopes");
    }

    @Test
    void runWhenOrchestratorRefusesAnEntitySetThenExitTwoNamingIt() {
        CommandRun run =
                CommandRun.of(withCredentials(Map.of("UIPATH_URL", simulator.orchestratorUrl())), "run", "--once");

        assertThat(run.exitCode()).isEqualTo(2);
        assertOneLine(run).contains("refused to list Jobs").contains("uipath.scopes");
    }

    @Test
    void runWhenTheFolderDoesNotExistThenExitTwoNamingTheFolderSetting() {
        CommandRun run = CommandRun.of(
                Map.of(
                        "UIPATH_URL", simulator.orchestratorUrl(),
                        "UIPATH_CLIENT_ID", simulator.clientId(),
                        "UIPATH_CLIENT_SECRET", simulator.clientSecret(),
                        "UIPATH_FOLDER_PATH", "No Such Folder"),
                "run",
                "--once");

        assertThat(run.exitCode()).isEqualTo(2);
        assertOneLine(run).contains("No Such Folder").contains("uipath.folder-path");
    }

    @Test
    void runWhenTheSecretIsWrongThenExitTwoWithoutPrintingIt() {
        CommandRun run = CommandRun.of(
                Map.of(
                        "UIPATH_URL",
                        simulator.orchestratorUrl(),
                        "UIPATH_CLIENT_ID",
                        "machines-only",
                        "UIPATH_CLIENT_SECRET",
                        CANARY + "-wrong",
                        "UIPATH_SCOPES",
                        "OR.Machines.Read"),
                "run",
                "--once");

        assertThat(run.exitCode()).isEqualTo(2);
        assertOneLine(run).contains("invalid_client").doesNotContain(CANARY);
    }

    @Test
    void tokenPrintsScopesAndExpiryButNeverTheTokenOrSecret() {
        CommandRun run = CommandRun.of(
                withCredentials(Map.of("UIPATH_URL", simulator.orchestratorUrl(), "UIPATH_SCOPES", "OR.Machines.Read")),
                "token");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Scopes:         OR.Machines.Read").contains("Expires:");
        assertThat(run.all()).doesNotContain("eyJ").doesNotContain(CANARY);
    }

    @Test
    void logsAtTraceHoldNoTokenOrSecret() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        LogLevels.verbose(Level.TRACE);
        try {
            CommandRun.of(
                    withCredentials(
                            Map.of("UIPATH_URL", simulator.orchestratorUrl(), "UIPATH_SCOPES", "OR.Machines.Read")),
                    "token");
            CommandRun.of(withCredentials(Map.of("UIPATH_URL", simulator.orchestratorUrl())), "run", "--once");
        } finally {
            root.setLevel(level);
            root.detachAppender(captured);
        }

        assertThat(captured.list)
                .isNotEmpty()
                .allSatisfy(event ->
                        assertThat(render(event)).doesNotContain(CANARY).doesNotContain("eyJ"));
    }

    private static String render(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getMessage());
        }
        return text.toString();
    }

    private static Map<String, String> withCredentials(Map<String, String> environment) {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("UIPATH_CLIENT_ID", "machines-only");
        all.put("UIPATH_CLIENT_SECRET", CANARY);
        all.putIfAbsent("UIPATH_SCOPES", "OR.Machines.Read");
        return all;
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertOneLine(CommandRun run) {
        assertThat(run.out()).doesNotContain("One pass");
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.all()).doesNotContain(CANARY).doesNotContain("eyJ").doesNotContain("\tat ");
        return assertThat(run.err());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
