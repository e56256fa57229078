package io.github.uipathbridge.examples;

import io.github.uipathbridge.http.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Posts each JSON record sent to {@code direct:<routeId>} to a webhook, signed, retried with exponential backoff, and
 * written to a dead-letter JSON-lines file when the receiver stays down, so no record is lost.
 *
 * <p>Each POST carries {@value #SIGNATURE_HEADER} (Base64 HMAC-SHA256 of the body, as Orchestrator signs its own
 * webhooks) and {@value #IDEMPOTENCY_HEADER} (the record's {@code Id}), so a receiver can check the sender and drop a
 * repeat. A record is retried only when the POST failed (an answer outside 2xx or no answer); a receiver that accepted
 * a record but whose answer was lost sees it again with the same {@value #IDEMPOTENCY_HEADER}.
 *
 * <p>Used as the target of a {@link KeysetExportRoute}: the exchange that reached the dead-letter file counts as
 * handled, so the export moves on and the watermark passes it; replay the dead-letter file to deliver it later.
 */
public final class WebhookDeliveryRoute extends RouteBuilder {

    /** Header with Base64 of HMAC-SHA256 of the body. */
    public static final String SIGNATURE_HEADER = "X-UiPath-Signature";

    /** Header with the {@code Id} of the record. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final String PAYLOAD = "UiPathWebhookPayload";

    private final String routeId;

    private final String webhookUrl;

    private final WebhookSignature signature;

    private final String deadLetterUri;

    private final int maxRedeliveries;

    private final Duration initialDelay;

    private final Duration maxDelay;

    /**
     * Creates the route.
     *
     * @param routeId the route id and {@code direct:} name
     * @param webhookUrl the receiver, an {@code http:} or {@code https:} URL
     * @param signature signs each body
     * @param deadLetterUri where records go after the last retry, for example {@code
     *     file:out?fileName=dead-letter.jsonl&fileExist=Append&appendChars=\n}
     * @param maxRedeliveries retries after the first attempt
     * @param initialDelay pause before the first retry, doubled for each next one
     * @param maxDelay longest pause between retries
     */
    public WebhookDeliveryRoute(
            String routeId,
            String webhookUrl,
            WebhookSignature signature,
            String deadLetterUri,
            int maxRedeliveries,
            Duration initialDelay,
            Duration maxDelay) {
        this.routeId = Objects.requireNonNull(routeId, "routeId must not be null");
        this.webhookUrl = requireHttp(webhookUrl);
        this.signature = Objects.requireNonNull(signature, "signature must not be null");
        this.deadLetterUri = Objects.requireNonNull(deadLetterUri, "deadLetterUri must not be null");
        this.maxRedeliveries = maxRedeliveries;
        this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay must not be null");
        this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay must not be null");
        if (maxRedeliveries < 0) {
            throw new IllegalArgumentException("maxRedeliveries must not be negative, not " + maxRedeliveries);
        }
    }

    /** The {@code direct:} endpoint records are sent to. */
    public String deliveryEndpoint() {
        return "direct:" + routeId;
    }

    @Override
    public void configure() {
        from(deliveryEndpoint())
                .routeId(routeId)
                .errorHandler(deadLetterChannel("direct:" + routeId + "-dead-letter")
                        .maximumRedeliveries(maxRedeliveries)
                        .redeliveryDelay(initialDelay.toMillis())
                        .useExponentialBackOff()
                        .backOffMultiplier(2)
                        .maximumRedeliveryDelay(maxDelay.toMillis())
                        .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                        .logExhausted(true)
                        .logExhaustedMessageBody(false)
                        .logStackTrace(false))
                .setProperty(PAYLOAD, body())
                .process(this::prepare)
                .to(withoutClientRetries(webhookUrl));

        from("direct:" + routeId + "-dead-letter")
                .routeId(routeId + "-dead-letter")
                .process(exchange -> {
                    exchange.getMessage().getHeaders().clear();
                    exchange.getMessage().setBody(exchange.getProperty(PAYLOAD));
                })
                .to(deadLetterUri);
    }

    private void prepare(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8);
        Object id = exchange.getProperty(KeysetPaging.RECORD_ID);

        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader(SIGNATURE_HEADER, signature.sign(body));
        if (id != null) {
            exchange.getMessage().setHeader(IDEMPOTENCY_HEADER, id.toString());
        }
    }

    // Apache HttpClient 5 retries a 503 or 429 on its own after a second; the route's redelivery policy decides
    // instead.
    private String withoutClientRetries(String url) {
        String bean = routeId + "-http-client";
        HttpClientConfigurer noRetries = HttpClientBuilder::disableAutomaticRetries;
        getContext().getRegistry().bind(bean, noRetries);
        return url + (url.contains("?") ? "&" : "?") + "httpClientConfigurer=#" + bean;
    }

    private static String requireHttp(String url) {
        Objects.requireNonNull(url, "webhookUrl must not be null");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("webhookUrl must be an http or https URL, not '" + url + "'");
        }
        return url;
    }
}
