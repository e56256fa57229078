package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenBao stopped or sealed while the store runs: a server of this test's own, started from UIPATH_IT_BAO_BIN. */
class VaultOutageIT {

    private final String rootToken = "it-outage-" + UUID.randomUUID();

    @TempDir
    Path home;

    private OpenBaoProcess bao;

    private VaultStores stores;

    private String address;

    @BeforeEach
    void start() throws Exception {
        bao = new OpenBaoProcess(home, rootToken);
        bao.start();
        address = "http://127.0.0.1:" + bao.port();
        stores = new VaultStores(address);
    }

    @AfterEach
    void stop() throws InterruptedException {
        stores.close();
        bao.close();
    }

    @Test
    void shouldServeCachedReadWhileDownFailFreshReadAsUnavailableAndRecover() throws Exception {
        admin().writeKv2("secret", "uipath/prod", Map.of("client_id", "app-1", "client_secret", VaultKvIT.canary()));
        VaultCredentialStore store = stores.open(
                "vault:secret/uipath/prod", Map.of("token", rootToken, "cache-ttl", "1h", "retry.max-attempts", "3"));
        ClientCredentials before = store.read();

        bao.stop();
        ClientCredentials cached = store.read();
        long readsBefore = store.vaultReadCount();
        CredentialsException down = catchThrowableOfType(CredentialsException.class, store::readFresh);

        assertThat(cached).isEqualTo(before);
        assertThat(down.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(down.isTransient()).isTrue();
        assertThat(down.getMessage()).contains(address, "mount 'secret'", "path 'uipath/prod'", "unreachable");
        assertThat(store.vaultReadCount() - readsBefore).isEqualTo(3);

        // Dev mode keeps nothing across a restart: the same root token id comes back, the secret must be written again.
        bao.start();
        String rotated = VaultKvIT.canary();
        admin().writeKv2("secret", "uipath/prod", Map.of("client_id", "app-1", "client_secret", rotated));
        ClientCredentials recovered = store.readFresh();

        assertThat(recovered.clientSecret().reveal()).isEqualTo(rotated);
    }

    @Test
    void shouldReportSealedVaultAsUnavailable() {
        OpenBaoAdmin admin = admin();
        admin.writeKv2("secret", "uipath/prod", Map.of("client_id", "app-1", "client_secret", VaultKvIT.canary()));
        VaultCredentialStore store = stores.open("vault:secret/uipath/prod", Map.of("token", rootToken));
        store.read();

        admin.call("PUT", "sys/seal", null);
        CredentialsException sealed = catchThrowableOfType(CredentialsException.class, store::readFresh);

        assertThat(sealed.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(sealed.getMessage()).contains(address, "sealed", "HTTP 503");
    }

    private OpenBaoAdmin admin() {
        return new OpenBaoAdmin(address, rootToken).awaitHealthy();
    }
}
