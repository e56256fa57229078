package io.github.uipathbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} works on every subcommand and names it as the user types it. */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"run", "sandbox", "token", "export"})
    void helpOnASubcommandPrintsItsUsageAndExitsZero(String subcommand) {
        CommandRun run = CommandRun.of(Map.of(), subcommand, "--help");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("Usage: uipath-bridge " + subcommand);
        assertThat(run.all()).doesNotContain("Missing required").doesNotContain("SimulatorMain");
    }
}
