package io.github.uipathbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uipathbridge.simulator.data.Json;
import io.github.uipathbridge.simulator.http.ApiException;
import io.github.uipathbridge.simulator.http.HttpIo;
import io.github.uipathbridge.simulator.identity.AppRegistry;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP control API under {@code /__sandbox/}, for tests in other processes. It mirrors {@link SimulatorControl}:
 *
 * <pre>
 * GET    /__sandbox/stats
 * POST   /__sandbox/faults                 {"target":"API|TOKEN|ANY","kind":"LATENCY|STATUS|RATE_LIMIT|DROP|HTML",
 *                                          "status":503,"millis":2000,"retryAfterSeconds":30,"times":1}
 * DELETE /__sandbox/faults
 * POST   /__sandbox/tokens/revoke          {"clientId":"optional"}
 * POST   /__sandbox/apps                   {"clientId","clientSecret","scopes":[...],"clientCredentials":true}
 * POST   /__sandbox/apps/{id}/rotate-secret -> {"clientSecret":"..."}
 * POST   /__sandbox/folders/renumber       -> {"folders":[{"path","id","key"}]}
 * GET    /__sandbox/folders
 * POST   /__sandbox/queue-items            {"folderPath":"Shared","queueName":"Invoices","count":10} -> {"ids":[...]}
 * POST   /__sandbox/advance                {"ticks":1}
 * </pre>
 *
 * The control API needs no token: it exists only on the loopback simulator.
 */
final class ControlHandler {

    private volatile SimulatorControl control;
    private volatile OrchestratorSimulator simulator;

    void bind(SimulatorControl control, OrchestratorSimulator simulator) {
        this.control = control;
        this.simulator = simulator;
    }

    void handle(HttpServerExchange exchange, String path) throws IOException {
        String route = exchange.getRequestMethod() + " " + path;
        try {
            dispatch(exchange, route, path);
        } catch (IllegalArgumentException e) {
            HttpIo.sendError(exchange, ApiException.badQuery(e.getMessage()));
        }
    }

    private void dispatch(HttpServerExchange exchange, String route, String path) throws IOException {
        if (route.equals("GET stats")) {
            HttpIo.sendJson(exchange, 200, control.stats());
        } else if (route.equals("POST faults")) {
            injectFault(body(exchange));
            HttpIo.sendEmpty(exchange, 204);
        } else if (route.equals("DELETE faults")) {
            control.clearFaults();
            HttpIo.sendEmpty(exchange, 204);
        } else if (route.equals("POST tokens/revoke")) {
            revoke(body(exchange));
            HttpIo.sendEmpty(exchange, 204);
        } else if (route.equals("POST apps")) {
            HttpIo.sendJson(exchange, 201, addApp(body(exchange)));
        } else if (route.startsWith("POST apps/") && route.endsWith("/rotate-secret")) {
            String clientId = path.substring("apps/".length(), path.length() - "/rotate-secret".length());
            HttpIo.sendJson(exchange, 200, Map.of("clientSecret", control.rotateSecret(clientId)));
        } else if (route.equals("POST folders/renumber")) {
            control.renumberFolders();
            HttpIo.sendJson(exchange, 200, Map.of("folders", simulator.folderListing()));
        } else if (route.equals("GET folders")) {
            HttpIo.sendJson(exchange, 200, Map.of("folders", simulator.folderListing()));
        } else if (route.equals("POST queue-items")) {
            JsonNode body = body(exchange);
            List<Long> ids = control.addQueueItems(
                    body.path("folderPath").asText("Shared"),
                    body.path("queueName").asText("Invoices"),
                    body.path("count").asInt(1));
            HttpIo.sendJson(exchange, 201, Map.of("ids", ids));
        } else if (route.equals("POST advance")) {
            advance(body(exchange).path("ticks").asInt(1));
            HttpIo.sendJson(exchange, 200, control.stats());
        } else {
            throw ApiException.notFound("No control operation " + route);
        }
    }

    private static JsonNode body(HttpServerExchange exchange) throws IOException {
        byte[] bytes = HttpIo.readBody(exchange);
        return bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(bytes);
    }

    private void injectFault(JsonNode body) {
        FaultTarget target =
                FaultTarget.valueOf(body.path("target").asText("API").toUpperCase(Locale.ROOT));
        int times = body.path("times").asInt(1);
        switch (body.path("kind").asText("").toUpperCase(Locale.ROOT)) {
            case "LATENCY" ->
                control.injectLatency(
                        target, Duration.ofMillis(body.path("millis").asLong(1000)), times);
            case "STATUS" -> control.injectStatus(target, body.path("status").asInt(503), times);
            case "RATE_LIMIT" ->
                control.injectRateLimit(
                        target,
                        Duration.ofSeconds(body.path("retryAfterSeconds").asLong(60)),
                        times);
            case "DROP" -> control.injectDroppedConnection(target, times);
            case "HTML" -> control.injectHtml(target, body.path("status").asInt(200), times);
            default -> throw new IllegalArgumentException("kind must be LATENCY, STATUS, RATE_LIMIT, DROP or HTML");
        }
    }

    private void revoke(JsonNode body) {
        String clientId = body.path("clientId").asText(null);
        if (clientId == null) {
            control.revokeTokens();
        } else {
            control.revokeTokens(clientId);
        }
    }

    private Map<String, Object> addApp(JsonNode body) {
        String clientId = body.path("clientId").asText(null);
        if (clientId == null) {
            throw new IllegalArgumentException("clientId is required");
        }
        String secret = body.path("clientSecret").asText(AppRegistry.newSecret());
        List<String> scopes = new ArrayList<>();
        body.path("scopes").forEach(s -> scopes.add(s.asText()));
        control.addApp(clientId, secret, scopes, body.path("clientCredentials").asBoolean(true));
        return Map.of("clientId", clientId, "clientSecret", secret);
    }

    private void advance(int ticks) {
        for (int i = 0; i < ticks; i++) {
            control.advance().join();
        }
    }
}
