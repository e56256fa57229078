package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uipathbridge.simulator.data.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdentityTest {

    private static final String SECRET = "s3cr+t/with&odd=chars";
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static OrchestratorSimulator sim;

    @BeforeAll
    static void start() {
        sim = OrchestratorSimulator.start(SimulatorOptions.builder()
                .clientSecret(SECRET)
                .clock(new MutableClock(START))
                .tokenTtl(Duration.ofMinutes(30))
                .queueItems(10)
                .build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static TestHttp.Response request(Map<String, String> form) {
        return TestHttp.postForm(sim.tokenUrl(), form);
    }

    private static Map<String, String> clientCredentials(String scope) {
        return scope == null
                ? Map.of("grant_type", "client_credentials", "client_id", sim.clientId(), "client_secret", SECRET)
                : Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        sim.clientId(),
                        "client_secret",
                        SECRET,
                        "scope",
                        scope);
    }

    private static JsonNode claims(String jwt) throws Exception {
        return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void tokenAnswerHasAccessTokenExpiryTypeAndScopeButNoRefreshToken() {
        TestHttp.Response response = request(clientCredentials("OR.Jobs OR.Queues.Read"));

        JsonNode body = response.json();
        assertThat(response.status()).isEqualTo(200);
        assertThat(body.get("expires_in").asLong()).isEqualTo(1800);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("scope").asText()).isEqualTo("OR.Jobs OR.Queues.Read");
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void tokenIsAnRs256JwtWithTheDocumentedClaims() throws Exception {
        String jwt =
                request(clientCredentials("OR.Jobs")).json().get("access_token").asText();

        JsonNode header = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        JsonNode claims = claims(jwt);
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(claims.get("iat").asLong()).isEqualTo(START.getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(START.plusSeconds(1800).getEpochSecond());
        assertThat(claims.get("client_id").asText()).isEqualTo(sim.clientId());
        assertThat(claims.get("scope").get(0).asText()).isEqualTo("OR.Jobs");
        assertThat(claims.get("prt_id").asText()).isNotBlank();
        assertThat(claims.get("iss").asText()).endsWith("/identity_");
        assertThat(claims.get("aud").asText()).isEqualTo("UiPath.Orchestrator");
    }

    @Test
    void basicAuthenticationIsFormDecodedAfterBase64() {
        String pair = URLEncoder.encode(sim.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        String basic = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));

        TestHttp.Response response =
                TestHttp.postForm(sim.tokenUrl(), Map.of("grant_type", "client_credentials"), "Authorization", basic);

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void rawBasicCredentialsWithReservedCharactersAreRejected() {
        String raw = sim.clientId() + ":" + SECRET;
        String basic = "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));

        TestHttp.Response response =
                TestHttp.postForm(sim.tokenUrl(), Map.of("grant_type", "client_credentials"), "Authorization", basic);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void wrongSecretInBodyIsInvalidClientWith400() {
        TestHttp.Response response = request(
                Map.of("grant_type", "client_credentials", "client_id", sim.clientId(), "client_secret", "nope"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void wrongSecretInBasicHeaderIsInvalidClientWith401AndChallenge() {
        String basic =
                "Basic " + Base64.getEncoder().encodeToString("sandbox-client:nope".getBytes(StandardCharsets.UTF_8));

        TestHttp.Response response =
                TestHttp.postForm(sim.tokenUrl(), Map.of("grant_type", "client_credentials"), "Authorization", basic);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void unknownScopeIsInvalidScope() {
        TestHttp.Response response = request(clientCredentials("OR.Jobs OR.Everything"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void otherGrantTypeIsUnsupportedGrantType() {
        TestHttp.Response response =
                request(Map.of("grant_type", "password", "client_id", sim.clientId(), "client_secret", SECRET));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void appWithoutClientCredentialsGrantIsUnauthorizedClient() {
        sim.control().addApp("user-app", "user-secret", List.of("OR.Jobs"), false);

        TestHttp.Response response = request(
                Map.of("grant_type", "client_credentials", "client_id", "user-app", "client_secret", "user-secret"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void jsonBodyGetsTheHtmlPageWith200AsTheRealFrontDoorGives() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.tokenUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"))
                .build();

        HttpResponse<String> response = TestHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void tenantlessCloudPathAlsoIssuesTokens() {
        TestHttp.Response response =
                TestHttp.postForm(sim.baseUrl() + "/identity_/connect/token", clientCredentials("OR.Jobs"));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void rotatedSecretReplacesTheOldOne() {
        sim.control().addApp("rotating-app", "first-secret", List.of("OR.Jobs"));
        String newSecret = sim.control().rotateSecret("rotating-app");

        TestHttp.Response old = request(Map.of(
                "grant_type", "client_credentials", "client_id", "rotating-app", "client_secret", "first-secret"));
        TestHttp.Response fresh = request(
                Map.of("grant_type", "client_credentials", "client_id", "rotating-app", "client_secret", newSecret));

        assertThat(old.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(fresh.status()).isEqualTo(200);
    }

    @Test
    void tokenRequestsAreCounted() {
        long before = sim.control().stats().tokenRequests();

        request(clientCredentials(null));
        request(Map.of("grant_type", "client_credentials"));

        assertThat(sim.control().stats().tokenRequests()).isEqualTo(before + 2);
    }

    @Test
    void onPremisesProfileServesIdentityWithoutUnderscore() {
        try (OrchestratorSimulator onprem = OrchestratorSimulator.start(SimulatorOptions.builder()
                .profile(Profile.ONPREM)
                .clientSecret(SECRET)
                .queueItems(10)
                .build())) {
            TestHttp.Response response = TestHttp.postForm(
                    onprem.baseUrl() + "/identity/connect/token",
                    Map.of(
                            "grant_type",
                            "client_credentials",
                            "client_id",
                            onprem.clientId(),
                            "client_secret",
                            SECRET));

            assertThat(onprem.tokenUrl()).endsWith("/identity/connect/token");
            assertThat(response.status()).isEqualTo(200);
        }
    }
}
