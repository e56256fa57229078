package io.github.uipathbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.http.WebhookSignature;
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
import java.nio.file.StandardCopyOption;
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
            assertThat(tokenRequests(metrics)).isGreaterThanOrEqualTo(1);
            assertThat(metrics).doesNotContain("eyJ").doesNotContain(simulator.clientSecret());
            assertThat(finished.exitCode()).as(finished.err()).isZero();
            assertThat(finished.out()).contains("Health and metrics: " + base + "/observe/health");
            assertThat(Files.readAllLines(work.resolve("out/machines.jsonl"))).hasSize(5);
        }
    }

    @Test
    void runTurnsReceivedWebhooksAndDroppedCsvFilesIntoQueueItems() throws Exception {
        int port = freePort();
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path key = Files.writeString(work.resolve("webhook-secret"), "orchestrator-webhook-secret");
        Path config = Files.writeString(
                work.resolve("application.properties"),
                "uipath.out-dir=" + work.resolve("out") + "\n"
                        + "uipath.poll-interval=5s\n"
                        + "uipath.http.host=127.0.0.1\n"
                        + "uipath.http.port=" + port + "\n"
                        + "uipath.receiver.signing-key-file=" + key + "\n"
                        + "uipath.inbox.dir=" + inbox + "\n"
                        + "camel.main.durationMaxSeconds=15\n");
        byte[] event = ("{\"Type\":\"job.faulted\",\"EventId\":\"evt-77\",\"Timestamp\":\"2026-12-03T10:00:00Z\","
                        + "\"TenantId\":1}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String signature = new WebhookSignature(Secret.of("orchestrator-webhook-secret")).sign(event);

        try (OrchestratorSimulator simulator = OrchestratorSimulator.start(
                SimulatorOptions.builder().queueItems(5).build())) {
            Map<String, String> environment = Map.of(
                    "UIPATH_URL", simulator.orchestratorUrl(),
                    "UIPATH_CLIENT_ID", simulator.clientId(),
                    "UIPATH_CLIENT_SECRET", simulator.clientSecret());
            CompletableFuture<CommandRun> run = CompletableFuture.supplyAsync(
                    () -> CommandRun.of(environment, "run", "--config", config.toString()));
            String hook = "http://127.0.0.1:" + port + "/uipath/webhooks";
            await().atMost(Duration.ofSeconds(40)).until(() -> post(hook, event, signature) == 202);
            Path staged =
                    Files.writeString(work.resolve("items.csv"), "Reference,Customer\nCSV-1,Contoso\nCSV-2,Fabrikam\n");
            Files.move(staged, inbox.resolve("items.csv"), StandardCopyOption.ATOMIC_MOVE);
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve(".done/items.csv")));
            CommandRun finished = run.get();
            Path added = work.resolve("added.jsonl");
            CommandRun export = CommandRun.of(
                    environment,
                    "export",
                    "QueueItems",
                    "--folder-path",
                    "Shared",
                    "--filter",
                    "startswith(Reference,'CSV-') or Reference eq 'evt-77'",
                    "--to",
                    "file:" + added);

            assertThat(finished.exitCode()).as(finished.err()).isZero();
            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(Files.readAllLines(added)).hasSize(3);
        }
    }

    private int post(String url, byte[] body, String signature) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("X-UiPath-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
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

    // Sums the Prometheus samples of the token request counter, for example
    // uipath_token_requests_total{endpoint="http://127.0.0.1:1234/identity_/connect/token",outcome="success"} 1.0
    private static double tokenRequests(String metrics) {
        return metrics.lines()
                .filter(line -> line.startsWith("uipath_token_requests_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
