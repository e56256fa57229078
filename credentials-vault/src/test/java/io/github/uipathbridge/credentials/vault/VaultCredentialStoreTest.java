package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.uipathbridge.credentials.CredentialReference;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialStores;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.credentials.StoreConfig;
import io.github.uipathbridge.credentials.Versions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store without a Vault server: discovery, describe, and retries against a port nobody listens on. */
class VaultCredentialStoreTest {

    @Test
    void shouldBeFoundThroughServiceLoaderForVaultScheme() {
        assertThat(CredentialStores.providers()).containsKey("vault");
        assertThat(CredentialStores.providers().get("vault")).isInstanceOf(VaultCredentialStoreProvider.class);
    }

    @Test
    void shouldDescribeReferenceAndAddressWithoutToken() {
        try (CredentialStore store = CredentialStores.open(
                "vault:secret/uipath/prod?version=3",
                StoreConfig.of(
                        Map.of(
                                "uipath.credentials.vault.address", "https://vault.example:8200",
                                "uipath.credentials.vault.namespace", "team-a"),
                        Map.of("VAULT_TOKEN", "s.CANARYCANARYCANARYCANARY")))) {

            assertThat(store.describe())
                    .isEqualTo("vault:secret/uipath/prod?version=3 (KV v2, fields client_id, client_secret) at"
                            + " https://vault.example:8200 (namespace team-a)");
            assertThat(store.toString()).doesNotContain("CANARY");
        }
    }

    @Test
    void shouldRejectMalformedReferenceWhenOpenedBeforeAnyCall() {
        CredentialsException e = catchThrowableOfType(
                CredentialsException.class,
                () -> CredentialStores.open(
                        "vault:secret?version=x",
                        StoreConfig.of(
                                Map.of(
                                        "uipath.credentials.vault.address", "http://127.0.0.1:1",
                                        "uipath.credentials.vault.token", "t"),
                                Map.of())));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REFERENCE);
    }

    @Test
    void shouldRetryUnreachableVaultWithBackoffThenFailAsUnavailable() throws IOException {
        String address = "http://127.0.0.1:" + closedPort();
        VaultOptions options = VaultOptions.builder()
                .address(address)
                .retryPolicy(RetryPolicy.of(3, Duration.ofMillis(400), Duration.ofSeconds(2)))
                .build();
        List<Duration> waits = new ArrayList<>();
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
        KvSecret secret = KvSecret.parse(CredentialReference.parse("vault:secret/uipath"), options.kvMounts());
        VaultApi api = new VaultApi(options, null, clock);

        try (VaultCredentialStore store =
                new VaultCredentialStore(options, secret, api, new TokenLogin(Secret.of("t")), clock, waits::add)) {
            CredentialsException e = catchThrowableOfType(CredentialsException.class, store::readFresh);

            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e.getMessage()).contains(address, "token lookup failed", "unreachable");
            assertThat(waits).hasSize(2);
            assertThat(waits.get(0)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(waits.get(1)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        }
    }

    @Test
    void shouldComputeKvVersion1DigestThatChangesWithEitherValue() {
        String base = Versions.digestOf("app-1", Secret.of("one"));

        assertThat(base).hasSize(16).isEqualTo(Versions.digestOf("app-1", Secret.of("one")));
        assertThat(Versions.digestOf("app-1", Secret.of("two"))).isNotEqualTo(base);
        assertThat(Versions.digestOf("app-2", Secret.of("one"))).isNotEqualTo(base);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
