package io.github.uipathbridge.app;

import io.github.uipathbridge.simulator.OrchestratorSimulator;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The sandbox: an Orchestrator simulator on a free loopback port, and its demo credentials written to a {@code file:}
 * credential store (files {@code client_id} and {@code client_secret}, readable by the owner only, in a new temporary
 * folder) so the application reads them the same way it reads a mounted Kubernetes secret. The secret never becomes a
 * property or a route option. Queue items go to a local webhook sink ({@link SandboxWebhookSinkRoute}) signed with a
 * random key kept in the same folder. {@link #close()} stops the simulator and deletes the folder.
 */
final class SandboxTenant implements AutoCloseable {

    private final OrchestratorSimulator simulator;

    /** Queue items seeded: enough for several pages, few enough that the demo's webhook run stays short. */
    static final int QUEUE_ITEMS = 200;

    /** Setting that adds the sandbox webhook sink; set only by {@link #apply(BridgeSettings)}. */
    static final String WEBHOOK_SINK = "uipath.sandbox.webhook-sink";

    private static final String WEBHOOK_KEY = "webhook_key";

    private final Path secrets;

    private final int sinkPort;

    // A stopped process (Ctrl-C, SIGTERM) never reaches close(); the demo secrets must not outlive it.
    private final Thread cleanup = new Thread(this::deleteSecrets, "uipath-bridge-sandbox-cleanup");

    private SandboxTenant(OrchestratorSimulator simulator, Path secrets, int sinkPort) {
        this.simulator = simulator;
        this.secrets = secrets;
        this.sinkPort = sinkPort;
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    static SandboxTenant start() {
        OrchestratorSimulator simulator = OrchestratorSimulator.start(
                SimulatorOptions.builder().queueItems(QUEUE_ITEMS).build());
        try {
            Path folder = Files.createTempDirectory(
                    "uipath-bridge-sandbox-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            writeOwnerOnly(folder.resolve("client_id"), simulator.clientId());
            writeOwnerOnly(folder.resolve("client_secret"), simulator.clientSecret());
            writeOwnerOnly(folder.resolve(WEBHOOK_KEY), newWebhookKey());
            return new SandboxTenant(simulator, folder, freePort());
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
                .with(BridgeSettings.SCOPES, BridgeSettings.DEFAULT_SCOPES)
                .with(BridgeSettings.WEBHOOK_URL, "http://127.0.0.1:" + sinkPort + SandboxWebhookSinkRoute.PATH)
                .with(
                        BridgeSettings.WEBHOOK_SIGNING_KEY_FILE,
                        secrets.resolve(WEBHOOK_KEY).toString())
                .with(BridgeSettings.HTTP_PORT, Integer.toString(sinkPort))
                .with(BridgeSettings.HTTP_HOST, "127.0.0.1")
                .with(WEBHOOK_SINK, "true");
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
        deleteSecrets();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs anyway, and deleting twice is harmless.
        }
    }

    private void deleteSecrets() {
        try {
            Files.deleteIfExists(secrets.resolve("client_id"));
            Files.deleteIfExists(secrets.resolve("client_secret"));
            Files.deleteIfExists(secrets.resolve(WEBHOOK_KEY));
            Files.deleteIfExists(secrets);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the sandbox credentials folder " + secrets, e);
        }
    }

    private static String newWebhookKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void writeOwnerOnly(Path file, String value) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, value, StandardCharsets.UTF_8);
    }
}
