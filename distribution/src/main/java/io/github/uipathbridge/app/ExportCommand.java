package io.github.uipathbridge.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.uipathbridge.examples.KeysetExportRoute;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code uipath-bridge export ENTITYSET [--folder-path P] [--filter F] [--to file:PATH]}. */
@Command(name = "export", description = "Exports one entity set as JSON lines (keyset paging on Id).")
final class ExportCommand implements Callable<Integer> {

    /** Entity sets listed at tenant level, read without the default folder. */
    private static final Set<String> TENANT_LEVEL =
            Set.of("Machines", "Folders", "Tenants", "Users", "Roles", "Settings", "Calendars", "Webhooks");

    private static final String CAMEL_ERROR_HANDLER = "org.apache.camel.processor.errorhandler.DefaultErrorHandler";

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

        String folder = folder(settings);
        try (DefaultCamelContext camel = new DefaultCamelContext();
                ExportProgress progress = new ExportProgress(out, Clock.systemUTC())) {
            KeysetExportRoute route = KeysetExportRoute.builder("export", session.connection())
                    .entitySet(entitySet)
                    .folderPath(folder)
                    .filter(filter)
                    .pageSize(settings.getInt(BridgeSettings.PAGE_SIZE, 1, 1000))
                    .to("file:" + file.toAbsolutePath().getParent() + "?fileName=" + file.getFileName()
                            + "&fileExist=Append&appendChars=\\n")
                    .progress(progress::record)
                    .build();
            camel.addRoutes(route);
            camel.start();
            progress.start();
            Long records = runPass(camel, route, folder);
            progress.close();
            out.printf(
                    "Exported %d %s records to %s in %.1f s (%.0f records/s)%n",
                    records, entitySet, file, progress.seconds(), progress.rate(records));
            return 0;
        }
    }

    // The command reports a failed call itself, in one line; Camel's error handler would log the stack and the
    // exchange's message history at ERROR, so it is silenced unless --verbose asked for details.
    private Long runPass(DefaultCamelContext camel, KeysetExportRoute route, String folder) {
        Logger errorHandler = (Logger) LoggerFactory.getLogger(CAMEL_ERROR_HANDLER);
        Level before = errorHandler.getLevel();
        if (!LogLevels.isVerbose()) {
            errorHandler.setLevel(Level.OFF);
        }
        try {
            return camel.createProducerTemplate().requestBody(route.passEndpoint(), null, Long.class);
        } catch (CamelExecutionException e) {
            throw OrchestratorAnswer.explain(e, entitySet, folder);
        } finally {
            errorHandler.setLevel(before);
        }
    }

    // --folder-path, else uipath.folder-path (default Shared) as for run; tenant-level sets get a folder only when
    // --folder-path names one, since the folder would not change what they list.
    private String folder(BridgeSettings settings) {
        if (folderPath != null) {
            return folderPath;
        }
        return TENANT_LEVEL.contains(entitySet) ? null : settings.require(BridgeSettings.FOLDER_PATH);
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
}
