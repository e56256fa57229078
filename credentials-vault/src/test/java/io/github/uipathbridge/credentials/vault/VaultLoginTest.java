package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultLoginTest {

    @TempDir
    Path files;

    private static VaultLogin login(Map<String, String> settings, Map<String, String> environment) {
        Map<String, String> prefixed = new HashMap<>();
        settings.forEach((key, value) -> prefixed.put(VaultOptions.PREFIX + key, value));
        return VaultLogin.from(StoreConfig.of(prefixed, environment));
    }

    @Test
    void shouldUseTokenFromVaultTokenVariableByDefault() {
        VaultLogin login = login(Map.of(), Map.of("VAULT_TOKEN", "s.CANARYCANARYCANARYCANARY"));

        assertThat(login).isInstanceOf(TokenLogin.class);
        assertThat(login.canLogInAgain()).isFalse();
        assertThat(login.toString()).doesNotContain("CANARY");
    }

    @Test
    void shouldRequireTokenForTokenMethodNamingKeyAndVariable() {
        assertThatThrownBy(() -> login(Map.of(), Map.of()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("uipath.credentials.vault.token (or VAULT_TOKEN)");
    }

    @Test
    void shouldConfigureAppRoleWithDefaultMountAndSecretIdFromEnvironment() {
        VaultLogin login =
                login(Map.of("auth", "approle", "role-id", "role-1"), Map.of("VAULT_SECRET_ID", "CANARY-SECRET-id"));

        assertThat(login).isInstanceOf(AppRoleLogin.class);
        assertThat(login.describe()).isEqualTo("AppRole login at auth/approle");
        assertThat(login.toString()).doesNotContain("CANARY");
    }

    @Test
    void shouldPreferSecretIdFileAndCheckItExists() {
        assertThatThrownBy(() -> login(
                        Map.of(
                                "auth", "approle",
                                "role-id", "role-1",
                                "secret-id-file", files.resolve("missing").toString()),
                        Map.of("VAULT_SECRET_ID", "ignored")))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("secret-id-file")
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldRequireSecretIdForAppRole() {
        assertThatThrownBy(() -> login(Map.of("auth", "approle", "role-id", "role-1"), Map.of()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("uipath.credentials.vault.secret-id (or VAULT_SECRET_ID)");
    }

    @Test
    void shouldConfigureJwtWithMountRoleAndFile() throws IOException {
        Path jwt = Files.writeString(files.resolve("jwt"), "header.payload.signature");

        VaultLogin login = login(
                Map.of("auth", "JWT", "auth-mount", "/ci/jwt/", "role", "deployer", "jwt-file", jwt.toString()),
                Map.of());

        assertThat(login.describe()).isEqualTo("JWT login at auth/ci/jwt (role deployer)");
        assertThat(login.canLogInAgain()).isTrue();
    }

    @Test
    void shouldRequireRoleForKubernetes() {
        assertThatThrownBy(() -> login(Map.of("auth", "kubernetes"), Map.of()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("uipath.credentials.vault.role is required");
    }

    @Test
    void shouldReportMissingServiceAccountTokenAtOpen() {
        assertThatThrownBy(() -> login(
                        Map.of(
                                "auth", "kubernetes",
                                "role", "uipath",
                                "jwt-file", files.resolve("token").toString()),
                        Map.of()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("jwt-file")
                .hasMessageContaining(files.resolve("token").toString());
    }

    @Test
    void shouldRejectUnknownMethod() {
        assertThatThrownBy(() -> login(Map.of("auth", "userpass"), Map.of()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("token, approle, jwt or kubernetes, not 'userpass'");
    }
}
