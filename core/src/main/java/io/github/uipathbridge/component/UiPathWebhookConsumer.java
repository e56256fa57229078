package io.github.uipathbridge.component;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uipathbridge.camel.StripCredentialsProcessor;
import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.http.WebhookSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Orchestrator webhooks over Camel's platform HTTP (the engine on the class path, such as
 * camel-platform-http-main or camel-platform-http-vertx, serves the path).
 *
 * <p>Each POST is checked against {@code X-UiPath-Signature} before anything else; an unsigned or forged call gets 401
 * and reaches no route. A signed event is handed to the route as a new exchange whose body is the raw JSON text and
 * whose headers are {@link UiPathConstants#EVENT_TYPE} and {@link UiPathConstants#EVENT_ID}, with none of the
 * caller's HTTP headers. The caller gets 202 with an empty body once the route has finished with the event, or 500 if
 * it failed. Orchestrator does not retry and disables a webhook that keeps failing or answering slowly, so the route
 * should hand the event to something durable (a JMS queue, a file) and end there. With an
 * {@link IdempotentRepository}, an EventId seen before is answered 202 and not handed to the route again.
 */
public class UiPathWebhookConsumer extends DefaultConsumer {

    /** The header Orchestrator puts its signature in. */
    public static final String SIGNATURE_HEADER = "X-UiPath-Signature";

    private static final Logger LOG = LoggerFactory.getLogger(UiPathWebhookConsumer.class);

    private final WebhookSignature signature;

    private final StripCredentialsProcessor stripCredentials = new StripCredentialsProcessor();

    private Consumer httpConsumer;

    public UiPathWebhookConsumer(UiPathEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.signature = new WebhookSignature(Secret.of(endpoint.getWebhookSecret()));
    }

    @Override
    public UiPathEndpoint getEndpoint() {
        return (UiPathEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(getEndpoint().getIdempotentRepository());
        String uri = "platform-http:" + getEndpoint().getPath() + "?httpMethodRestrict=POST";
        Endpoint http = getEndpoint().getCamelContext().getEndpoint(uri);
        httpConsumer = http.createConsumer(this::receive);
        ServiceHelper.startService(httpConsumer);
        LOG.info("Receiving UiPath webhooks on {}", getEndpoint().getPath());
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        super.doStop();
    }

    private void receive(Exchange call) throws Exception {
        Message message = call.getMessage();
        byte[] body = message.getBody(byte[].class);
        boolean signed = signature.matches(body, message.getHeader(SIGNATURE_HEADER, String.class));
        message.getHeaders().clear();
        message.setBody(null);
        if (!signed) {
            LOG.warn(
                    "Refused a webhook call on {}: missing or wrong {}",
                    getEndpoint().getPath(),
                    SIGNATURE_HEADER);
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
            return;
        }

        JsonNode event;
        try {
            event = getEndpoint().getComponent().mapper().readTree(body);
        } catch (IOException notJson) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
            return;
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, deliver(body, event) ? 202 : 500);
    }

    /** Hands the event to the route; answers whether it was taken. */
    private boolean deliver(byte[] body, JsonNode event) throws Exception {
        String eventId = event.path("EventId").asText(null);
        IdempotentRepository seen = getEndpoint().getIdempotentRepository();
        if (seen != null && eventId != null && !seen.add(eventId)) {
            LOG.debug("Webhook event {} already received", eventId);
            return true;
        }

        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(new String(body, StandardCharsets.UTF_8));
            exchange.getMessage()
                    .setHeader(UiPathConstants.EVENT_TYPE, event.path("Type").asText(null));
            exchange.getMessage().setHeader(UiPathConstants.EVENT_ID, eventId);
            getProcessor().process(exchange);
            if (exchange.getException() == null) {
                stripCredentials.process(exchange);
                return true;
            }
            getExceptionHandler().handleException("Error processing webhook event " + eventId, exchange.getException());
            if (seen != null && eventId != null) {
                seen.remove(eventId);
            }
            return false;
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
