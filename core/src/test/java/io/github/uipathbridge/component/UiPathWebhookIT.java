package io.github.uipathbridge.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.http.WebhookSignature;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UiPathWebhookIT {

    private static final String SECRET = "CANARY-SECRET-webhook-42";

    private static final String EVENT =
            "{\"Type\":\"job.completed\",\"EventId\":\"6a1f\",\"Timestamp\":\"2024-05-01T10:00:00Z\",\"TenantId\":1}";

    private final HttpClient http = HttpClient.newHttpClient();

    private CamelContext context;

    private MockEndpoint events;

    private int port;

    @BeforeEach
    void startCamel() throws Exception {
        port = freePort();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context = new DefaultCamelContext();
        context.addService(new VertxPlatformHttpServer(server));
        UiPathComponent component = new UiPathComponent();
        component.getConfiguration().setOrchestratorUrl("http://127.0.0.1:1/acme/t/orchestrator_");
        component.setTransport(request -> {
            throw new IOException("a webhook consumer makes no API calls");
        });
        context.addComponent("uipath", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("uipath:webhook?path=/uipath/events&webhookSecret=RAW(" + SECRET + ")")
                        .to("mock:events");
            }
        });
        context.start();
        events = context.getEndpoint("mock:events", MockEndpoint.class);
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    @Test
    void forgedSignatureIsRefusedWith401AndReachesNoRoute() throws Exception {
        String forged = new WebhookSignature(Secret.of("another secret")).sign(bytes(EVENT));

        HttpResponse<String> answer = post(EVENT, forged);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(events.getReceivedCounter()).isZero();
    }

    @Test
    void unsignedCallIsRefusedWith401() throws Exception {
        HttpResponse<String> answer = post(EVENT, null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(events.getReceivedCounter()).isZero();
    }

    @Test
    void signedEventReachesTheRouteOnceWithTypeAndEventId() throws Exception {
        events.expectedMessageCount(1);
        events.expectedBodiesReceived(EVENT);
        events.expectedHeaderReceived(UiPathConstants.EVENT_TYPE, "job.completed");
        events.expectedHeaderReceived(UiPathConstants.EVENT_ID, "6a1f");

        HttpResponse<String> answer = post(EVENT, new WebhookSignature(Secret.of(SECRET)).sign(bytes(EVENT)));

        assertThat(answer.statusCode()).isEqualTo(202);
        events.assertIsSatisfied();
        assertThat(events.getExchanges().get(0).getMessage().getHeaders())
                .doesNotContainKey(UiPathWebhookConsumer.SIGNATURE_HEADER);
    }

    @Test
    void bodyChangedAfterSigningIsRefused() throws Exception {
        String signature = new WebhookSignature(Secret.of(SECRET)).sign(bytes(EVENT));

        HttpResponse<String> answer = post(EVENT.replace("job.completed", "job.faulted"), signature);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(events.getReceivedCounter()).isZero();
    }

    private HttpResponse<String> post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/uipath/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(UiPathWebhookConsumer.SIGNATURE_HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
