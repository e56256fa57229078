package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.jopenlibs.vault.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every log line at TRACE, from this project and from the driver, while the store logs in, renews, logs in again,
 * reads, and fails in the ways it can: no secret value, secret id, JWT or Vault token appears.
 */
class VaultLogSecrecyIT {

    /** OpenBao service and batch tokens ({@code s.}/{@code b.}) and Vault's ({@code hvs.}/{@code hvb.}). */
    private static final Pattern VAULT_TOKEN = Pattern.compile("\\b(hv)?[sb]\\.[A-Za-z0-9]{20,}");

    private final OpenBaoAdmin bao = OpenBaoAdmin.fromEnvironment();

    private final VaultStores stores = new VaultStores(bao.address());

    @TempDir
    Path files;

    @AfterEach
    void closeStores() {
        stores.close();
    }

    @Test
    void shouldLogNoSecretValueNoSecretIdNoJwtAndNoVaultTokenAtTrace() throws IOException {
        String path = OpenBaoAdmin.unique("uipath/logs");
        String clientSecret = VaultKvIT.canary();
        bao.writeKv2(
                "secret", path, Map.of("client_id", "app-1", "client_secret", clientSecret, "other", clientSecret));
        String policy = OpenBaoAdmin.unique("read-logs");
        bao.policy(policy, "path \"secret/data/" + path + "\" { capabilities = [\"read\"] }");
        String mount = OpenBaoAdmin.unique("approle");
        bao.enableAuth(mount, "approle");
        bao.writeRaw(
                "auth/" + mount + "/role/uipath",
                Json.object()
                        .add("token_policies", Json.array(policy))
                        .add("token_ttl", "2s")
                        .add("token_max_ttl", "4s"));
        String secretId = bao.newSecretId(mount, "uipath");
        TestJwts jwts = new TestJwts();
        String jwt = jwts.sign("uipath-bridge");
        String wrapped;

        try (LogCapture logs = new LogCapture()) {
            VaultCredentialStore appRole = stores.open(
                    "vault:secret/" + path,
                    Map.of(
                            "auth",
                            "approle",
                            "auth-mount",
                            mount,
                            "role-id",
                            bao.roleId(mount, "uipath"),
                            "secret-id",
                            secretId,
                            "cache-ttl",
                            "0"));
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        appRole.read();
                        return appRole.loginCount() >= 2 && appRole.renewalCount() >= 1;
                    });
            bao.revokeLogins(mount);
            appRole.read();
            // Made after the revocation, which also revokes wrapping tokens created under auth/<mount>.
            wrapped = bao.newWrappedSecretId(mount, "uipath");
            stores.open(
                            "vault:secret/" + path,
                            Map.of(
                                    "auth",
                                    "approle",
                                    "auth-mount",
                                    mount,
                                    "role-id",
                                    bao.roleId(mount, "uipath"),
                                    "secret-id-file",
                                    write("wrapped", wrapped).toString(),
                                    "secret-id-wrapped",
                                    "true"))
                    .read();
            List<String> lines = new ArrayList<>(failureMessages(path, mount, jwt));
            lines.addAll(logs.lines());

            assertThat(lines).isNotEmpty();
            assertThat(lines)
                    .noneMatch(line -> line.contains(clientSecret))
                    .noneMatch(line -> line.contains(secretId))
                    .noneMatch(line -> line.contains(wrapped))
                    .noneMatch(line -> line.contains(bao.rootToken()))
                    .noneMatch(line -> line.contains("eyJ"))
                    .noneMatch(line -> line.contains("CANARY"))
                    .noneMatch(line -> VAULT_TOKEN.matcher(line).find());
        }
    }

    /** Failures whose messages and causes might carry a value if the code were careless, with their cause chains. */
    private List<String> failureMessages(String path, String mount, String jwt) throws IOException {
        List<Throwable> failures = new ArrayList<>();
        failures.add(catchThrowable(
                () -> stores.open("vault:secret/" + path + "?secretField=missing", Map.of("token", bao.rootToken()))
                        .read()));
        failures.add(catchThrowable(
                () -> stores.open("vault:secret/" + path + "?idField=nothere", Map.of("token", bao.rootToken()))
                        .read()));
        failures.add(catchThrowable(() -> stores.open(
                        "vault:secret/" + path,
                        Map.of(
                                "auth",
                                "approle",
                                "auth-mount",
                                mount,
                                "role-id",
                                bao.roleId(mount, "uipath"),
                                "secret-id",
                                "CANARY-SECRET-wrong-secret-id"))
                .read()));
        failures.add(catchThrowable(() -> stores.open(
                        "vault:secret/" + path,
                        Map.of(
                                "auth",
                                "jwt",
                                "auth-mount",
                                OpenBaoAdmin.unique("jwt-not-mounted"),
                                "role",
                                "uipath",
                                "jwt-file",
                                write("jwt", jwt).toString()))
                .read()));
        failures.add(
                catchThrowable(() -> stores.open("vault:secret/" + path, Map.of("token", "s.CANARYCANARYCANARYCANARY"))
                        .read()));
        assertThat(failures).doesNotContainNull();
        List<String> messages = new ArrayList<>();
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.add(t.toString());
            }
        }
        return messages;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content);
    }
}
