package io.github.uipathbridge.credentials.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.credentials.CredentialReference;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.http.AuthorizedHttpClient;
import io.github.uipathbridge.simulator.OrchestratorSimulator;
import io.github.uipathbridge.simulator.SimulatorOptions;
import io.github.uipathbridge.token.TokenOptions;
import io.github.uipathbridge.token.TokenService;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A client secret rotated in Secrets Manager (moto) and in the identity server (the Orchestrator simulator) while the
 * application runs: the core token service, reading through the {@code aws:} store, keeps Orchestrator calls
 * succeeding without a restart.
 *
 * <p>The store caches for an hour, so only the token service's reaction to {@code invalid_client} (read fresh, then
 * pending) can pick up the new secret. Revoking the simulator's tokens stands in for the old token expiring.
 */
class RotationEndToEndIT {

    private final SecretsManagerClient admin = Moto.adminClient();

    private final OrchestratorSimulator simulator = OrchestratorSimulator.start(SimulatorOptions.defaults());

    private final CallCounter calls = new CallCounter();

    private final String secretName = Moto.uniqueName("rotation-e2e");

    private CredentialStore store;

    private TokenService tokens;

    private AuthorizedHttpClient orchestrator;

    @BeforeEach
    void startApplication() {
        Moto.createString(admin, secretName, Moto.json(simulator.clientId(), simulator.clientSecret()));
        store = new AwsSecretsManagerStoreProvider()
                .open(
                        CredentialReference.parse("aws:" + secretName),
                        Moto.config(SecretsManagerOptions.CACHE_TTL, "1h"),
                        Clock.systemUTC(),
                        List.of(calls));
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
        store.close();
        simulator.close();
        admin.close();
    }

    @Test
    void shouldKeepCallingOrchestratorAfterSecretWasRotatedEverywhere() throws Exception {
        assertThat(machines().statusCode()).isEqualTo(200);
        String rotated = simulator.control().rotateSecret(simulator.clientId());
        String newVersion = Moto.put(admin, secretName, Moto.json(simulator.clientId(), rotated), "AWSCURRENT");
        simulator.control().revokeTokens(simulator.clientId());

        HttpResponse<String> answer = machines();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(store.read().version()).isEqualTo(newVersion);
        assertThat(calls.count("GetSecretValue")).isEqualTo(2);
    }

    @Test
    void shouldKeepCallingOrchestratorWhenRotationIsCaughtHalfWay() throws Exception {
        assertThat(machines().statusCode()).isEqualTo(200);
        String oldVersion = store.read().version();
        String rotated = simulator.control().rotateSecret(simulator.clientId());
        Moto.put(admin, secretName, Moto.json(simulator.clientId(), rotated), "AWSPENDING");
        simulator.control().revokeTokens(simulator.clientId());

        HttpResponse<String> answer = machines();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(store.readFresh().version()).isEqualTo(oldVersion);
    }

    private HttpResponse<String> machines() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.orchestratorUrl() + "odata/Machines"))
                .GET();
        return orchestrator.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
