package io.github.uipathbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example flows against a real tenant: opt-in, read-only (machines and faulted jobs are read, nothing is written to
 * the tenant). Runs only when UIPATH_URL, UIPATH_CLIENT_ID, UIPATH_CLIENT_SECRET and UIPATH_SCOPES are set (and
 * UIPATH_FOLDER_PATH if the jobs are not in "Shared"); skipped otherwise, with a message saying so.
 */
class RealTenantIT {

    private static final List<String> REQUIRED =
            List.of("UIPATH_URL", "UIPATH_CLIENT_ID", "UIPATH_CLIENT_SECRET", "UIPATH_SCOPES");

    @TempDir
    static Path work;

    private static Map<String, String> environment;

    @BeforeEach
    void requireTenant() {
        List<String> missing = REQUIRED.stream()
                .filter(name ->
                        System.getenv(name) == null || System.getenv(name).isBlank())
                .toList();
        assumeTrue(
                missing.isEmpty(),
                "Skipped: the real-tenant test runs only when " + String.join(", ", REQUIRED) + " are set; missing "
                        + missing);
        environment = System.getenv();
    }

    @Test
    void tokenShowsTheGrantedScopesWithoutTheToken() {
        CommandRun run = CommandRun.of(environment, "token");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Scopes:").contains("Expires:");
        assertNoSecret(run);
    }

    @Test
    void runOnceForwardsMachinesAndFaultedJobsThenNothingTwice() throws Exception {
        Path config = Files.writeString(work.resolve("it.properties"), "uipath.out-dir=" + work.resolve("out") + "\n");

        CommandRun first = CommandRun.of(environment, "run", "--once", "--config", config.toString());
        CommandRun second = CommandRun.of(environment, "run", "--once", "--config", config.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).containsPattern("machines\\s+0 new records");
        try (Stream<String> lines = Files.lines(work.resolve("out/machines.jsonl"))) {
            assertThat(first.out()).containsPattern("machines\\s+" + lines.count() + " new records");
        }
        assertNoSecret(first);
    }

    private static void assertNoSecret(CommandRun run) {
        assertThat(run.all()).doesNotContain("eyJ").doesNotContain(System.getenv("UIPATH_CLIENT_SECRET"));
    }
}
