package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS against an OpenBao of this test's own in -dev-tls mode, which makes a CA and a certificate for 127.0.0.1. */
class VaultTlsIT {

    private final String rootToken = "it-tls-" + UUID.randomUUID();

    @TempDir
    Path home;

    private OpenBaoProcess bao;

    private VaultStores stores;

    private Path caFile;

    @BeforeEach
    void start() throws Exception {
        Path certificates = Files.createDirectories(home.resolve("tls"));
        bao = new OpenBaoProcess(home, rootToken);
        bao.start("-dev-tls", "-dev-tls-cert-dir=" + certificates);
        caFile = certificates.resolve("vault-ca.pem");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(caFile) > 0);
        String address = "https://127.0.0.1:" + bao.port();
        new OpenBaoAdmin(address, rootToken, trusting(caFile))
                .awaitHealthy()
                .writeKv2("secret", "uipath/prod", Map.of("client_id", "app-tls", "client_secret", VaultKvIT.canary()));
        stores = new VaultStores(address);
    }

    @AfterEach
    void stop() throws InterruptedException {
        stores.close();
        bao.close();
    }

    @Test
    void shouldReadOverTlsTrustingConfiguredCaFile() {
        VaultCredentialStore store =
                stores.open("vault:secret/uipath/prod", Map.of("token", rootToken, "ca-cert", caFile.toString()));

        assertThat(store.read().clientId()).isEqualTo("app-tls");
    }

    @Test
    void shouldRefuseUntrustedServerCertificateAsConfigurationWithoutRetrying() {
        VaultCredentialStore store = stores.open("vault:secret/uipath/prod", Map.of("token", rootToken));

        CredentialsException e = catchThrowableOfType(CredentialsException.class, store::read);

        assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
        assertThat(e.getMessage()).contains("TLS handshake failed", "ca-cert");
    }

    @Test
    void shouldReadWithoutVerificationWhenTurnedOff() {
        VaultCredentialStore store =
                stores.open("vault:secret/uipath/prod", Map.of("token", rootToken, "tls-verify", "false"));

        assertThat(store.read().clientId()).isEqualTo("app-tls");
    }

    private static SSLContext trusting(Path caFile) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(VaultTls.trustStore(caFile));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
