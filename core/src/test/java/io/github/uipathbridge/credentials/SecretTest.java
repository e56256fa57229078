package io.github.uipathbridge.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

    private static final String VALUE = "CANARY-SECRET-value";

    @Test
    void toStringIsAMask() {
        assertThat(Secret.of(VALUE).toString()).isEqualTo("******");
    }

    @Test
    void fingerprintIsStableAndChangesWithTheSecret() {
        assertThat(Secret.of(VALUE).fingerprint())
                .isEqualTo(Secret.of(VALUE).fingerprint())
                .isNotEqualTo(Secret.of(VALUE + "2").fingerprint())
                .doesNotContain(VALUE)
                .hasSize(64);
    }

    @Test
    void emptySecretIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> Secret.of("")).hasMessage("secret value must not be null or empty");
    }
}
