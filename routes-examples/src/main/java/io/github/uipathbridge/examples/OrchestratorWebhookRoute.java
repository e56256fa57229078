package io.github.uipathbridge.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.uipathbridge.http.WebhookSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Receives Orchestrator webhooks over camel-platform-http and turns each event into an {@code AddQueueItem} call, once
 * per {@code EventId}.
 *
 * <p>For each POST: the {@value WebhookDeliveryRoute#SIGNATURE_HEADER} header must be the Base64 HMAC-SHA256 of the raw
 * body under the webhook secret, else the answer is 401 and nothing is called. An {@code EventId} already accepted
 * (kept in the {@link IdempotentRepository}) is answered 200 and not queued again; a new one becomes a queue item whose
 * {@code Reference} is the {@code EventId} (so a queue with unique references refuses a repeat as well, which is also
 * answered 200) and whose specific content holds the event type, time, tenant and the whole event as JSON text. The
 * answer is then 202 with an empty body; Orchestrator answer headers never go back to the caller.
 *
 * <p>The queue item is added before the answer goes out, so a slow Orchestrator makes the webhook answer slow; a
 * receiver facing many events should put them on a JMS queue first and answer at once.
 */
public final class OrchestratorWebhookRoute extends RouteBuilder {

    /** Header holding the {@code EventId} of the event being handled. */
    public static final String EVENT_ID = "UiPathEventId";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String VALID = "UiPathWebhookSignatureValid";

    private final String routeId;

    private final String path;

    private final WebhookSignature signature;

    private final OrchestratorConnection connection;

    private final String folderPath;

    private final String queueName;

    private final IdempotentRepository accepted;

    /**
     * Creates the route.
     *
     * @param routeId the route id
     * @param path the platform-http path, for example {@code /uipath/webhooks}
     * @param signature checks each body against the webhook secret
     * @param connection the Orchestrator queue items are added to
     * @param folderPath the folder of the queue
     * @param queueName the queue
     * @param accepted the {@code EventId}s accepted so far; a file repository keeps them across restarts
     */
    public OrchestratorWebhookRoute(
            String routeId,
            String path,
            WebhookSignature signature,
            OrchestratorConnection connection,
            String folderPath,
            String queueName,
            IdempotentRepository accepted) {
        this.routeId = Objects.requireNonNull(routeId, "routeId must not be null");
        this.path = Objects.requireNonNull(path, "path must not be null");
        this.signature = Objects.requireNonNull(signature, "signature must not be null");
        this.connection = Objects.requireNonNull(connection, "connection must not be null");
        this.folderPath = Objects.requireNonNull(folderPath, "folderPath must not be null");
        this.queueName = Objects.requireNonNull(queueName, "queueName must not be null");
        this.accepted = Objects.requireNonNull(accepted, "accepted must not be null");
    }

    @Override
    public void configure() {
        onException(HttpOperationFailedException.class)
                .onWhen(exchange -> exchange.getException(HttpOperationFailedException.class)
                                .getStatusCode()
                        == 409)
                .handled(true)
                .process(exchange -> answer(exchange, 200));

        from("platform-http:" + path + "?httpMethodRestrict=POST")
                .routeId(routeId)
                .convertBodyTo(byte[].class)
                .process(this::checkSignature)
                .filter(header(VALID).isEqualTo(false))
                .process(exchange -> answer(exchange, 401))
                .stop()
                .end()
                .process(this::readEvent)
                .idempotentConsumer(header(EVENT_ID))
                .idempotentRepository(accepted)
                .skipDuplicate(false)
                .filter(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                .process(exchange -> answer(exchange, 200))
                .stop()
                .end()
                .process(connection
                        .auth(folderPath)
                        .call(connection.odataEndpoint("Queues/UiPathODataSvc.AddQueueItem")))
                .process(exchange -> answer(exchange, 202))
                .end();
    }

    private void checkSignature(Exchange exchange) {
        Message message = exchange.getMessage();
        String sent = message.getHeader(WebhookDeliveryRoute.SIGNATURE_HEADER, String.class);
        message.setHeader(VALID, signature.matches(message.getBody(byte[].class), sent));
    }

    private void readEvent(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        byte[] raw = message.getBody(byte[].class);
        JsonNode event = JSON.readTree(raw);
        String eventId = event.path("EventId").asText("");
        if (eventId.isBlank()) {
            throw new IllegalArgumentException("webhook event has no EventId");
        }

        ObjectNode content = JSON.createObjectNode();
        content.put("EventType", event.path("Type").asText(""));
        content.put("EventId", eventId);
        content.put("Timestamp", event.path("Timestamp").asText(""));
        content.put("TenantId", event.path("TenantId").asText(""));
        content.put("Event", new String(raw, StandardCharsets.UTF_8));
        ObjectNode itemData = JSON.createObjectNode()
                .put("Name", queueName)
                .put("Reference", eventId)
                .put("Priority", "Normal");
        itemData.set("SpecificContent", content);
        ObjectNode request = JSON.createObjectNode();
        request.set("itemData", itemData);

        message.getHeaders().clear();
        message.setHeader(EVENT_ID, eventId);
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(JSON.writeValueAsBytes(request));
    }

    private static void answer(Exchange exchange, int status) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setBody("");
    }
}
