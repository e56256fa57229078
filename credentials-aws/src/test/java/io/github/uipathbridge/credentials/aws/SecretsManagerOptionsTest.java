package io.github.uipathbridge.credentials.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import io.github.uipathbridge.credentials.StoreConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryMode;

class SecretsManagerOptionsTest {

    @Test
    void shouldLeaveRegionEndpointProfileAndRetryToSdkWhenUnset() {
        SecretsManagerOptions options = SecretsManagerOptions.from(config(Map.of()));

        assertThat(options.region()).isEmpty();
        assertThat(options.endpoint()).isEmpty();
        assertThat(options.profile()).isEmpty();
        assertThat(options.retryMode()).isEmpty();
        assertThat(options.maxAttempts()).isEmpty();
        assertThat(options.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.apiCallTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldReadEverySetting() {
        SecretsManagerOptions options = SecretsManagerOptions.from(config(Map.ofEntries(
                Map.entry("uipath.credentials.aws.region", "eu-west-1"),
                Map.entry("uipath.credentials.aws.endpoint", "http://127.0.0.1:4566"),
                Map.entry("uipath.credentials.aws.profile", "prod"),
                Map.entry("uipath.credentials.aws.client-id", "app"),
                Map.entry("uipath.credentials.aws.client-id-key", "id"),
                Map.entry("uipath.credentials.aws.client-secret-key", "secret"),
                Map.entry("uipath.credentials.aws.cache-ttl", "0s"),
                Map.entry("uipath.credentials.aws.connect-timeout", "2s"),
                Map.entry("uipath.credentials.aws.read-timeout", "3s"),
                Map.entry("uipath.credentials.aws.api-call-timeout", "PT4S"),
                Map.entry("uipath.credentials.aws.retry-mode", "adaptive"),
                Map.entry("uipath.credentials.aws.max-attempts", "5"))));

        assertThat(options.region()).contains("eu-west-1");
        assertThat(options.endpoint()).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(options.profile()).contains("prod");
        assertThat(options.clientId()).contains("app");
        assertThat(options.clientIdKey()).isEqualTo("id");
        assertThat(options.clientSecretKey()).isEqualTo("secret");
        assertThat(options.cacheTtl()).isZero();
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.apiCallTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.retryMode()).contains(RetryMode.ADAPTIVE_V2);
        assertThat(options.maxAttempts()).contains(5);
    }

    @Test
    void shouldRefuseEndpointThatIsNotHttpUrl() {
        CredentialsException e = refused("uipath.credentials.aws.endpoint", "127.0.0.1:4566");

        assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
        assertThat(e.getMessage())
                .isEqualTo(
                        "Setting uipath.credentials.aws.endpoint must be an http or https URL, not '127.0.0.1:4566'");
    }

    @Test
    void shouldRefuseZeroTimeout() {
        CredentialsException e = refused("uipath.credentials.aws.connect-timeout", "0s");

        assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
        assertThat(e.getMessage()).contains("uipath.credentials.aws.connect-timeout must be more than zero");
    }

    @Test
    void shouldRefuseUnknownRetryMode() {
        CredentialsException e = refused("uipath.credentials.aws.retry-mode", "eager");

        assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
        assertThat(e.getMessage()).contains("must be standard, adaptive or legacy, not 'eager'");
    }

    @Test
    void shouldRefuseMaxAttemptsBelowOne() {
        CredentialsException e = refused("uipath.credentials.aws.max-attempts", "0");

        assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
        assertThat(e.getMessage()).contains("uipath.credentials.aws.max-attempts must be a whole number of at least 1");
    }

    private static StoreConfig config(Map<String, String> settings) {
        return StoreConfig.of(settings, Map.of());
    }

    private static CredentialsException refused(String key, String value) {
        return catchThrowableOfType(
                CredentialsException.class, () -> SecretsManagerOptions.from(config(Map.of(key, value))));
    }
}
