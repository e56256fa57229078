package io.github.uipathbridge.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenOptionsTest {

    private final TestCredentialStore store = IdentityStub.store();

    @Test
    void defaultsAreBodyAuthenticationEightyPercentRefreshAndAFiveMinuteFallbackLifetime() {
        TokenOptions options = builder().build();

        assertThat(options.clientAuthentication()).isEqualTo(ClientAuthentication.BODY);
        assertThat(options.refreshAheadRatio()).isEqualTo(0.8);
        assertThat(options.refreshJitter()).isEqualTo(0.1);
        assertThat(options.expiryMargin()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.defaultLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.maxAttempts()).isEqualTo(3);
    }

    @Test
    void scopesAreSplitOnWhiteSpaceSortedAndDeduplicated() {
        TokenOptions options =
                builder().scopes(List.of("OR.Machines  OR.Jobs", "OR.Jobs")).build();

        assertThat(options.scopes()).containsExactly("OR.Jobs", "OR.Machines");
        assertThat(options.scopeValue()).isEqualTo("OR.Jobs OR.Machines");
    }

    @Test
    void endpointWithUserInfoIsRejectedSoItNeverReachesALogLine() {
        assertThatThrownBy(() -> builder()
                        .tokenEndpoint(URI.create("https://app:pw@cloud.uipath.com/org/identity_/connect/token"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokenEndpoint must not hold user info; use the credential store");
    }

    @Test
    void relativeEndpointIsRejected() {
        assertThatThrownBy(() -> builder()
                        .tokenEndpoint(URI.create("/identity_/connect/token"))
                        .build())
                .hasMessageContaining("absolute http or https URI");
    }

    @Test
    void refreshRatioOutOfRangeIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> builder().refreshAheadRatio(1.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("refreshAheadRatio must be between");
    }

    @Test
    void missingStoreIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> builder().credentialStore(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("credentialStore must not be null");
    }

    @Test
    void toStringNamesEndpointStoreAndScopes() {
        assertThat(builder().build().toString())
                .isEqualTo("TokenOptions[endpoint=https://cloud.uipath.com/org/identity_/connect/token,"
                        + " store=test:store, scopes=[OR.Jobs], clientAuthentication=BODY]");
    }

    private TokenOptions.Builder builder() {
        return TokenOptions.builder()
                .tokenEndpoint(URI.create("https://cloud.uipath.com/org/identity_/connect/token"))
                .credentialStore(store)
                .scope("OR.Jobs");
    }
}
