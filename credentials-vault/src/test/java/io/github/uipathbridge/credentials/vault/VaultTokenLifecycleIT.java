package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jopenlibs.vault.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token renewal and re-login on real time against OpenBao, with AppRole tokens that live a few seconds. */
class VaultTokenLifecycleIT {

    private final OpenBaoAdmin bao = OpenBaoAdmin.fromEnvironment();

    private final VaultStores stores = new VaultStores(bao.address());

    private String path;

    private String mount;

    @BeforeEach
    void setUp() {
        path = OpenBaoAdmin.unique("uipath/lifecycle");
        bao.writeKv2("secret", path, Map.of("client_id", "app-1", "client_secret", VaultKvIT.canary()));
        String policy = OpenBaoAdmin.unique("read-lifecycle");
        bao.policy(policy, "path \"secret/data/" + path + "\" { capabilities = [\"read\"] }");
        mount = OpenBaoAdmin.unique("approle");
        bao.enableAuth(mount, "approle");
        // A 3 s token that may live 6 s in all: renewed at 2 s (to 3 s), at 4 s cut to 2 s by the max TTL, so the
        // store must log in again before 6 s.
        bao.writeRaw(
                "auth/" + mount + "/role/uipath",
                Json.object()
                        .add("token_policies", Json.array(policy))
                        .add("token_ttl", "3s")
                        .add("token_max_ttl", "6s"));
    }

    @AfterEach
    void closeStores() {
        stores.close();
    }

    @Test
    void shouldRenewThenLogInAgainAndNeverFailReadsAcrossSeveralMaxTtls() {
        VaultCredentialStore store = openAppRoleStore();
        List<Exception> failures = new ArrayList<>();

        await().atMost(Duration.ofSeconds(28))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    try {
                        store.read();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                    return store.loginCount() >= 4;
                });

        assertThat(failures).isEmpty();
        assertThat(store.renewalCount()).isGreaterThanOrEqualTo(3);
        assertThat(store.vaultReadCount()).isGreaterThan(50);
    }

    @Test
    void shouldLogInOnceWhenManyThreadsReadAtOnce() throws Exception {
        VaultCredentialStore store = openAppRoleStore();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> reads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            reads.add(() -> store.readFresh().version());
        }

        List<Future<String>> results = pool.invokeAll(reads);
        pool.shutdown();

        for (Future<String> result : results) {
            assertThat(result.get()).isEqualTo("1");
        }
        assertThat(store.loginCount()).isEqualTo(1);
    }

    private VaultCredentialStore openAppRoleStore() {
        return stores.open(
                "vault:secret/" + path,
                Map.of(
                        "auth",
                        "approle",
                        "auth-mount",
                        mount,
                        "role-id",
                        bao.roleId(mount, "uipath"),
                        "secret-id",
                        bao.newSecretId(mount, "uipath"),
                        "cache-ttl",
                        "0"));
    }
}
