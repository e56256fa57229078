package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenBao stopped while the store runs: a process of its own, started from UIPATH_IT_BAO_BIN on a free port. */
class VaultOutageIT {

    private final String baoBinary = OpenBaoAdmin.required("UIPATH_IT_BAO_BIN");

    private final String rootToken = "it-outage-" + UUID.randomUUID();

    @TempDir
    Path home;

    private Process bao;

    private VaultStores stores;

    @AfterEach
    void stop() throws InterruptedException {
        if (stores != null) {
            stores.close();
        }
        stopBao();
    }

    @Test
    void shouldServeCachedReadWhileDownFailFreshReadAsUnavailableAndRecover() throws Exception {
        int port = freePort();
        String address = "http://127.0.0.1:" + port;
        OpenBaoAdmin admin = startBao(port);
        admin.writeKv2("secret", "uipath/prod", Map.of("client_id", "app-1", "client_secret", VaultKvIT.canary()));
        stores = new VaultStores(address);
        VaultCredentialStore store = stores.open(
                "vault:secret/uipath/prod", Map.of("token", rootToken, "cache-ttl", "1h", "retry.max-attempts", "3"));
        ClientCredentials before = store.read();

        stopBao();
        ClientCredentials cached = store.read();
        long readsBefore = store.vaultReadCount();
        CredentialsException down = catchThrowableOfType(CredentialsException.class, store::readFresh);

        assertThat(cached).isEqualTo(before);
        assertThat(down.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(down.isTransient()).isTrue();
        assertThat(down.getMessage()).contains(address, "mount 'secret'", "path 'uipath/prod'", "unreachable");
        assertThat(store.vaultReadCount() - readsBefore).isEqualTo(3);

        // Dev mode keeps nothing across a restart: the same root token id comes back, the secret must be written again.
        OpenBaoAdmin restarted = startBao(port);
        String rotated = VaultKvIT.canary();
        restarted.writeKv2("secret", "uipath/prod", Map.of("client_id", "app-1", "client_secret", rotated));
        ClientCredentials recovered = store.readFresh();

        assertThat(recovered.clientSecret().reveal()).isEqualTo(rotated);
    }

    @Test
    void shouldReportSealedVaultAsUnavailable() throws Exception {
        int port = freePort();
        OpenBaoAdmin admin = startBao(port);
        admin.writeKv2("secret", "uipath/prod", Map.of("client_id", "app-1", "client_secret", VaultKvIT.canary()));
        stores = new VaultStores(admin.address());
        VaultCredentialStore store = stores.open("vault:secret/uipath/prod", Map.of("token", rootToken));
        store.read();

        admin.call("PUT", "sys/seal", null);
        CredentialsException sealed = catchThrowableOfType(CredentialsException.class, store::readFresh);

        assertThat(sealed.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(sealed.getMessage()).contains(admin.address(), "sealed", "HTTP 503");
    }

    private OpenBaoAdmin startBao(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        baoBinary,
                        "server",
                        "-dev",
                        "-dev-root-token-id=" + rootToken,
                        "-dev-listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(
                        home.resolve("openbao-" + System.nanoTime() + ".log").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("VAULT_TOKEN");
        builder.environment().remove("BAO_TOKEN");
        bao = builder.start();
        String address = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> http.send(
                                        HttpRequest.newBuilder(URI.create(address + "/v1/sys/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
        return new OpenBaoAdmin(address, rootToken);
    }

    private void stopBao() throws InterruptedException {
        if (bao != null && bao.isAlive()) {
            bao.destroy();
            if (!bao.waitFor(10, TimeUnit.SECONDS)) {
                bao.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
