package io.github.uipathbridge.credentials.vault;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An OpenBao dev server of a test's own, started from UIPATH_IT_BAO_BIN on a loopback port, stopped on demand. */
final class OpenBaoProcess implements AutoCloseable {

    private final String binary = OpenBaoAdmin.required("UIPATH_IT_BAO_BIN");

    private final Path home;

    private final String rootToken;

    private final int port;

    private Process process;

    OpenBaoProcess(Path home, String rootToken) throws IOException {
        this.home = home;
        this.rootToken = rootToken;
        this.port = freePort();
    }

    int port() {
        return port;
    }

    /** Starts the server (again, on the same port) and waits until it accepts connections. */
    void start(String... extraArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                binary, "server", "-dev", "-dev-root-token-id=" + rootToken, "-dev-listen-address=127.0.0.1:" + port));
        command.addAll(List.of(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        home.resolve("openbao-" + System.nanoTime() + ".log").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("VAULT_TOKEN");
        builder.environment().remove("BAO_TOKEN");
        process = builder.start();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        return process.isAlive() && socket.isConnected();
                    }
                });
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
