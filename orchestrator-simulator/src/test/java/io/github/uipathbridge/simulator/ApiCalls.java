package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

/** Calls the simulator's API with a token and checks each interaction against the OpenAPI contract. */
final class ApiCalls {

    private final OrchestratorSimulator sim;
    private final String token;
    private final boolean validate;
    private final boolean expectInvalidRequest;

    ApiCalls(OrchestratorSimulator sim, String token) {
        this(sim, token, true, false);
    }

    ApiCalls(OrchestratorSimulator sim, String token, boolean validate) {
        this(sim, token, validate, false);
    }

    private ApiCalls(OrchestratorSimulator sim, String token, boolean validate, boolean expectInvalidRequest) {
        this.sim = sim;
        this.token = token;
        this.validate = validate;
        this.expectInvalidRequest = expectInvalidRequest;
    }

    /** The same calls for requests the contract itself forbids: the validator must object to the request only. */
    ApiCalls invalidRequests() {
        return new ApiCalls(sim, token, true, true);
    }

    static ApiCalls withDefaultToken(OrchestratorSimulator sim) {
        return new ApiCalls(sim, TestHttp.token(sim));
    }

    /** GET below the Orchestrator URL, for example {@code odata/Jobs?$top=5}, with header name/value pairs. */
    TestHttp.Response get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, headers);
    }

    TestHttp.Response post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    /** GET in the Shared folder, by path header. */
    TestHttp.Response shared(String pathAndQuery) {
        return get(pathAndQuery, "X-UIPATH-FolderPath", "Shared");
    }

    TestHttp.Response send(String method, String path, String json, String... headers) {
        TestHttp.Response response = TestHttp.request(method, sim.orchestratorUrl() + path, token, json, headers);
        if (validate) {
            Map<String, String> sent = new LinkedHashMap<>();
            for (int i = 0; i + 1 < headers.length; i += 2) {
                sent.put(headers[i], headers[i + 1]);
            }
            if (token != null) {
                sent.put("Authorization", "Bearer " + token);
            }
            var errors = Contract.errors(method, path, sent, json, response);
            if (expectInvalidRequest) {
                assertThat(errors)
                        .as("the contract should refuse the request %s %s", method, path)
                        .isNotEmpty()
                        .allSatisfy(e -> assertThat(e).startsWith("validation.request"));
            } else {
                assertThat(errors)
                        .as("contract errors of %s %s (status %d)", method, path, response.status())
                        .isEmpty();
            }
        }
        return response;
    }
}
