package io.github.uipathbridge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uipathbridge.simulator.data.Json;
import io.github.uipathbridge.simulator.http.ApiException;
import io.github.uipathbridge.simulator.http.HttpIo;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Reading and checking JSON action bodies. */
final class Bodies {

    private Bodies() {}

    static JsonNode read(HttpServerExchange exchange) throws IOException {
        byte[] bytes = HttpIo.readBody(exchange);
        if (bytes.length == 0) {
            throw ApiException.badQuery("The request body is empty.");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw ApiException.badQuery("The request body must be a JSON object.");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badQuery("The request is invalid. The body is not valid JSON.");
        }
    }

    static JsonNode requireObject(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw ApiException.badQuery("The request is invalid. '" + field + "' must not be null.");
        }
        return node;
    }

    static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badQuery("The request is invalid. '" + field + "' must be a string.");
        }
        return node.asText();
    }

    static String oneOf(JsonNode parent, String field, Set<String> allowed, String absent) {
        String value = text(parent, field);
        if (value == null) {
            return absent;
        }
        if (!allowed.contains(value)) {
            throw ApiException.badQuery("The request is invalid. '" + value + "' is not a valid " + field + ".");
        }
        return value;
    }

    static Instant date(JsonNode parent, String field) {
        String value = text(parent, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badQuery("The request is invalid. '" + field + "' is not a valid date.");
        }
    }
}
