package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.jopenlibs.vault.json.Json;
import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading KV secrets from a real OpenBao dev server with the root token. */
class VaultKvIT {

    private final OpenBaoAdmin bao = OpenBaoAdmin.fromEnvironment();

    private final VaultStores stores = new VaultStores(bao.address());

    private final Map<String, String> rootToken = Map.of("token", bao.rootToken());

    @AfterEach
    void closeStores() {
        stores.close();
    }

    @Test
    void shouldReadKvVersion2AtSecretWithKvVersionNumberAsVersion() {
        String path = OpenBaoAdmin.unique("uipath/prod");
        String secret = canary();
        bao.writeKv2("secret", path, Map.of("client_id", "app-1", "client_secret", "old-" + secret));
        int version = bao.writeKv2("secret", path, Map.of("client_id", "app-1", "client_secret", secret));

        ClientCredentials credentials =
                stores.open("vault:secret/" + path, rootToken).read();

        assertThat(credentials.clientId()).isEqualTo("app-1");
        assertThat(credentials.clientSecret().reveal()).isEqualTo(secret);
        assertThat(credentials.version()).isEqualTo(Integer.toString(version)).isEqualTo("2");
    }

    @Test
    void shouldReadKvVersion1WithDigestVersionThatChangesWithTheSecret() {
        String mount = OpenBaoAdmin.unique("kv1");
        bao.mountKv(mount, 1);
        bao.writeKv1(mount, "uipath", Map.of("client_id", "app-1", "client_secret", canary()));
        VaultCredentialStore store =
                stores.open("vault:" + mount + "/uipath", Map.of("token", bao.rootToken(), "kv-version." + mount, "1"));
        ClientCredentials first = store.read();

        bao.writeKv1(mount, "uipath", Map.of("client_id", "app-1", "client_secret", canary()));
        ClientCredentials second = store.readFresh();

        assertThat(first.version()).hasSize(16).isNotEqualTo(second.version());
        assertThat(second.clientSecret()).isNotEqualTo(first.clientSecret());
    }

    @Test
    void shouldFindMultiSegmentMountFromConfiguredMountListLongestFirst() {
        String mount = OpenBaoAdmin.unique("team") + "/apps/kv";
        bao.mountKv(mount, 2);
        String secret = canary();
        bao.writeKv2(mount, "uipath/prod", Map.of("client_id", "app-2", "client_secret", secret));

        ClientCredentials credentials = stores.open(
                        "vault:" + mount + "/uipath/prod",
                        Map.of(
                                "token",
                                bao.rootToken(),
                                "kv-mounts",
                                "secret:2, " + mount.split("/")[0] + ":1, " + mount + ":2"))
                .read();

        assertThat(credentials.clientSecret().reveal()).isEqualTo(secret);
        assertThat(credentials.version()).isEqualTo("1");
    }

    @Test
    void shouldUseMountOptionForMultiSegmentMount() {
        String mount = OpenBaoAdmin.unique("team") + "/apps/kv";
        bao.mountKv(mount, 2);
        bao.writeKv2(mount, "uipath", Map.of("client_id", "app-3", "client_secret", canary()));

        ClientCredentials credentials = stores.open("vault:" + mount + "/uipath?mount=" + mount, rootToken)
                .read();

        assertThat(credentials.clientId()).isEqualTo("app-3");
    }

    @Test
    void shouldReadPinnedVersion() {
        String path = OpenBaoAdmin.unique("uipath/pinned");
        String first = canary();
        bao.writeKv2("secret", path, Map.of("client_id", "app-1", "client_secret", first));
        bao.writeKv2("secret", path, Map.of("client_id", "app-1", "client_secret", canary()));

        ClientCredentials credentials =
                stores.open("vault:secret/" + path + "?version=1", rootToken).read();

        assertThat(credentials.clientSecret().reveal()).isEqualTo(first);
        assertThat(credentials.version()).isEqualTo("1");
    }

    @Test
    void shouldReadCustomFieldNames() {
        String path = OpenBaoAdmin.unique("uipath/fields");
        bao.writeKv2("secret", path, Map.of("appId", "app-9", "appSecret", canary()));

        ClientCredentials credentials = stores.open(
                        "vault:secret/" + path + "?idField=appId&secretField=appSecret", rootToken)
                .read();

        assertThat(credentials.clientId()).isEqualTo("app-9");
    }

