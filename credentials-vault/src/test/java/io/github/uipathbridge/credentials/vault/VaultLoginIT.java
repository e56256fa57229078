package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.jopenlibs.vault.json.Json;
import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each login method against a real OpenBao dev server, reading a secret only its policy allows. */
class VaultLoginIT {

    private final OpenBaoAdmin bao = OpenBaoAdmin.fromEnvironment();

    private final VaultStores stores = new VaultStores(bao.address());

    @TempDir
    Path files;

    private String path;

    private String secret;

    private String policy;

    @BeforeEach
    void writeSecretAndPolicy() {
        path = OpenBaoAdmin.unique("uipath/login");
        secret = VaultKvIT.canary();
        bao.writeKv2("secret", path, Map.of("client_id", "app-1", "client_secret", secret));
        policy = OpenBaoAdmin.unique("read-uipath");
        bao.policy(policy, "path \"secret/data/" + path + "\" { capabilities = [\"read\"] }");
    }

    @AfterEach
    void closeStores() {
        stores.close();
    }

    @Test
    void shouldReadWithConfiguredToken() {
        String token = bao.createToken(policy, "10m");

        VaultCredentialStore store = stores.open("vault:secret/" + path, Map.of("auth", "token", "token", token));

        assertThat(store.read().clientSecret().reveal()).isEqualTo(secret);
        assertThat(store.loginCount()).isEqualTo(1);
    }

    @Test
    void shouldReadAfterAppRoleLoginWithSecretIdFromFile() throws IOException {
        String mount = appRole("10m", "30m");
        Path secretIdFile = write("secret-id", bao.newSecretId(mount, "uipath"));

        VaultCredentialStore store = stores.open(
                "vault:secret/" + path,
                Map.of(
                        "auth",
                        "approle",
                        "auth-mount",
                        mount,
                        "role-id",
                        bao.roleId(mount, "uipath"),
                        "secret-id-file",
                        secretIdFile.toString()));

        assertThat(store.read().clientSecret().reveal()).isEqualTo(secret);
        assertThat(store.loginCount()).isEqualTo(1);
    }

    @Test
    void shouldUnwrapWrappedSecretIdOnceAndLogInAgainWithIt() throws IOException {
        String mount = appRole("10m", "30m");
        Path wrapped = write("wrapped-secret-id", bao.newWrappedSecretId(mount, "uipath"));
        VaultCredentialStore store = stores.open(
                "vault:secret/" + path,
                Map.of(
                        "auth",
                        "approle",
                        "auth-mount",
                        mount,
                        "role-id-file",
                        write("role-id", bao.roleId(mount, "uipath")).toString(),
                        "secret-id-file",
                        wrapped.toString(),
                        "secret-id-wrapped",
                        "true",
                        "cache-ttl",
                        "0"));
        store.read();

        bao.revokeLogins(mount);
        ClientCredentials afterRevocation = store.read();

        assertThat(afterRevocation.clientSecret().reveal()).isEqualTo(secret);
        assertThat(store.loginCount()).isEqualTo(2);
    }

