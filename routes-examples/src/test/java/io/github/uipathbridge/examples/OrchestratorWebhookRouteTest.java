package io.github.uipathbridge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.http.WebhookSignature;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orchestrator webhooks received over platform-http become AddQueueItem calls, once per EventId. */
class OrchestratorWebhookRouteTest {

    private static final WebhookSignature SIGNATURE = new WebhookSignature(Secret.of("orchestrator-webhook-secret"));

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    private SimulatedTenant tenant;

    private DefaultCamelContext camel;

    private int port;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(work.resolve("secrets"));
        tenant = new SimulatedTenant(SimulatorOptions.builder().queueItems(5), work.resolve("secrets"));
        port = freePort();

        camel = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(server));
        camel.addRoutes(new OrchestratorWebhookRoute(
                "orchestrator-webhooks",
                "/uipath/webhooks",
                SIGNATURE,
                tenant.connection(),
                "Shared",
                "Claims",
                MemoryIdempotentRepository.memoryIdempotentRepository(100)));
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        tenant.close();
    }

    @Test
    void shouldAddOneQueueItemPerEvent() throws Exception {
        HttpResponse<String> answer = post(event("evt-1001"), true);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(tenant.query("QueueItems", "Shared", "Reference eq 'evt-1001'"))
                .singleElement()
                .satisfies(item -> assertThat(
                                item.path("SpecificContent").path("EventType").asText())
                        .isEqualTo("job.faulted"));
    }

    @Test
    void shouldAddNothingForARepeatedEventId() throws Exception {
        post(event("evt-2002"), true);

        HttpResponse<String> repeat = post(event("evt-2002"), true);

        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(tenant.query("QueueItems", "Shared", "Reference eq 'evt-2002'"))
                .hasSize(1);
    }

    @Test
    void shouldRefuseABadSignatureAndAddNothing() throws Exception {
        HttpResponse<String> answer = post(event("evt-3003"), false);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(tenant.query("QueueItems", "Shared", "Reference eq 'evt-3003'"))
                .isEmpty();
    }

    @Test
    void shouldSendNoOrchestratorHeadersBackToTheCaller() throws Exception {
        HttpResponse<String> answer = post(event("evt-4004"), true);

        assertThat(answer.headers().map().keySet())
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("x-uipath"))
                .noneMatch(name -> name.equalsIgnoreCase("authorization"));
    }

    private HttpResponse<String> post(String body, boolean signed) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = signed ? SIGNATURE.sign(bytes) : SIGNATURE.sign("other".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/uipath/webhooks"))
                .header("Content-Type", "application/json")
                .header("X-UiPath-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String event(String eventId) {
        return "{\"Type\":\"job.faulted\",\"EventId\":\"" + eventId + "\",\"Timestamp\":\"2026-12-03T10:00:00Z\","
                + "\"TenantId\":1,\"Job\":{\"Id\":42,\"State\":\"Faulted\"}}";
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
