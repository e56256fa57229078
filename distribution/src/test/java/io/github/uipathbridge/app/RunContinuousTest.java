package io.github.uipathbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.uipathbridge.simulator.OrchestratorSimulator;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} without {@code --once}: routes on timers, health and Prometheus metrics over HTTP. */
class RunContinuousTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void runServesHealthAndMetricsWhileItPolls() throws Exception {
        int managementPort = freePort();
        String base = "http://127.0.0.1:" + managementPort;
        Path config = Files.writeString(
                work.resolve("application.properties"),
                "uipath.out-dir=" + work.resolve("out") + "\n"
                        + "uipath.poll-interval=2s\n"
                        + "uipath.management.port=" + managementPort + "\n"
                        // Camel Main stops the run after this long; the test needs no other way to end it.
                        + "camel.main.durationMaxSeconds=12\n");

        try (OrchestratorSimulator simulator = OrchestratorSimulator.start(
                SimulatorOptions.builder().machines(5).build())) {
            Map<String, String> environment = Map.of(
                    "UIPATH_URL", simulator.orchestratorUrl(),
                    "UIPATH_CLIENT_ID", simulator.clientId(),
                    "UIPATH_CLIENT_SECRET", simulator.clientSecret());
            CompletableFuture<CommandRun> run = CompletableFuture.supplyAsync(
                    () -> CommandRun.of(environment, "run", "--config", config.toString()));

            await().atMost(Duration.ofSeconds(40))
                    .until(() -> get(base + "/observe/health").contains("\"status\":\"UP\""));
            String metrics = get(base + "/observe/metrics");
            CommandRun finished = run.get();

            assertThat(metrics).contains("app_info");
            assertThat(finished.exitCode()).as(finished.err()).isZero();
            assertThat(finished.out()).contains("Health and metrics: " + base + "/observe/health");
            assertThat(Files.readAllLines(work.resolve("out/machines.jsonl"))).hasSize(5);
        }
    }

    private String get(String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
