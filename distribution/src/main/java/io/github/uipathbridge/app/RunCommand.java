package io.github.uipathbridge.app;

import io.github.uipathbridge.token.AccessToken;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code uipath-bridge run [--once] [--config FILE]}. */
@Command(
        name = "run",
        description = "Runs the configured routes; with no uipath.url set, against the embedded sandbox.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private UiPathBridge parent;

    @Option(names = "--once", description = "Run one pass of every route, print a summary and exit.")
    private boolean once;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with uipath.* keys (default: config/application.properties).")
    private Path config;

    @Override
    public Integer call() throws Exception {
        PrintStream out = parent.out();
        BridgeSettings settings = parent.settings(config);
        SandboxTenant sandbox = null;
        if (!settings.isSet(BridgeSettings.URL)) {
            sandbox = SandboxTenant.start();
            settings = sandbox.apply(settings);
            out.println("Sandbox mode (uipath.url is not set)");
            out.println("  Orchestrator simulator: " + sandbox.orchestratorUrl());
            out.println("  demo credentials:       " + sandbox.credentialReference()
                    + " (client_id and client_secret files, owner-only)");
        }
        try (TenantSession session = TenantSession.open(settings)) {
            AccessToken token = session.verify(folderSets(settings), settings.require(BridgeSettings.FOLDER_PATH));
            out.println("Token for scopes " + String.join(" ", token.scopes()) + ", expires "
                    + token.expiresAt().truncatedTo(ChronoUnit.SECONDS) + " (from "
                    + session.endpoints().tokenEndpoint() + "; the token itself is never printed)");
            return run(settings, session, out);
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    // The folder-scoped sets the routes read: faulted Jobs always, QueueItems when they go to a webhook.
    private static List<String> folderSets(BridgeSettings settings) {
        return settings.isSet(BridgeSettings.WEBHOOK_URL) ? List.of("Jobs", "QueueItems") : List.of("Jobs");
    }

    private int run(BridgeSettings settings, TenantSession session, PrintStream out) throws Exception {
        try (BridgeJob job = new BridgeJob(settings, session)) {
            if (!once) {
                out.println("Running until stopped (Ctrl-C); writing under " + job.outDir());
                job.managementUrl().ifPresent(url -> out.println("Health and metrics: " + url));
                job.runUntilStopped();
                return 0;
            }
            Instant started = Instant.now();
            Map<String, Long> counts = job.runOnce();
            printSummary(out, job, counts, Duration.between(started, Instant.now()));
            return 0;
        }
    }

    private static void printSummary(PrintStream out, BridgeJob job, Map<String, Long> counts, Duration took) {
        out.printf("One pass of every route in %.1f s:%n", took.toMillis() / 1000.0);
        for (Map.Entry<String, String> target : job.targets().entrySet()) {
            long records = counts.getOrDefault(target.getKey(), 0L);
            out.printf("  %-22s %6d new records -> %s%n", target.getKey(), records, target.getValue());
        }
        Long received = counts.get(BridgeJob.FAULTED_JOBS_CONSUMER);
        if (received != null) {
            out.printf("  %-22s %6d records received from the queue%n", BridgeJob.FAULTED_JOBS_CONSUMER, received);
        }
        Long sink = counts.get(SandboxWebhookSinkRoute.ROUTE_ID);
        if (sink != null) {
            out.printf("  %-22s %6d signed POSTs checked and accepted%n", SandboxWebhookSinkRoute.ROUTE_ID, sink);
        }
        out.println("Watermarks in " + job.stateDir().resolve("watermarks")
                + ": the next run forwards only records added since.");
    }
}
