package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import io.github.uipathbridge.credentials.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaultOptionsTest {

    private static VaultOptions from(Map<String, String> settings, Map<String, String> environment) {
        return VaultOptions.from(StoreConfig.of(settings, environment));
    }

    @Test
    void shouldApplyDefaultsWhenOnlyAddressIsSet() {
        VaultOptions options =
                from(Map.of("uipath.credentials.vault.address", "https://vault.example:8200/"), Map.of());

        assertThat(options.address()).hasToString("https://vault.example:8200");
        assertThat(options.namespace()).isEmpty();
        assertThat(options.tlsVerify()).isTrue();
        assertThat(options.caCertFile()).isEmpty();
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.retryPolicy().maxAttempts()).isEqualTo(3);
        assertThat(options.retryPolicy().initialDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.retryPolicy().maxDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldFallBackToVaultEnvironmentVariables() {
        VaultOptions options = from(
                Map.of(),
                Map.of(
                        "VAULT_ADDR", "https://vault.example",
                        "VAULT_NAMESPACE", "team-a",
                        "VAULT_CACERT", "/etc/vault/ca.pem",
                        "VAULT_SKIP_VERIFY", "true",
                        "VAULT_CLIENT_TIMEOUT", "45"));

        assertThat(options.address()).hasToString("https://vault.example");
        assertThat(options.namespace()).contains("team-a");
        assertThat(options.caCertFile()).contains(Path.of("/etc/vault/ca.pem"));
        assertThat(options.tlsVerify()).isFalse();
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void shouldPreferSettingsOverEnvironment() {
        VaultOptions options = from(
                Map.of(
                        "uipath.credentials.vault.address",
                        "https://a.example",
                        "uipath.credentials.vault.tls-verify",
                        "true"),
                Map.of("VAULT_ADDR", "https://b.example", "VAULT_SKIP_VERIFY", "1"));

        assertThat(options.address()).hasToString("https://a.example");
        assertThat(options.tlsVerify()).isTrue();
    }

    @Test
    void shouldReadDurationsAndCacheTtlZero() {
        VaultOptions options = from(
                Map.of(
                        "uipath.credentials.vault.address", "http://127.0.0.1:8200",
                        "uipath.credentials.vault.connect-timeout", "750ms",
                        "uipath.credentials.vault.read-timeout", "PT2S",
                        "uipath.credentials.vault.cache-ttl", "0"),
                Map.of());

        assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.cacheTtl()).isZero();
    }

    @Test
    void shouldRequireAddressNamingKeyAndVariable() {
        assertThatThrownBy(() -> from(Map.of(), Map.of()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("uipath.credentials.vault.address")
                .hasMessageContaining("VAULT_ADDR")
                .extracting(e -> ((CredentialsException) e).reason())
                .isEqualTo(Reason.CONFIGURATION);
    }

    @Test
    void shouldRejectAddressWithoutHttpScheme() {
        assertThatThrownBy(() -> from(Map.of("uipath.credentials.vault.address", "vault.example:8200"), Map.of()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("http:// or https://");
    }

    @Test
    void shouldRejectClientCertificateWithoutKey() {
        assertThatThrownBy(() -> from(
                        Map.of(
                                "uipath.credentials.vault.address", "https://vault.example",
                                "uipath.credentials.vault.client-cert", "/tmp/cert.pem"),
                        Map.of()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("client-cert and client-key must be set together");
    }

    @Test
    void shouldRejectZeroRetryAttempts() {
        assertThatThrownBy(() -> from(
                        Map.of(
                                "uipath.credentials.vault.address", "https://vault.example",
                                "uipath.credentials.vault.retry.max-attempts", "0"),
                        Map.of()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("retry.max-attempts must be at least 1");
    }

    @Test
    void shouldRejectMalformedBoolean() {
        assertThatThrownBy(() -> from(
                        Map.of(
                                "uipath.credentials.vault.address", "https://vault.example",
                                "uipath.credentials.vault.tls-verify", "yes"),
                        Map.of()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("uipath.credentials.vault.tls-verify must be true or false");
    }
}
