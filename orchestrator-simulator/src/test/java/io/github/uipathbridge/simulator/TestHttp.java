package io.github.uipathbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uipathbridge.simulator.data.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A tiny HTTP client for the tests: form posts, bearer GETs and JSON posts, answers as text and JSON. */
final class TestHttp {

    static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    private TestHttp() {}

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Response postForm(String url, Map<String, String> fields, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .headers(headers.length == 0 ? new String[] {"Accept", "application/json"} : headers)
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    static Response postJson(String url, String token, String json, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    static Response request(String method, String url, String token, String json, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    static Response get(String url, String token, String... headers) {
        return request("GET", url, token, null, headers);
    }

    /** A token for the simulator's default app, all scopes. */
    static String token(OrchestratorSimulator sim) {
        return token(sim, sim.clientId(), sim.clientSecret(), null);
    }

    static String token(OrchestratorSimulator sim, String clientId, String secret, String scope) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "client_credentials");
        fields.put("client_id", clientId);
        fields.put("client_secret", secret);
        if (scope != null) {
            fields.put("scope", scope);
        }
        Response response = postForm(sim.tokenUrl(), fields);
        if (response.status() != 200) {
            throw new IllegalStateException("token request failed with " + response.status());
        }
        return response.json().get("access_token").asText();
    }

    /** Encodes an OData query value for a URL. */
    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
