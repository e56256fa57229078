package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection and the HTTP control API under /__sandbox/. */
class ControlTest {

    private static OrchestratorSimulator sim;
    private static ApiCalls api;

    @BeforeAll
    static void start() {
        sim = OrchestratorSimulator.start(
                SimulatorOptions.builder().queueItems(20).rateLimitPerMinute(0).build());
        api = new ApiCalls(sim, TestHttp.token(sim), false);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clear() {
        sim.control().clearFaults();
    }

    private static TestHttp.Response control(String method, String path, String json) {
        return TestHttp.request(method, sim.baseUrl() + "/__sandbox/" + path, null, json);
    }

    @Test
    void injectedStatusAnswersTheNextRequestOnly() {
        sim.control().injectStatus(FaultTarget.API, 503, 1);

        TestHttp.Response first = api.get("odata/Machines?$top=1");
        TestHttp.Response second = api.get("odata/Machines?$top=1");

        assertThat(first.status()).isEqualTo(503);
        assertThat(second.status()).isEqualTo(200);
    }

    @Test
    void injectedRateLimitCarriesRetryAfter() {
        sim.control().injectRateLimit(FaultTarget.API, Duration.ofSeconds(7), 1);

        TestHttp.Response response = api.get("odata/Machines?$top=1");

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("7");
    }

    @Test
    void injectedHtmlOnTheTokenEndpointLooksLikeAProxyPage() {
        sim.control().injectHtml(FaultTarget.TOKEN, 502, 1);

        TestHttp.Response response = TestHttp.postForm(sim.tokenUrl(), Map.of("grant_type", "client_credentials"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.contentType()).startsWith("text/html");
    }

    @Test
    void droppedConnectionGivesTheClientAnIoError() {
        // Two, because java.net.http retries an idempotent GET once when the connection closes before an answer.
        sim.control().injectDroppedConnection(FaultTarget.API, 2);

        assertThatThrownBy(() -> api.get("odata/Machines?$top=1")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void injectedLatencyDelaysTheAnswer() {
        sim.control().injectLatency(FaultTarget.API, Duration.ofMillis(300), 1);
        long started = System.nanoTime();

        TestHttp.Response response = api.get("odata/Machines?$top=1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void faultsForTokensDoNotTouchApiCalls() {
        sim.control().injectStatus(FaultTarget.TOKEN, 500, 1);

        assertThat(api.get("odata/Machines?$top=1").status()).isEqualTo(200);
    }

    @Test
    void statsEndpointServesTheCounters() {
        api.get("odata/Machines?$top=1");

        JsonNode stats = control("GET", "stats", null).json();

        assertThat(stats.get("apiRequests").asLong()).isPositive();
        assertThat(stats.get("tokenRequests").asLong()).isPositive();
        assertThat(stats.has("rateLimited")).isTrue();
        assertThat(stats.has("webhooksSent")).isTrue();
        assertThat(stats.has("webhooksFailed")).isTrue();
    }

    @Test
    void faultCanBeInjectedOverHttp() {
        control("POST", "faults", "{\"target\":\"API\",\"kind\":\"STATUS\",\"status\":500,\"times\":1}");

        assertThat(api.get("odata/Machines?$top=1").status()).isEqualTo(500);
    }

    @Test
    void appAddedOverHttpCanRotateItsSecret() {
        control("POST", "apps", "{\"clientId\":\"http-app\",\"clientSecret\":\"one\",\"scopes\":[\"OR.Jobs\"]}");

        String rotated = control("POST", "apps/http-app/rotate-secret", null)
                .json()
                .get("clientSecret")
                .asText();

        assertThat(TestHttp.token(sim, "http-app", rotated, "OR.Jobs")).startsWith("ey");
    }

    @Test
    void queueItemsCanBeAddedOverHttp() {
        JsonNode ids = control(
                        "POST", "queue-items", "{\"folderPath\":\"Shared\",\"queueName\":\"Claims\",\"count\":3}")
                .json()
                .get("ids");

        assertThat(ids).hasSize(3);
        assertThat(api.get("odata/QueueItems(" + ids.get(2).asLong() + ")", "X-UIPATH-FolderPath", "Shared")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void tokensCanBeRevokedOverHttp() {
        sim.control().addApp("revocable", "revocable-secret", List.of("OR.Machines"));
        String token = TestHttp.token(sim, "revocable", "revocable-secret", null);
        control("POST", "tokens/revoke", "{\"clientId\":\"revocable\"}");

        TestHttp.Response revoked = new ApiCalls(sim, token, false).get("odata/Machines?$top=1");
        TestHttp.Response other = api.get("odata/Machines?$top=1");

        assertThat(revoked.status()).isEqualTo(401);
        assertThat(other.status()).isEqualTo(200);
    }
}
