package io.github.uipathbridge.camel;

import io.github.uipathbridge.http.ApiUnauthorizedException;
import io.github.uipathbridge.token.AccessToken;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.StreamCache;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one endpoint with a bearer token, retrying once with a new token when the answer is 401. Made by {@link
 * UiPathAuthProcessor#call(String)}.
 *
 * <p>For each exchange it keeps a copy of the request, authorizes it with the {@link UiPathAuthProcessor}, and sends
 * it to the endpoint. A 401 answer (the {@code CamelHttpResponseCode} header, or camel-http's {@code
 * HttpOperationFailedException} when the endpoint throws on failure) evicts exactly the token that was sent; the
 * request copy is then restored, authorized with a newly fetched token and sent once more. If that answer is 401 too,
 * the exchange fails with an {@link ApiUnauthorizedException} whose cause is the endpoint's own failure, if any; a
 * fresh token being refused means the client lacks a scope or a role, which another token would not fix. Whatever
 * happens, {@code Authorization} is removed from the message before the step ends.
 *
 * <p>The request body is sent twice when a retry happens, so it must be re-readable: a {@link StreamCache} is reset,
 * and a plain {@link InputStream} body is read into memory before the first send. Orchestrator request bodies are small
 * JSON documents, so this costs little; it would cost memory for a large streamed upload.
 *
 * <p>The endpoint and its producer are created on the first exchange and stopped with the Camel context. Thread-safe.
 */
public final class AuthorizedCallProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizedCallProcessor.class);

    private final UiPathAuthProcessor auth;

    private final String endpointUri;

    private volatile Producer producer;

    AuthorizedCallProcessor(UiPathAuthProcessor auth, String endpointUri) {
        this.auth = Objects.requireNonNull(auth, "auth must not be null");
        this.endpointUri = Objects.requireNonNull(endpointUri, "endpointUri must not be null");
        if (endpointUri.isBlank()) {
            throw new IllegalArgumentException("endpointUri must not be blank");
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Producer target = producer(exchange.getContext());
        makeBodyReadableTwice(exchange.getMessage());
        Message request = exchange.getMessage().copy();
        try {
            doCall(exchange, target, request, method(request));
        } finally {
            UiPathAuthProcessor.stripToken(exchange);
        }
    }

    private void doCall(Exchange exchange, Producer target, Message request, String method) throws Exception {
        AccessToken sent = auth.authorize(exchange);
        send(target, exchange);
        if (!UiPathAuthProcessor.isUnauthorized(exchange)) {
            return;
        }
        auth.tokenProvider().invalidate(sent);

        LOG.debug("{} answered 401; evicted the token sent and retrying once with a new one", describe(target));
        exchange.setException(null);
        exchange.setIn(request);
        resetBody(request);
        auth.authorize(exchange);
        send(target, exchange);
        if (UiPathAuthProcessor.isUnauthorized(exchange)) {
            exchange.setException(refusedTwice(exchange, target, method));
        }
    }

    // A synchronous producer such as camel-http throws its failure; keep it on the exchange, where 401s are looked for.
    // The answer becomes the in message, as a pipeline does between steps, so that exactly one message carries the
    // token and a retry starts from a clean exchange.
    private static void send(Producer target, Exchange exchange) {
        try {
            target.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        ExchangeHelper.prepareOutToIn(exchange);
    }

    private static ApiUnauthorizedException refusedTwice(Exchange exchange, Producer target, String method) {
        ApiUnauthorizedException refused =
                new ApiUnauthorizedException(method, URI.create(describe(target)), 401, null);
        if (exchange.getException() != null) {
            refused.initCause(exchange.getException());
        }
        return refused;
    }

    // camel-http's own rule: the CamelHttpMethod header if set, else POST with a body and GET without one.
    private static String method(Message request) {
        String method = request.getHeader(Exchange.HTTP_METHOD, String.class);
        if (method != null) {
            return method;
        }
        return request.getBody() == null ? "GET" : "POST";
    }

    private Producer producer(CamelContext context) throws Exception {
        Producer current = producer;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (producer == null) {
                Producer created = context.getEndpoint(endpointUri).createProducer();
                // Started now and stopped when the context stops.
                context.addService(created, true, true);
                producer = created;
            }
            return producer;
        }
    }

    private static void makeBodyReadableTwice(Message message) {
        Object body = message.getBody();
        if (body instanceof InputStream && !(body instanceof StreamCache)) {
            message.setBody(message.getBody(byte[].class));
        }
    }

    private static void resetBody(Message message) {
        if (message.getBody() instanceof StreamCache cache) {
            cache.reset();
        }
    }

    // The endpoint without its query, which may hold credentials of other kinds (camel-http authPassword=...).
    private static String describe(Producer target) {
        return URISupport.sanitizeUri(URISupport.stripQuery(target.getEndpoint().getEndpointUri()));
    }

    @Override
    public String toString() {
        return "AuthorizedCallProcessor[" + URISupport.sanitizeUri(URISupport.stripQuery(endpointUri)) + "]";
    }
}
