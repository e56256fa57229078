package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.http.AuthorizedHttpClient;
import io.github.uipathbridge.simulator.OrchestratorSimulator;
import io.github.uipathbridge.simulator.SimulatorOptions;
import io.github.uipathbridge.token.TokenOptions;
import io.github.uipathbridge.token.TokenService;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client secret rotated in OpenBao (a new KV version) and in the identity server (the Orchestrator simulator) while
 * the application runs: the core token service, reading through the {@code vault:} store, keeps Orchestrator calls
 * succeeding without a restart.
 *
 * <p>The store caches for an hour, so only the token service's {@code readFresh()} after {@code invalid_client} can
 * pick up the new version. Revoking the simulator's tokens stands in for the old token expiring.
 */
class VaultRotationEndToEndIT {

    private final OpenBaoAdmin bao = OpenBaoAdmin.fromEnvironment();

    private final VaultStores stores = new VaultStores(bao.address());

    private final OrchestratorSimulator simulator = OrchestratorSimulator.start(SimulatorOptions.defaults());

    private final String path = OpenBaoAdmin.unique("uipath/rotation");

    private VaultCredentialStore store;

    private TokenService tokens;

    private AuthorizedHttpClient orchestrator;

    @BeforeEach
    void startApplication() {
        bao.writeKv2(
                "secret", path, Map.of("client_id", simulator.clientId(), "client_secret", simulator.clientSecret()));
        store = stores.open("vault:secret/" + path, Map.of("token", bao.rootToken(), "cache-ttl", "1h"));
        tokens = TokenService.create();
        orchestrator = AuthorizedHttpClient.create(tokens.provider(TokenOptions.builder()
                .tokenEndpoint(URI.create(simulator.tokenUrl()))
                .credentialStore(store)
                .scope("OR.Machines")
                .build()));
    }

    @AfterEach
    void stopApplication() {
        tokens.close();
        stores.close();
        simulator.close();
    }

    @Test
    void shouldKeepCallingOrchestratorAfterSecretWasRotatedInVaultAndIdentityServer() throws Exception {
        assertThat(machines().statusCode()).isEqualTo(200);
        String rotated = simulator.control().rotateSecret(simulator.clientId());
        int newVersion =
                bao.writeKv2("secret", path, Map.of("client_id", simulator.clientId(), "client_secret", rotated));
        simulator.control().revokeTokens(simulator.clientId());
        long tokenRequestsBefore = simulator.control().stats().tokenRequests();
        long vaultReadsBefore = store.vaultReadCount();

        HttpResponse<String> answer = machines();

        assertThat(answer.statusCode()).isEqualTo(200);
        // A plain expiry costs one token request; the rotation costs one more: the old secret is refused with
        // invalid_client, the store is read fresh (one Vault read, past its one-hour cache), the new secret is granted.
        assertThat(simulator.control().stats().tokenRequests() - tokenRequestsBefore)
                .isEqualTo(2);
        assertThat(store.vaultReadCount() - vaultReadsBefore).isEqualTo(1);
        assertThat(store.read().version()).isEqualTo(Integer.toString(newVersion));
    }

    private HttpResponse<String> machines() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.orchestratorUrl() + "odata/Machines"))
                .GET();
        return orchestrator.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
