package io.github.uipathbridge.app;

import io.github.uipathbridge.examples.KeysetExportRoute;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.impl.DefaultCamelContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code uipath-bridge export ENTITYSET [--folder-path P] [--filter F] [--to file:PATH]}. */
@Command(name = "export", description = "Exports one entity set as JSON lines (keyset paging on Id).")
final class ExportCommand implements Callable<Integer> {

    /** A progress line at most this often. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    @ParentCommand
    private UiPathBridge parent;

    @Parameters(index = "0", paramLabel = "ENTITYSET", description = "Machines, Jobs, QueueItems, Robots, ...")
    private String entitySet;

    @Option(names = "--folder-path", paramLabel = "P", description = "Folder for folder-scoped sets.")
    private String folderPath;

    @Option(names = "--filter", paramLabel = "F", description = "OData $filter condition, e.g. \"State eq 'Faulted'\".")
    private String filter;

    @Option(names = "--to", paramLabel = "file:PATH", description = "Target file (default: <out-dir>/ENTITYSET.jsonl).")
    private String target;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with uipath.* keys.")
    private Path config;

    @Override
    public Integer call() throws Exception {
        PrintStream out = parent.out();
        BridgeSettings settings = parent.settings(config);
        SandboxTenant sandbox = null;
        if (!settings.isSet(BridgeSettings.URL)) {
            sandbox = SandboxTenant.start();
            settings = sandbox.apply(settings);
            out.println("Sandbox mode (uipath.url is not set): exporting from " + sandbox.orchestratorUrl());
        }
        try (TenantSession session = TenantSession.open(settings)) {
            session.token();
            return export(settings, session, out);
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    private int export(BridgeSettings settings, TenantSession session, PrintStream out) throws Exception {
        Path file = targetFile(settings);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Progress progress = new Progress(out);

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            KeysetExportRoute route = KeysetExportRoute.builder("export", session.connection())
                    .entitySet(entitySet)
                    .folderPath(folderPath)
                    .filter(filter)
                    .pageSize(settings.getInt(BridgeSettings.PAGE_SIZE))
                    .to("file:" + file.toAbsolutePath().getParent() + "?fileName=" + file.getFileName()
                            + "&fileExist=Append&appendChars=\\n")
                    .progress(progress::record)
                    .build();
            camel.addRoutes(route);
            camel.start();
            Long records = camel.createProducerTemplate().requestBody(route.passEndpoint(), null, Long.class);
            out.printf(
                    "Exported %d %s records to %s in %.1f s (%.0f records/s)%n",
                    records, entitySet, file, progress.seconds(), progress.rate(records));
            return 0;
        }
    }

    private Path targetFile(BridgeSettings settings) {
        if (target == null) {
            return Path.of(settings.require(BridgeSettings.OUT_DIR), entitySet + ".jsonl");
        }
        if (!target.startsWith("file:") || target.length() == "file:".length()) {
            throw new ConfigurationException("--to must be file:PATH, not '" + target + "'");
        }
        return Path.of(target.substring("file:".length()));
    }

    /** Prints a progress line (records, rate) at most every {@link #PROGRESS_EVERY} on long exports. */
    private static final class Progress {

        private final PrintStream out;

        private final long started = System.nanoTime();

        private final AtomicLong lastPrinted = new AtomicLong(System.nanoTime());

        Progress(PrintStream out) {
            this.out = out;
        }

        void record(long count) {
            long now = System.nanoTime();
            long last = lastPrinted.get();
            if (now - last >= PROGRESS_EVERY.toNanos() && lastPrinted.compareAndSet(last, now)) {
                out.printf("  %d records, %.0f records/s%n", count, rate(count));
            }
        }

        double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }

        double rate(long count) {
            double seconds = seconds();
            return seconds > 0 ? count / seconds : 0;
        }
    }
}
