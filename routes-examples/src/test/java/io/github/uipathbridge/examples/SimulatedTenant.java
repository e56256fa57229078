package io.github.uipathbridge.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialStores;
import io.github.uipathbridge.credentials.StoreConfig;
import io.github.uipathbridge.http.AuthorizedHttpClient;
import io.github.uipathbridge.simulator.OrchestratorSimulator;
import io.github.uipathbridge.simulator.SimulatorOptions;
import io.github.uipathbridge.token.TokenOptions;
import io.github.uipathbridge.token.TokenService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A simulator with a small seeded tenant, its credentials in a {@code file:} store, and a token service. */
final class SimulatedTenant implements AutoCloseable {

    static final String SCOPES = "OR.Machines.Read OR.Jobs.Read OR.Queues OR.Folders.Read";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrchestratorSimulator simulator;

    private final CredentialStore store;

    private final TokenService tokens = TokenService.create();

    private final OrchestratorConnection connection;

    SimulatedTenant(SimulatorOptions.Builder options, Path secrets) throws IOException {
        this.simulator = OrchestratorSimulator.start(options.build());
        Files.writeString(secrets.resolve("client_id"), simulator.clientId());
        Files.writeString(secrets.resolve("client_secret"), simulator.clientSecret());
        this.store = CredentialStores.open("file:" + secrets, StoreConfig.of(Map.of(), Map.of()));
        TokenOptions tokenOptions = TokenOptions.builder()
                .tokenEndpoint(URI.create(simulator.tokenUrl()))
                .credentialStore(store)
                .scope(SCOPES)
                .build();
        this.connection = new OrchestratorConnection(simulator.orchestratorUrl(), tokens.provider(tokenOptions));
    }

    OrchestratorSimulator simulator() {
        return simulator;
    }

    OrchestratorConnection connection() {
        return connection;
    }

    /** Every entity of a set matching {@code filter}, read directly (not through the routes under test). */
    List<JsonNode> query(String entitySet, String folderPath, String filter) throws Exception {
        String query = "$top=100&$orderby=Id%20asc"
                + (filter == null
                        ? ""
                        : "&$filter="
                                + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                                        .replace("+", "%20"));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(connection.odataEndpoint(entitySet) + "?" + query));
        if (folderPath != null) {
            request.header("X-UIPATH-FolderPath", folderPath);
        }
        HttpResponse<String> answer =
                AuthorizedHttpClient.create(connection.tokens()).send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(entitySet + " answered " + answer.statusCode() + ": " + answer.body());
        }
        List<JsonNode> entities = new ArrayList<>();
        JSON.readTree(answer.body()).path("value").forEach(entities::add);
        return entities;
    }

    @Override
    public void close() {
        tokens.close();
        store.close();
        simulator.close();
    }
}