    @Test
    void shouldServeReadsFromCacheAndBypassItOnReadFresh() {
        String path = OpenBaoAdmin.unique("uipath/cache");
        bao.writeKv2("secret", path, Map.of("client_id", "app-1", "client_secret", canary()));
        VaultCredentialStore store = stores.open("vault:secret/" + path, rootToken);
        store.read();
        bao.writeKv2("secret", path, Map.of("client_id", "app-1", "client_secret", canary()));

        ClientCredentials cached = store.read();
        ClientCredentials fresh = store.readFresh();

        assertThat(cached.version()).isEqualTo("1");
        assertThat(fresh.version()).isEqualTo("2");
        assertThat(store.vaultReadCount()).isEqualTo(2);
        assertThat(store.read().version()).isEqualTo("2");
    }

    @Test
    void shouldReadVaultAgainOnceCacheTtlHasPassed() {
        String path = OpenBaoAdmin.unique("uipath/ttl");
        bao.writeKv2("secret", path, Map.of("client_id", "app-1", "client_secret", canary()));
        MutableClock clock = new MutableClock(Instant.now());
        VaultCredentialStore store =
                stores.open("vault:secret/" + path, Map.of("token", bao.rootToken(), "cache-ttl", "5m"), clock);
        store.read();
        bao.writeKv2("secret", path, Map.of("client_id", "app-1", "client_secret", canary()));

        clock.advance(Duration.ofMinutes(4));
        String withinTtl = store.read().version();
        clock.advance(Duration.ofMinutes(2));
        String afterTtl = store.read().version();

        assertThat(withinTtl).isEqualTo("1");
        assertThat(afterTtl).isEqualTo("2");
        assertThat(store.vaultReadCount()).isEqualTo(2);
    }

    @Test
    void shouldReportMissingPathAsNotFoundNamingAddressMountAndPath() {
        String path = OpenBaoAdmin.unique("uipath/missing");

        CredentialsException e = catchThrowableOfType(
                CredentialsException.class,
                () -> stores.open("vault:secret/" + path, rootToken).read());

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains(bao.address(), "mount 'secret'", "path '" + path + "'");
    }

    @Test
    void shouldReportMissingFieldAsInvalidContentWithoutValues() {
        String path = OpenBaoAdmin.unique("uipath/nofield");
        String secret = canary();
        bao.writeKv2("secret", path, Map.of("client_id", "app-1", "password", secret));

        CredentialsException e = catchThrowableOfType(
                CredentialsException.class,
                () -> stores.open("vault:secret/" + path, rootToken).read());

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT);
        assertThat(e.getMessage())
                .contains(bao.address(), "mount 'secret'", path, "field 'client_secret'", "missing")
                .doesNotContain(secret);
    }

    @Test
    void shouldReportNonStringFieldAsInvalidContent() {
        String path = OpenBaoAdmin.unique("uipath/number");
        bao.writeRaw(
                "secret/data/" + path,
                Json.object()
                        .add("data", Json.object().add("client_id", "app-1").add("client_secret", 12345)));

        CredentialsException e = catchThrowableOfType(
                CredentialsException.class,
                () -> stores.open("vault:secret/" + path, rootToken).read());

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT);
        assertThat(e.getMessage())
                .contains("field 'client_secret'", "not a string")
                .doesNotContain("12345");
    }

    @Test
    void shouldReportPolicyThatDeniesThePathAsAccessDenied() {
        String path = OpenBaoAdmin.unique("uipath/denied");
        bao.writeKv2("secret", path, Map.of("client_id", "app-1", "client_secret", canary()));
        String policy = OpenBaoAdmin.unique("other-only");
        bao.policy(policy, "path \"secret/data/other/*\" { capabilities = [\"read\"] }");
        String token = bao.createToken(policy, "10m");

        CredentialsException e = catchThrowableOfType(
                CredentialsException.class,
                () -> stores.open("vault:secret/" + path, Map.of("token", token))
                        .read());

        assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
        assertThat(e.getMessage())
                .contains(bao.address(), "permission denied", "mount 'secret'", "path '" + path + "'")
                .doesNotContain(token);
    }

    static String canary() {
        return "CANARY-SECRET-" + UUID.randomUUID();
    }
}
