package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.credentials.Secret;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VaultTokenTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static final Secret VALUE = Secret.of("s.CANARYCANARYCANARYCANARY");

    @Test
    void shouldRefreshAfterTwoThirdsOfLease() {
        VaultToken token = VaultToken.issued(VALUE, T0, Duration.ofSeconds(30), Duration.ofSeconds(30), true);

        assertThat(token.refreshAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(token.expiresAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void shouldBeExpiredFromExpiryOn() {
        VaultToken token = VaultToken.issued(VALUE, T0, Duration.ofSeconds(30), Duration.ofSeconds(30), true);

        assertThat(token.isExpired(T0.plusSeconds(29))).isFalse();
        assertThat(token.isExpired(T0.plusSeconds(30))).isTrue();
    }

    @Test
    void shouldNeverExpireWithoutLease() {
        VaultToken root = VaultToken.issued(VALUE, T0, Duration.ZERO, Duration.ZERO, false);

        assertThat(root.expires()).isFalse();
        assertThat(root.isExpired(T0.plus(Duration.ofDays(3650)))).isFalse();
    }

    @Test
    void shouldRenewWhileRenewalGrantsFullTtl() {
        VaultToken token = VaultToken.issued(VALUE, T0, Duration.ofHours(1), Duration.ofHours(1), true);

        VaultToken renewed = token.renewed(T0.plusSeconds(2400), Duration.ofHours(1));

        assertThat(renewed.shouldRenew()).isTrue();
        assertThat(renewed.expiresAt()).isEqualTo(T0.plusSeconds(2400 + 3600));
    }

    @Test
    void shouldLogInAgainAfterRenewalCutShortByMaxTtl() {
        VaultToken token = VaultToken.issued(VALUE, T0, Duration.ofHours(1), Duration.ofHours(1), true);

        VaultToken capped = token.renewed(T0.plusSeconds(2400), Duration.ofMinutes(20));

        assertThat(capped.atMaxTtl()).isTrue();
        assertThat(capped.shouldRenew()).isFalse();
    }

    @Test
    void shouldLogInAgainRatherThanRenewTokenThatIsNotRenewable() {
        VaultToken batch = VaultToken.issued(VALUE, T0, Duration.ofMinutes(5), Duration.ofMinutes(5), false);

        assertThat(batch.shouldRenew()).isFalse();
    }

    @Test
    void shouldHideTokenInToString() {
        VaultToken token = VaultToken.issued(VALUE, T0, Duration.ofSeconds(30), Duration.ofSeconds(30), true);

        assertThat(token.toString()).doesNotContain("CANARY").contains("******");
    }
}
