package io.github.uipathbridge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uipathbridge.simulator.data.Entity;
import io.github.uipathbridge.simulator.data.TenantData;
import io.github.uipathbridge.simulator.http.ApiException;
import io.github.uipathbridge.simulator.http.HttpIo;
import io.github.uipathbridge.simulator.life.WebhookSender;
import io.github.uipathbridge.simulator.odata.EntitySetDef;
import io.github.uipathbridge.simulator.odata.EntityWriter;
import io.github.uipathbridge.simulator.odata.ODataQuery;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Create, update (PUT replaces, PATCH merges) and delete of webhook subscriptions (tenant level). */
final class WebhookActions {

    private final TenantData data;
    private final WebhookSender sender;
    private final EntitySetDef webhooks;
    private final String baseUrl;

    WebhookActions(TenantData data, WebhookSender sender, EntitySetDef webhooks, String baseUrl) {
        this.data = data;
        this.sender = sender;
        this.webhooks = webhooks;
        this.baseUrl = baseUrl;
    }

    void create(HttpServerExchange exchange) throws IOException {
        JsonNode body = Bodies.read(exchange);
        Map<String, Object> created = data.webhooks().add(id -> {
            Map<String, Object> e = Entity.create();
            e.put("Key", UUID.randomUUID().toString());
            apply(e, body, false);
            e.put("Id", id);
            return e;
        });
        send(exchange, 201, created);
    }

    void update(HttpServerExchange exchange, long id, boolean merge) throws IOException {
        JsonNode body = Bodies.read(exchange);
        Map<String, Object> existing = data.webhooks().byId(id);
        if (existing == null) {
            throw ApiException.notFound("Webhook does not exist.");
        }
        Map<String, Object> updated = Entity.create();
        updated.put("Key", existing.get("Key"));
        if (merge) {
            updated.putAll(existing);
        }
        apply(updated, body, merge);
        updated.put("Id", id);
        data.webhooks().put(updated);
        sender.resume(id);
        send(exchange, 200, updated);
    }

    void delete(HttpServerExchange exchange, long id) {
        if (data.webhooks().remove(id) == null) {
            throw ApiException.notFound("Webhook does not exist.");
        }
        HttpIo.sendEmpty(exchange, 204);
    }

    private void send(HttpServerExchange exchange, int status, Map<String, Object> webhook) throws IOException {
        String context = baseUrl + "odata/$metadata#Webhooks/$entity";
        ODataQuery query = ODataQuery.parseSingle(Map.of(), webhooks);
        HttpIo.sendJson(exchange, status, gen -> EntityWriter.writeSingle(gen, context, webhook, webhooks, query));
    }

    private static void apply(Map<String, Object> e, JsonNode body, boolean merge) {
        String url = Bodies.text(body, "Url");
        String name = Bodies.text(body, "Name");
        if (!merge || url != null) {
            e.put("Url", checkUrl(url));
        }
        if (!merge || name != null) {
            if (name == null || name.isBlank() || name.length() > 128) {
                throw ApiException.badQuery("The request is invalid. 'Name' is required (at most 128 characters).");
            }
            e.put("Name", name);
        }
        putIfGiven(e, "Description", Bodies.text(body, "Description"), merge, "");
        putIfGiven(e, "Secret", Bodies.text(body, "Secret"), merge, null);
        putBoolean(e, body, "Enabled", merge, true);
        putBoolean(e, body, "SubscribeToAllEvents", merge, false);
        putBoolean(e, body, "AllowInsecureSsl", merge, false);
        if (!merge || body.has("Events")) {
            e.put("Events", events(body.path("Events")));
        }
    }

    private static String checkUrl(String url) {
        try {
            URI uri = url == null ? null : URI.create(url);
            if (uri == null || !uri.isAbsolute() || !List.of("http", "https").contains(uri.getScheme())) {
                throw ApiException.badQuery("The request is invalid. 'Url' must be an absolute http or https URL.");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw ApiException.badQuery("The request is invalid. 'Url' must be an absolute http or https URL.");
        }
    }

    private static void putIfGiven(Map<String, Object> e, String field, String value, boolean merge, String absent) {
        if (value != null) {
            e.put(field, value);
        } else if (!merge) {
            e.put(field, absent);
        }
    }

    private static void putBoolean(Map<String, Object> e, JsonNode body, String field, boolean merge, boolean absent) {
        JsonNode node = body.get(field);
        if (node != null && !node.isNull() && !node.isBoolean()) {
            throw ApiException.badQuery("The request is invalid. '" + field + "' must be a boolean.");
        }
        if (node != null && node.isBoolean()) {
            e.put(field, node.asBoolean());
        } else if (!merge) {
            e.put(field, absent);
        }
    }

    private static List<Map<String, Object>> events(JsonNode events) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (JsonNode event : events) {
            String type = Bodies.text(event, "EventType");
            if (type == null || type.isBlank()) {
                throw ApiException.badQuery("The request is invalid. Each event needs an 'EventType'.");
            }
            list.add(Map.of("EventType", type));
        }
        return list;
    }
}
