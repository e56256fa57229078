package io.github.uipathbridge.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small load harness, not a test: measures what the simulator serves on this machine for a 1000-item Machines page
 * and a 100-item QueueItems keyset page, rate limit off.
 *
 * <pre>
 * ./mvnw -q -o -pl orchestrator-simulator test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.uipathbridge.simulator.SimulatorLoad [-Dexec.args="THREADS SECONDS"]
 * </pre>
 */
public final class SimulatorLoad {

    private SimulatorLoad() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        SimulatorOptions options = SimulatorOptions.builder()
                .machines(1000)
                .queueItems(1_000_000)
                .rateLimitPerMinute(0)
                .build();
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(options)) {
            String token = TestHttp.token(sim);
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String machines = sim.orchestratorUrl() + "odata/Machines?$top=1000";
            String items = sim.orchestratorUrl() + "odata/QueueItems?$top=100&$orderby=Id&$filter=Id%20gt%20";
            System.out.printf(
                    "threads=%d, %d s per scenario, %d cores%n",
                    threads, seconds, Runtime.getRuntime().availableProcessors());
            run("Machines $top=1000", client, token, threads, seconds, n -> machines);
            run("QueueItems $top=100 keyset", client, token, threads, seconds, n -> items + (n * 100 % 999_900));
        }
    }

    private interface UrlFor {
        String url(long n);
    }

    private static void run(String name, HttpClient client, String token, int threads, int seconds, UrlFor urls)
            throws InterruptedException {
        measure(client, token, threads, 2, urls);
        AtomicLong[] result = measure(client, token, threads, seconds, urls);
        double perSecond = result[0].get() / (double) seconds;
        double mbPerSecond = result[1].get() / (double) seconds / 1_000_000;
        System.out.printf(
                "%-28s %8.0f requests/s  %7.1f MB/s  (%d errors)%n", name, perSecond, mbPerSecond, result[2].get());
    }

    private static AtomicLong[] measure(HttpClient client, String token, int threads, int seconds, UrlFor urls)
            throws InterruptedException {
        AtomicLong requests = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long n = requests.get();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(urls.url(n)))
                            .header("Authorization", "Bearer " + token)
                            .header("X-UIPATH-FolderPath", "Shared")
                            .build();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() == 200) {
                            requests.incrementAndGet();
                            bytes.addAndGet(response.body().length);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new AtomicLong[] {requests, bytes, errors};
    }
}
