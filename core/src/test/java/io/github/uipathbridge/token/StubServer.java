package io.github.uipathbridge.token;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A counting HTTP stub on loopback (the JDK's built-in server): records every request per path and answers from a
 * responder per path. A reply may wait on a latch, so a test decides when the server answers.
 */
public final class StubServer implements AutoCloseable {

    private final HttpServer server;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    private final Map<String, Function<Recorded, Reply>> responders = new ConcurrentHashMap<>();

    private final Map<String, List<Recorded>> requests = new ConcurrentHashMap<>();

    private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();

    private StubServer(HttpServer server) {
        this.server = server;
    }

    public static StubServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StubServer stub = new StubServer(server);
            server.setExecutor(stub.executor);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start stub server", e);
        }
    }

    /** Answers requests to {@code path} with {@code responder}. */
    public StubServer on(String path, Function<Recorded, Reply> responder) {
        responders.put(path, responder);
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Recorded> requests(String path) {
        return List.copyOf(requests.getOrDefault(path, List.of()));
    }

    public int count(String path) {
        return requests.getOrDefault(path, List.of()).size();
    }

    /** A latch that replies can wait on; released on {@link #close()} at the latest. */
    public CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    @Override
    public void close() {
        gates.forEach(CountDownLatch::countDown);
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Recorded recorded = record(exchange);
            requests.computeIfAbsent(recorded.path(), path -> new CopyOnWriteArrayList<>())
                    .add(recorded);
            Function<Recorded, Reply> responder = responders.get(recorded.path());
            Reply reply = responder == null ? Reply.status(404) : responder.apply(recorded);
            await(reply);
            send(exchange, reply);
        }
    }

    private static Recorded record(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        return new Recorded(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), headers, body);
    }

    private static void await(Reply reply) {
        try {
            if (reply.gate() != null) {
                reply.gate().await(30, TimeUnit.SECONDS);
            }
            if (!reply.delay().isZero()) {
                // The identity server's own slowness, which the test is about; no test thread sleeps.
                Thread.sleep(reply.delay().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A request as the server saw it; header names in lower case. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The body decoded as a form, every value of every field, as a server would decode it. */
        public Map<String, List<String>> form() {
            Map<String, List<String>> fields = new ConcurrentHashMap<>();
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
            return fields;
        }

        /** The single value of a form field, or null. */
        public String field(String name) {
            List<String> values = form().get(name);
            return values == null ? null : values.get(0);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** What the stub answers. */
    public record Reply(
            int status,
            String contentType,
            String body,
            Map<String, String> headers,
            Duration delay,
            CountDownLatch gate) {

        public static Reply status(int status) {
            return new Reply(status, null, "", Map.of(), Duration.ZERO, null);
        }

        public static Reply json(int status, String body) {
            return new Reply(status, "application/json; charset=utf-8", body, Map.of(), Duration.ZERO, null);
        }

        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body, Map.of(), Duration.ZERO, null);
        }

        public Reply after(Duration delay) {
            return new Reply(status, contentType, body, headers, delay, gate);
        }

        public Reply when(CountDownLatch gate) {
            return new Reply(status, contentType, body, headers, delay, gate);
        }

        public Reply header(String name, String value) {
            Map<String, String> more = new ConcurrentHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, contentType, body, Map.copyOf(more), delay, gate);
        }
    }
}
