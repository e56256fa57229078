package io.github.uipathbridge.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.uipathbridge.http.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on loopback that refuses the first {@code downFor} requests with 503, then accepts. */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;

    private final WebhookSignature signature;

    private final AtomicInteger refusalsLeft;

    private final AtomicInteger requests = new AtomicInteger();

    private final List<String> accepted = new CopyOnWriteArrayList<>();

    private final List<String> badSignatures = new CopyOnWriteArrayList<>();

    private final List<String> credentialHeaders = new CopyOnWriteArrayList<>();

    WebhookReceiver(WebhookSignature signature, int downFor) throws IOException {
        this.signature = signature;
        this.refusalsLeft = new AtomicInteger(downFor);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Idempotency keys of the requests answered 200, in arrival order. */
    List<String> accepted() {
        return accepted;
    }

    List<String> badSignatures() {
        return badSignatures;
    }

    /** Names of credential headers that reached the receiver; there must be none. */
    List<String> credentialHeaders() {
        return credentialHeaders;
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.incrementAndGet();
        for (String name : exchange.getRequestHeaders().keySet()) {
            if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Cookie")) {
                credentialHeaders.add(name);
            }
        }
        int status = 200;
        if (refusalsLeft.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0) {
            status = 503;
        } else if (!signature.matches(body, exchange.getRequestHeaders().getFirst("X-UiPath-Signature"))) {
            badSignatures.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            status = 401;
        } else {
            accepted.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
