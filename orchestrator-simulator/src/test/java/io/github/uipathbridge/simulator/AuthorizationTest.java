package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 401 for missing, expired, revoked or forged tokens and 403 for a missing scope, with the older ABP envelope. */
class AuthorizationTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private static OrchestratorSimulator sim;

    @BeforeAll
    static void start() {
        sim = OrchestratorSimulator.start(SimulatorOptions.builder()
                .clock(CLOCK)
                .queueItems(10)
                .rateLimitPerMinute(0)
                .build());
        sim.control().addApp("reader", "reader-secret", List.of("OR.Jobs.Read", "OR.Machines"));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static TestHttp.Response machines(String token) {
        return new ApiCalls(sim, token).get("odata/Machines");
    }

    private static void assertEnvelope(TestHttp.Response response, int status, String message) {
        JsonNode body = response.json();
        assertThat(response.status()).isEqualTo(status);
        assertThat(body.get("message").asText()).isEqualTo(message);
        assertThat(body.get("errorCode").asInt()).isZero();
        assertThat(body.get("result").isNull()).isTrue();
        assertThat(body.get("targetUrl").isNull()).isTrue();
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error").get("message").asText()).isEqualTo(message);
        assertThat(body.get("unAuthorizedRequest").asBoolean()).isTrue();
        assertThat(body.get("__abp").asBoolean()).isTrue();
    }

    @Test
    void missingTokenGets401WithAbpEnvelope() {
        TestHttp.Response response = machines(null);

        assertEnvelope(response, 401, "You are not authenticated!");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void forgedTokenGets401() {
        String token = TestHttp.token(sim);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";

        assertEnvelope(machines(forged), 401, "You are not authenticated!");
    }

    @Test
    void expiredTokenGets401() {
        try (OrchestratorSimulator shortLived = OrchestratorSimulator.start(SimulatorOptions.builder()
                .clock(new MutableClock(Instant.parse("2026-03-01T10:00:00Z")))
                .tokenTtl(Duration.ofSeconds(60))
                .queueItems(10)
                .build())) {
            MutableClock clock = (MutableClock) shortLived.options().clock();
            String token = TestHttp.token(shortLived);
            clock.advance(Duration.ofSeconds(60));

            TestHttp.Response response = new ApiCalls(shortLived, token).get("odata/Machines");

            assertEnvelope(response, 401, "You are not authenticated!");
        }
    }

    @Test
    void revokedTokenGets401ButANewOneWorks() {
        String token = TestHttp.token(sim);
        sim.control().revokeTokens();

        TestHttp.Response revoked = machines(token);
        TestHttp.Response fresh = machines(TestHttp.token(sim));

        assertEnvelope(revoked, 401, "You are not authenticated!");
        assertThat(fresh.status()).isEqualTo(200);
    }

    @Test
    void missingScopeGets403WithAbpEnvelope() {
        String token = TestHttp.token(sim, "reader", "reader-secret", null);

        TestHttp.Response response = new ApiCalls(sim, token).get("odata/Folders");

        assertEnvelope(response, 403, "You are not authorized!");
    }

    @Test
    void readScopeAllowsGetButNotAnAction() {
        ApiCalls reader = new ApiCalls(sim, TestHttp.token(sim, "reader", "reader-secret", null));

        TestHttp.Response get = reader.shared("odata/Jobs?$top=1");
        TestHttp.Response stop = reader.post(
                "odata/Jobs(1)/UiPath.Server.Configuration.OData.StopJob",
                "{\"strategy\":\"SoftStop\"}",
                "X-UIPATH-FolderPath",
                "Shared");

        assertThat(get.status()).isEqualTo(200);
        assertEnvelope(stop, 403, "You are not authorized!");
    }

    @Test
    void broadScopeGrantsReadAndWrite() {
        ApiCalls full = new ApiCalls(sim, TestHttp.token(sim, sim.clientId(), sim.clientSecret(), "OR.Jobs"));

        TestHttp.Response get = full.shared("odata/Jobs?$top=1");
        TestHttp.Response stop = full.post(
                "odata/Jobs(1)/UiPath.Server.Configuration.OData.StopJob",
                "{\"strategy\":\"SoftStop\"}",
                "X-UIPATH-FolderPath",
                "Shared");

        assertThat(get.status()).isEqualTo(200);
        assertThat(stop.status()).isEqualTo(200);
    }
}