    @Test
    void shouldLogInAgainWhenVaultAnswers403ForRevokedToken() throws IOException {
        String mount = appRole("10m", "30m");
        VaultCredentialStore store = stores.open(
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
        store.read();

        bao.revokeLogins(mount);
        ClientCredentials credentials = store.read();

        assertThat(credentials.clientSecret().reveal()).isEqualTo(secret);
        assertThat(store.loginCount()).isEqualTo(2);
    }

    @Test
    void shouldReportRefusedAppRoleLoginAsAccessDenied() {
        String mount = appRole("10m", "30m");

        CredentialsException e = catchThrowableOfType(
                CredentialsException.class,
                () -> stores.open(
                                "vault:secret/" + path,
                                Map.of(
                                        "auth",
                                        "approle",
                                        "auth-mount",
                                        mount,
                                        "role-id",
                                        bao.roleId(mount, "uipath"),
                                        "secret-id",
                                        "CANARY-SECRET-not-a-secret-id"))
                        .read());

        assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
        assertThat(e.getMessage()).contains(bao.address(), "auth/" + mount).doesNotContain("CANARY");
    }

    @Test
    void shouldReadAfterJwtLoginWithKeyPairMadeByTheTest() throws IOException {
        TestJwts jwts = new TestJwts();
        String mount = jwtAuth(jwts);

        VaultCredentialStore store = stores.open(
                "vault:secret/" + path,
                Map.of(
                        "auth",
                        "jwt",
                        "auth-mount",
                        mount,
                        "role",
                        "uipath",
                        "jwt-file",
                        write("jwt", jwts.sign("uipath-bridge")).toString()));

        assertThat(store.read().clientSecret().reveal()).isEqualTo(secret);
    }

    @Test
    void shouldSendKubernetesLoginAsRoleAndServiceAccountJwt() throws IOException {
        // No Kubernetes API here to review tokens: a jwt auth method mounted where the kubernetes one would be accepts
        // the same login body ({role, jwt}), so this proves what KubernetesLogin sends and where.
        TestJwts jwts = new TestJwts();
        String mount = jwtAuth(jwts);

        VaultCredentialStore store = stores.open(
                "vault:secret/" + path,
                Map.of(
                        "auth",
                        "kubernetes",
                        "auth-mount",
                        mount,
                        "role",
                        "uipath",
                        "jwt-file",
                        write("token", jwts.sign("system:serviceaccount:rpa:uipath-bridge"))
                                .toString()));

        assertThat(store.read().clientSecret().reveal()).isEqualTo(secret);
    }

    @Test
    void shouldLogInAndReadInsideConfiguredNamespace() {
        String namespace = OpenBaoAdmin.unique("team");
        OpenBaoAdmin team = bao.createNamespace(namespace);
        team.mountKv("secret", 2);
        team.writeKv2("secret", "uipath/prod", Map.of("client_id", "app-ns", "client_secret", secret));
        team.policy("read-uipath", "path \"secret/data/uipath/prod\" { capabilities = [\"read\"] }");
        team.enableAuth("approle", "approle");
        team.writeRaw(
                "auth/approle/role/uipath",
                Json.object().add("token_policies", Json.array("read-uipath")).add("token_ttl", "10m"));

        VaultCredentialStore store = stores.open(
                "vault:secret/uipath/prod",
                Map.of(
                        "namespace",
                        namespace,
                        "auth",
                        "approle",
                        "role-id",
                        team.roleId("approle", "uipath"),
                        "secret-id",
                        team.newSecretId("approle", "uipath")));

        assertThat(store.read().clientId()).isEqualTo("app-ns");
    }

    private String appRole(String ttl, String maxTtl) {
        String mount = OpenBaoAdmin.unique("approle");
        bao.enableAuth(mount, "approle");
        bao.writeRaw(
                "auth/" + mount + "/role/uipath",
                Json.object()
                        .add("token_policies", Json.array(policy))
                        .add("token_ttl", ttl)
                        .add("token_max_ttl", maxTtl));
        return mount;
    }

    private String jwtAuth(TestJwts jwts) {
        String mount = OpenBaoAdmin.unique("jwt");
        bao.enableAuth(mount, "jwt");
        bao.writeRaw(
                "auth/" + mount + "/config",
                Json.object()
                        .add("jwt_validation_pubkeys", Json.array(jwts.publicKeyPem()))
                        .add("bound_issuer", TestJwts.ISSUER));
        bao.writeRaw(
                "auth/" + mount + "/role/uipath",
                Json.object()
                        .add("role_type", "jwt")
                        .add("user_claim", "sub")
                        .add("bound_audiences", Json.array(TestJwts.AUDIENCE))
                        .add("token_policies", Json.array(policy))
                        .add("token_ttl", "10m"));
        return mount;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content + "\n");
    }
}
