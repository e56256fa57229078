package io.github.uipathbridge.app;

import io.github.uipathbridge.simulator.SimulatorMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code uipath-bridge sandbox [simulator flags]}: the Orchestrator simulator alone, until stopped. */
@Command(
        name = "sandbox",
        description = {
            "Runs the Orchestrator simulator alone and prints its URLs and credentials.",
            "Flags: --port N --org NAME --tenant NAME --client-id ID --client-secret SECRET --token-ttl SECONDS"
                    + " --queue-items N --jobs N --machines N --rate-limit N --profile cloud|onprem --seed N"
                    + " --tick-seconds N"
        })
final class SandboxCommand implements Callable<Integer> {

    @Unmatched
    private List<String> simulatorFlags = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        SimulatorMain.main(simulatorFlags.toArray(String[]::new));
        return 0;
    }
}
