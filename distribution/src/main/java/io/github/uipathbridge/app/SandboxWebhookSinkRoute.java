package io.github.uipathbridge.app;

import io.github.uipathbridge.examples.WebhookDeliveryRoute;
import io.github.uipathbridge.http.WebhookSignature;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * The sandbox's stand-in for a team's webhook receiver: accepts the signed POSTs of {@link WebhookDeliveryRoute} over
 * camel-platform-http, checks {@value WebhookDeliveryRoute#SIGNATURE_HEADER}, and appends each accepted body to a
 * JSON-lines file so the sandbox shows what a receiver got. A body with a wrong signature is answered 401.
 */
final class SandboxWebhookSinkRoute extends RouteBuilder {

    static final String ROUTE_ID = "sandbox-webhook-sink";

    static final String PATH = "/sandbox/webhook-sink";

    private static final String VALID = "UiPathSandboxSignatureValid";

    private final WebhookSignature signature;

    private final String fileEndpoint;

    SandboxWebhookSinkRoute(WebhookSignature signature, String fileEndpoint) {
        this.signature = Objects.requireNonNull(signature, "signature must not be null");
        this.fileEndpoint = Objects.requireNonNull(fileEndpoint, "fileEndpoint must not be null");
    }

    @Override
    public void configure() {
        from("platform-http:" + PATH + "?httpMethodRestrict=POST")
                .routeId(ROUTE_ID)
                .convertBodyTo(byte[].class)
                .process(this::check)
                .choice()
                .when(header(VALID).isEqualTo(true))
                .process(exchange -> exchange.getMessage().getHeaders().clear())
                .to(fileEndpoint)
                .process(exchange -> answer(exchange, 200))
                .otherwise()
                .process(exchange -> answer(exchange, 401))
                .end();
    }

    private void check(Exchange exchange) {
        Message message = exchange.getMessage();
        String sent = message.getHeader(WebhookDeliveryRoute.SIGNATURE_HEADER, String.class);
        message.setHeader(VALID, signature.matches(message.getBody(byte[].class), sent));
    }

    private static void answer(Exchange exchange, int status) {
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody("");
    }
}
