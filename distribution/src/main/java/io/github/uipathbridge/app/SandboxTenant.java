package io.github.uipathbridge.app;

import io.github.uipathbridge.simulator.OrchestratorSimulator;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The sandbox: an Orchestrator simulator on a free loopback port, and its demo credentials written to a {@code file:}
 * credential store (files {@code client_id} and {@code client_secret}, readable by the owner only, in a new temporary
 * folder) so the application reads them the same way it reads a mounted Kubernetes secret. The secret never becomes a
 * property or a route option. {@link #close()} stops the simulator and deletes the folder.
 */
final class SandboxTenant implements AutoCloseable {

    private final OrchestratorSimulator simulator;

    private final Path secrets;

    private SandboxTenant(OrchestratorSimulator simulator, Path secrets) {
        this.simulator = simulator;
        this.secrets = secrets;
    }

    static SandboxTenant start() {
        OrchestratorSimulator simulator = OrchestratorSimulator.start(SimulatorOptions.defaults());
        try {
            Path folder = Files.createTempDirectory(
                    "uipath-bridge-sandbox-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            writeOwnerOnly(folder.resolve("client_id"), simulator.clientId());
            writeOwnerOnly(folder.resolve("client_secret"), simulator.clientSecret());
            return new SandboxTenant(simulator, folder);
        } catch (IOException | RuntimeException e) {
            simulator.close();
            throw new IllegalStateException("could not write the sandbox credentials to a temporary folder", e);
        }
    }

    /** The settings pointed at this sandbox: its URL, its token endpoint and the {@code file:} store. */
    BridgeSettings apply(BridgeSettings settings) {
        return settings.with(BridgeSettings.URL, simulator.orchestratorUrl())
                .with(BridgeSettings.IDENTITY_URL, simulator.tokenUrl())
                .with(BridgeSettings.CREDENTIALS, credentialReference())
                .with(BridgeSettings.SCOPES, BridgeSettings.DEFAULT_SCOPES);
    }

    String orchestratorUrl() {
        return simulator.orchestratorUrl();
    }

    String credentialReference() {
        return "file:" + secrets;
    }

    @Override
    public void close() {
        simulator.close();
        try {
            Files.deleteIfExists(secrets.resolve("client_id"));
            Files.deleteIfExists(secrets.resolve("client_secret"));
            Files.deleteIfExists(secrets);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the sandbox credentials folder " + secrets, e);
        }
    }

    private static void writeOwnerOnly(Path file, String value) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, value, StandardCharsets.UTF_8);
    }
}
