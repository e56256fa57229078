package io.github.uipathbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad setting stops every command before the sandbox starts or a token is fetched, with one line and exit 2. */
class SettingsCheckedFirstTest {

    @Test
    void runWhenPageSizeIsNotANumberThenExitTwoBeforeTheSandboxStarts() {
        CommandRun run = CommandRun.of(Map.of("UIPATH_PAGE_SIZE", "abc"), "run", "--once");

        assertStoppedFirst(run).contains("uipath.page-size").contains("'abc'").contains("from 1 to 1000");
    }

    @Test
    void exportWhenPageSizeIsOutOfRangeThenExitTwoNamingTheRange() {
        CommandRun run = CommandRun.of(Map.of("UIPATH_PAGE_SIZE", "2000"), "export", "Machines");

        assertStoppedFirst(run).contains("uipath.page-size").contains("'2000'").contains("from 1 to 1000");
    }

    @Test
    void runWhenPollIntervalIsNotADurationThenExitTwoBeforeRunning() {
        CommandRun run = CommandRun.of(Map.of("UIPATH_POLL_INTERVAL", "soon"), "run");

        assertStoppedFirst(run)
                .contains("uipath.poll-interval")
                .contains("'soon'")
                .contains("30s");
        assertThat(run.out()).doesNotContain("Running until stopped");
    }

    @Test
    void runWhenManagementPortIsOutOfRangeThenExitTwo() {
        CommandRun run = CommandRun.of(Map.of("UIPATH_MANAGEMENT_PORT", "70000"), "run");

        assertStoppedFirst(run)
                .contains("uipath.management.port")
                .contains("'70000'")
                .contains("from 0 to 65535");
    }

    @Test
    void tokenWhenClientAuthenticationIsUnknownThenExitTwoListingTheChoices() {
        CommandRun run = CommandRun.of(
                Map.of("UIPATH_URL", "http://127.0.0.1:9/o", "UIPATH_CLIENT_AUTHENTICATION", "jwt"), "token");

        assertStoppedFirst(run)
                .contains("uipath.client-authentication")
                .contains("'jwt'")
                .contains("basic-raw");
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertStoppedFirst(CommandRun run) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("Sandbox mode").doesNotContain("Token");
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        return assertThat(run.err());
    }
}
