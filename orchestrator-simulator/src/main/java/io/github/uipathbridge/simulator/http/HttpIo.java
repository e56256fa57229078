package io.github.uipathbridge.simulator.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.uipathbridge.simulator.data.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Reading requests and writing answers on a blocking Undertow exchange (worker thread, blocking mode started). */
public final class HttpIo {

    public static final String JSON = "application/json; charset=utf-8";
    private static final String HTML_PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>UiPath</title></head><body><noscript>You need to enable JavaScript to run this app.</noscript>"
            + "<div id=\"root\"></div></body></html>";

    /** Writes a JSON body to a stream. */
    @FunctionalInterface
    public interface JsonBody {
        void write(JsonGenerator gen) throws IOException;
    }

    private HttpIo() {}

    public static byte[] readBody(HttpServerExchange exchange) throws IOException {
        return exchange.getInputStream().readAllBytes();
    }

    /** Form or query decoding: {@code +} is a space and %XX are UTF-8 bytes; the first value of a name wins. */
    public static Map<String, String> decodeForm(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badQuery("Malformed percent-encoding in '" + name + "'.");
            }
        }
        return values;
    }

    /** Streams a JSON answer. */
    public static void sendJson(HttpServerExchange exchange, int status, JsonBody body) throws IOException {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        OutputStream out = exchange.getOutputStream();
        try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
            body.write(gen);
        }
    }

    /** Sends a small, fully built JSON answer with a Content-Length. */
    public static void sendJson(HttpServerExchange exchange, int status, Object value) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(value);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
        exchange.getOutputStream().write(bytes);
        exchange.endExchange();
    }

    /** The Orchestrator error envelope {@code {"message","errorCode","traceId"}}. */
    public static void sendError(HttpServerExchange exchange, ApiException error) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", error.getMessage());
        body.put("errorCode", error.errorCode());
        body.put("traceId", traceId());
        sendJson(exchange, error.status(), body);
    }

    /** An HTML page, as the real front door serves for requests it does not route to an API. */
    public static void sendHtml(HttpServerExchange exchange, int status) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getResponseSender().send(HTML_PAGE);
    }

    public static void sendEmpty(HttpServerExchange exchange, int status) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
        exchange.endExchange();
    }

    /** A W3C-style trace id, as the real service puts in error answers. */
    public static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }
}
