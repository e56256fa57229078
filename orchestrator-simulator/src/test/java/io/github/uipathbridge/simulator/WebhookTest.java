package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uipathbridge.simulator.data.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookTest {

    private static final String SECRET = "webhook-signing-key";

    private static long subscribe(ApiCalls api, String url, String events) {
        String body = "{\"Name\":\"receiver\",\"Url\":\"" + url + "\",\"Enabled\":true,\"Secret\":\"" + SECRET
                + "\",\"SubscribeToAllEvents\":" + (events == null) + ",\"AllowInsecureSsl\":false,\"Events\":["
                + (events == null ? "" : "{\"EventType\":\"" + events + "\"}") + "]}";
        return api.post("odata/Webhooks", body).json().get("Id").asLong();
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void deliveriesAreSignedWithHmacOfTheRawBody() throws Exception {
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(
                        SimulatorOptions.builder().queueItems(20).build());
                WebhookReceiver receiver = new WebhookReceiver(200)) {
            subscribe(ApiCalls.withDefaultToken(sim), receiver.url(), null);

            sim.control().advance().join();

            assertThat(receiver.deliveries()).isNotEmpty();
            for (WebhookReceiver.Delivery delivery : receiver.deliveries()) {
                assertThat(delivery.signature()).isEqualTo(hmac(delivery.body()));
            }
            assertThat(sim.control().stats().webhooksSent())
                    .isEqualTo(receiver.deliveries().size());
        }
    }

    @Test
    void jobCompletedEventCarriesTypeEventIdTimestampAndTenant() throws Exception {
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(
                        SimulatorOptions.builder().queueItems(20).build());
                WebhookReceiver receiver = new WebhookReceiver(200)) {
            subscribe(ApiCalls.withDefaultToken(sim), receiver.url(), "job.completed");

            sim.control().advance().join();

            assertThat(receiver.deliveries()).hasSize(1);
            JsonNode event = Json.MAPPER.readTree(receiver.deliveries().get(0).body());
            assertThat(event.get("Type").asText()).isEqualTo("job.completed");
            assertThat(event.get("EventId").asText()).hasSize(32);
            assertThat(event.get("Timestamp").asText()).endsWith("Z");
            assertThat(event.get("TenantId").asLong()).isEqualTo(1);
            assertThat(event.get("Job").get("State").asText()).isEqualTo("Successful");
        }
    }

    @Test
    void failingReceiverIsTriedOnceAndTheWebhookPausedForTheConfiguredTime() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(SimulatorOptions.builder()
                        .clock(clock)
                        .queueItems(20)
                        .webhookDisableDuration(Duration.ofMinutes(10))
                        .build());
                WebhookReceiver receiver = new WebhookReceiver(500)) {
            long id = subscribe(ApiCalls.withDefaultToken(sim), receiver.url(), "robot.status");

            sim.control().advance().join();
            sim.control().advance().join();
            int whilePaused = receiver.deliveries().size();
            clock.advance(Duration.ofMinutes(10));
            sim.control().advance().join();

            assertThat(whilePaused).isEqualTo(1);
            assertThat(sim.control().stats().webhooksFailed()).isEqualTo(2);
            assertThat(receiver.deliveries()).hasSize(2);
            assertThat(sim.control().webhookPausedUntil(id))
                    .contains(clock.instant().plus(Duration.ofMinutes(10)));
        }
    }
}
