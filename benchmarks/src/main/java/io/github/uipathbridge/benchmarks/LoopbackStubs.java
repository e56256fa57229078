package io.github.uipathbridge.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.token.TokenOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counting identity server and a minimal Orchestrator API on loopback, for the benchmark and the counting harness.
 *
 * <p>The identity server answers every token request with a new JWT-sized token valid for an hour, after an optional
 * delay. The API answers an empty OData page, or 401 to a request without a bearer token, so a variant that forgot
 * the token fails loudly.
 */
final class LoopbackStubs implements AutoCloseable {

    static final String CLIENT_ID = "bench-client";

    static final String CLIENT_SECRET = "bench-secret";

    static final String SCOPE = "OR.Machines";

    private final AtomicInteger tokenRequests = new AtomicInteger();

    private final AtomicInteger apiRequests = new AtomicInteger();

    private final Set<String> tokensSeen = ConcurrentHashMap.newKeySet();

    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-stub");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpServer server;

    private volatile Duration tokenDelay = Duration.ZERO;

    LoopbackStubs() throws IOException {
        // The JDK server writes headers and body apart; with Nagle on, delayed ACKs add 40 ms to every answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/identity_/connect/token", this::answerToken);
        server.createContext("/org/tenant/orchestrator_/", this::answerApi);
        server.setExecutor(executor);
        server.start();
    }

    String tokenEndpoint() {
        return base() + "/identity_/connect/token";
    }

    /** The OData URL of an entity set, for example {@code Machines}. */
    String odata(String entitySet) {
        return base() + "/org/tenant/orchestrator_/odata/" + entitySet;
    }

    TokenOptions tokenOptions() {
        return TokenOptions.builder()
                .tokenEndpoint(URI.create(tokenEndpoint()))
                .credentialStore(new FixedStore())
                .scope(SCOPE)
                .build();
    }

    /** How long the identity server waits before answering, as a real one does under load. */
    void tokenDelay(Duration delay) {
        this.tokenDelay = delay;
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    int apiRequests() {
        return apiRequests.get();
    }

    /** How many different Authorization values the API received. */
    int distinctTokensSeen() {
        return tokensSeen.size();
    }

    void resetCounts() {
        tokenRequests.set(0);
        apiRequests.set(0);
        tokensSeen.clear();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answerToken(HttpExchange exchange) throws IOException {
        int n = tokenRequests.incrementAndGet();
        drain(exchange);
        pause();
        respond(
                exchange,
                200,
                "{\"access_token\":\"" + FakeJwt.token(n)
                        + "\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"" + SCOPE + "\"}");
    }

    private void answerApi(HttpExchange exchange) throws IOException {
        apiRequests.incrementAndGet();
        drain(exchange);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            tokensSeen.add(authorization);
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            respond(exchange, 401, "{\"message\":\"You are not authenticated!\",\"unAuthorizedRequest\":true}");
            return;
        }
        respond(exchange, 200, "{\"@odata.context\":\"$metadata#Machines\",\"value\":[]}");
    }

    private void pause() {
        long millis = tokenDelay.toMillis();
        if (millis > 0) {
            try {
                // The delay is the point of the cold-start scenario: callers pile up while the request is in flight.
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static final class FixedStore implements CredentialStore {

        private final ClientCredentials credentials =
                ClientCredentials.of(CLIENT_ID, Secret.of(CLIENT_SECRET), "v1", "benchmark");

        @Override
        public ClientCredentials read() {
            return credentials;
        }

        @Override
        public ClientCredentials readFresh() {
            return credentials;
        }

        @Override
        public String describe() {
            return "fixed:benchmark";
        }
    }
}
