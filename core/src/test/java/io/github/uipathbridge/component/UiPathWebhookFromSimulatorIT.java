package io.github.uipathbridge.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.simulator.SimulatorOptions;
import io.github.uipathbridge.simulator.SimulatorStats;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks as the simulator sends them, signed with the secret registered through a raw call. */
class UiPathWebhookFromSimulatorIT {

    private static final String SECRET = "CANARY-SECRET-simulator-webhook";

    private SimulatorFixture fixture;

    private CamelContext context;

    private int port;

    @BeforeEach
    void start() throws Exception {
        fixture =
                SimulatorFixture.start(SimulatorOptions.builder().queueItems(10).rateLimitPerMinute(0));
        port = freePort();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context = fixture.context(0);
        context.addService(new VertxPlatformHttpServer(server));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("uipath:webhook?path=/uipath/events&webhookSecret=RAW(" + SECRET + ")")
                        .to("mock:events");
                from("direct:register").to("uipath:raw?method=POST&path=/odata/Webhooks");
                from("direct:add").to("uipath:addQueueItem?folderPath=Shared&queueName=Orders");
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        fixture.close();
    }

    @Test
    void everyEventTheSimulatorSendsReachesTheRouteOnceWithItsTypeAndId() throws Exception {
        context.createProducerTemplate()
                .requestBody(
                        "direct:register",
                        Map.of(
                                "Name",
                                "bridge",
                                "Url",
                                "http://127.0.0.1:" + port + "/uipath/events",
                                "Secret",
                                SECRET,
                                "Enabled",
                                true,
                                "SubscribeToAllEvents",
                                true),
                        Map.class);
        MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
        events.expectedMinimumMessageCount(2);

        context.createProducerTemplate().sendBody("direct:add", Map.of("Order", 1));
        fixture.control().advance().get(30, TimeUnit.SECONDS);

        events.assertIsSatisfied();
        SimulatorStats stats = fixture.control().stats();
        assertThat(stats.webhooksFailed()).isZero();
        assertThat(events.getReceivedCounter()).isEqualTo((int) stats.webhooksSent());
        List<Object> ids = events.getExchanges().stream()
                .map(exchange -> exchange.getMessage().getHeader(UiPathConstants.EVENT_ID))
                .toList();
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(events.getExchanges())
                .extracting(exchange -> exchange.getMessage().getHeader(UiPathConstants.EVENT_TYPE, String.class))
                .contains("queueItem.added");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
