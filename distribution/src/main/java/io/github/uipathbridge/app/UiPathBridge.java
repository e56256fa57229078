package io.github.uipathbridge.app;

import ch.qos.logback.classic.Level;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code uipath-bridge} command line: {@code run}, {@code sandbox}, {@code token} and {@code export}.
 *
 * <p>Exit codes: 0 done, 1 failed while running, 2 bad configuration (one line on standard error says what to fix;
 * {@code --verbose} adds the details at DEBUG).
 */
@Command(
        name = "uipath-bridge",
        mixinStandardHelpOptions = true,
        // --help and --version on every subcommand too.
        scope = CommandLine.ScopeType.INHERIT,
        version = "uipath-bridge 0.1.0",
        description = "Moves data between UiPath Orchestrator and files, queues and webhooks, on Apache Camel.",
        subcommands = {RunCommand.class, SandboxCommand.class, TokenCommand.class, ExportCommand.class})
public final class UiPathBridge implements Runnable {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(UiPathBridge.class);

    @Option(
            names = {"-v", "--verbose"},
            scope = CommandLine.ScopeType.INHERIT,
            description = "Log details at DEBUG on the console.")
    void verbose(boolean verbose) {
        if (verbose) {
            LogLevels.verbose(Level.DEBUG);
        }
    }

    private final PrintStream out;

    private final PrintStream err;

    private final Map<String, String> environment;

    UiPathBridge(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err, System.getenv()));
    }

    /** Runs the command line with these streams and this environment; returns the exit code. */
    static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        UiPathBridge root = new UiPathBridge(out, err, environment);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> root.failed(e));
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    PrintStream out() {
        return out;
    }

    /**
     * Settings from {@code --config FILE}, else the packaged {@code config/application.properties} if any, checked
     * before anything starts.
     */
    BridgeSettings settings(Path configFile) {
        Path file = configFile;
        if (file == null) {
            String home = System.getProperty("uipath.bridge.home");
            Path packaged = home == null ? null : Path.of(home, "config", "application.properties");
            file = packaged != null && Files.isRegularFile(packaged) ? packaged : null;
        }
        return BridgeSettings.load(file, environment).validate();
    }

    private int failed(Exception e) {
        if (e instanceof ConfigurationException) {
            LOG.debug("Stopped by the configuration", e);
            err.println("uipath-bridge: " + e.getMessage());
            return ConfigurationException.EXIT_CODE;
        }
        LOG.debug("Failed", e);
        err.println("uipath-bridge: failed: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage())
                + " (run with --verbose for details)");
        return 1;
    }

    static String oneLine(String text) {
        return Objects.toString(text, "").replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
