package io.github.uipathbridge.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own until the process is stopped.
 *
 * <pre>
 * --port N  --org NAME  --tenant NAME  --client-id ID  --client-secret SECRET  --token-ttl SECONDS
 * --queue-items N  --jobs N  --machines N  --rate-limit N  --profile cloud|onprem  --seed N  --tick-seconds N
 * </pre>
 *
 * When no {@code --client-secret} is given, a generated one is printed once at start so that the operator can use
 * it; that is the only place the simulator ever prints a secret.
 */
public final class SimulatorMain {

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        OrchestratorSimulator simulator = OrchestratorSimulator.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "simulator-shutdown"));
        PrintStream out = System.out;
        out.println("Orchestrator simulator (" + options.profile().name().toLowerCase(Locale.ROOT) + " profile)");
        out.println("  token URL:        " + simulator.tokenUrl());
        out.println("  Orchestrator URL: " + simulator.orchestratorUrl());
        out.println("  control API:      " + simulator.baseUrl() + "/__sandbox/stats");
        out.println("  client id:        " + simulator.clientId());
        if (options.clientSecret().isEmpty()) {
            out.println(
                    "  client secret:    " + simulator.clientSecret() + "   (generated; pass --client-secret to fix)");
        }
        new CountDownLatch(1).await();
    }

    static SimulatorOptions parse(String[] args) {
        SimulatorOptions.Builder builder = SimulatorOptions.builder().tickInterval(Duration.ofSeconds(5));
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                usage(System.out);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            apply(builder, flag, args[++i]);
        }
        return builder.build();
    }

    private static void apply(SimulatorOptions.Builder builder, String flag, String value) {
        switch (flag) {
            case "--port" -> builder.port(number(flag, value));
            case "--org" -> builder.org(value);
            case "--tenant" -> builder.tenant(value);
            case "--client-id" -> builder.clientId(value);
            case "--client-secret" -> builder.clientSecret(value);
            case "--token-ttl" -> builder.tokenTtl(Duration.ofSeconds(number(flag, value)));
            case "--queue-items" -> builder.queueItems(number(flag, value));
            case "--jobs" -> builder.jobs(number(flag, value));
            case "--machines" -> builder.machines(number(flag, value));
            case "--rate-limit" -> builder.rateLimitPerMinute(number(flag, value));
            case "--seed" -> builder.seed(number(flag, value));
            case "--tick-seconds" -> builder.tickInterval(Duration.ofSeconds(number(flag, value)));
            case "--profile" -> builder.profile(profile(value));
            default -> throw new IllegalArgumentException("unknown option " + flag);
        }
    }

    private static Profile profile(String value) {
        try {
            return Profile.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--profile must be cloud or onprem, not " + value);
        }
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, not " + value);
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: SimulatorMain [--port N] [--org NAME] [--tenant NAME] [--client-id ID]"
                + " [--client-secret SECRET] [--token-ttl SECONDS] [--queue-items N] [--jobs N] [--machines N]"
                + " [--rate-limit N] [--profile cloud|onprem] [--seed N] [--tick-seconds N]");
    }
}
