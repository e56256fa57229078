package io.github.uipathbridge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.http.WebhookSignature;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queue items forwarded to a webhook as signed POSTs, retried with backoff, dead-lettered when the receiver stays
 * down.
 */
class QueueItemsToWebhookTest {

    private static final int QUEUE_ITEMS = 30;

    private static final WebhookSignature SIGNATURE = new WebhookSignature(Secret.of("webhook-key-for-tests"));

    @TempDir
    Path work;

    private SimulatedTenant tenant;

    private DefaultCamelContext camel;

    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(work.resolve("secrets"));
        tenant = new SimulatedTenant(SimulatorOptions.builder().queueItems(QUEUE_ITEMS), work.resolve("secrets"));
    }

    @AfterEach
    void stop() {
        camel.stop();
        receiver.close();
        tenant.close();
    }

    @Test
    void shouldDeliverEveryItemExactlyOnceWhenTheReceiverComesBackWithinTheRetries() throws Exception {
        startRoutes(4, 5);

        Long forwarded = camel.createProducerTemplate().requestBody("direct:queue-items", null, Long.class);

        assertThat(forwarded).isEqualTo(QUEUE_ITEMS);
        assertThat(receiver.accepted()).hasSize(QUEUE_ITEMS).doesNotHaveDuplicates();
        assertThat(receiver.requests()).isEqualTo(QUEUE_ITEMS + 4);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void shouldWriteEveryItemToTheDeadLetterFileWhenTheReceiverStaysDown() throws Exception {
        startRoutes(Integer.MAX_VALUE, 2);

        camel.createProducerTemplate().requestBody("direct:queue-items", null, Long.class);

        assertThat(receiver.accepted()).isEmpty();
        assertThat(deadLetters())
                .hasSize(QUEUE_ITEMS)
                .allSatisfy(line -> assertThat(line).startsWith("{\"").contains("\"Id\":"));
    }

    @Test
    void shouldSignEveryBodyWithTheSharedKey() throws Exception {
        startRoutes(0, 0);

        camel.createProducerTemplate().requestBody("direct:queue-items", null, Long.class);

        assertThat(receiver.badSignatures()).isEmpty();
        assertThat(receiver.accepted()).hasSize(QUEUE_ITEMS);
    }

    @Test
    void shouldSendNoOrchestratorCredentialToTheWebhook() throws Exception {
        startRoutes(0, 0);

        camel.createProducerTemplate().requestBody("direct:queue-items", null, Long.class);

        assertThat(receiver.requests()).isEqualTo(QUEUE_ITEMS);
        assertThat(receiver.credentialHeaders()).isEmpty();
    }

    private void startRoutes(int receiverDownFor, int maxRedeliveries) throws Exception {
        receiver = new WebhookReceiver(SIGNATURE, receiverDownFor);
        camel = new DefaultCamelContext();
        WebhookDeliveryRoute delivery = new WebhookDeliveryRoute(
                "queue-items-webhook",
                receiver.url(),
                SIGNATURE,
                "file:" + work.resolve("out") + "?fileName=dead-letter.jsonl&fileExist=Append&appendChars=\\n",
                maxRedeliveries,
                Duration.ofMillis(5),
                Duration.ofMillis(40));
        camel.addRoutes(delivery);
        camel.addRoutes(KeysetExportRoute.builder("queue-items", tenant.connection())
                .entitySet("QueueItems")
                .folderPath("Shared")
                .pageSize(100)
                .to(delivery.deliveryEndpoint())
                .build());
        camel.start();
    }

    private List<String> deadLetters() throws Exception {
        Path file = work.resolve("out/dead-letter.jsonl");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
