package io.github.uipathbridge.simulator.identity;

import io.github.uipathbridge.simulator.http.Counters;
import io.github.uipathbridge.simulator.http.HttpIo;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identity server's token endpoint for the client credentials grant (RFC 6749 section 4.4). Client
 * authentication in the form body or with HTTP Basic (credentials form-decoded after Base64, RFC 6749 section
 * 2.3.1). Checks run in the order IdentityServer uses: client, grant type, grant allowed for client, scopes.
 */
public final class IdentityHandler {

    private final AppRegistry apps;
    private final TokenIssuer issuer;
    private final Counters counters;

    public IdentityHandler(AppRegistry apps, TokenIssuer issuer, Counters counters) {
        this.apps = apps;
        this.issuer = issuer;
        this.counters = counters;
    }

    public void handle(HttpServerExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod().toString())) {
            HttpIo.sendEmpty(exchange, 405);
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            // The real front door answers anything but a form post with its single-page app: 200 and HTML.
            HttpIo.sendHtml(exchange, 200);
            return;
        }
        Map<String, String> form = HttpIo.decodeForm(new String(HttpIo.readBody(exchange), StandardCharsets.UTF_8));
        handleForm(exchange, form);
    }

    private void handleForm(HttpServerExchange exchange, Map<String, String> form) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        String[] credentials = basic ? basicCredentials(authorization) : bodyCredentials(form);
        Optional<App> app = credentials == null ? Optional.empty() : apps.find(credentials[0]);
        if (app.isEmpty() || !app.get().secretMatches(credentials[1])) {
            if (basic) {
                // RFC 6749 section 5.2: 401 with a challenge when the client authenticated through the header.
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Basic realm=\"identity\"");
            }
            sendError(exchange, basic ? 401 : 400, "invalid_client");
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            sendError(exchange, 400, "unsupported_grant_type");
            return;
        }
        if (!app.get().clientCredentialsAllowed()) {
            sendError(exchange, 400, "unauthorized_client");
            return;
        }
        Set<String> scopes = requestedScopes(form.get("scope"), app.get());
        if (scopes == null) {
            sendError(exchange, 400, "invalid_scope");
            return;
        }
        sendToken(exchange, app.get(), scopes);
    }

    private static String[] basicCredentials(String authorization) {
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String[] bodyCredentials(Map<String, String> form) {
        String id = form.get("client_id");
        return id == null ? null : new String[] {id, form.get("client_secret")};
    }

    /** The scopes to grant, or null when one requested is not granted to the app; none requested means all. */
    private static Set<String> requestedScopes(String scope, App app) {
        if (scope == null || scope.isBlank()) {
            return app.scopes();
        }
        Set<String> requested = new LinkedHashSet<>(Arrays.asList(scope.strip().split("\\s+")));
        return app.scopes().containsAll(requested) ? requested : null;
    }

    private void sendToken(HttpServerExchange exchange, App app, Set<String> scopes) throws IOException {
        String token = issuer.issue(app.clientId(), scopes);
        counters.tokensIssued.increment();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("expires_in", issuer.ttl().toSeconds());
        body.put("token_type", "Bearer");
        body.put("scope", String.join(" ", scopes));
        noStore(exchange);
        HttpIo.sendJson(exchange, 200, body);
    }

    private static void sendError(HttpServerExchange exchange, int status, String error) throws IOException {
        noStore(exchange);
        HttpIo.sendJson(exchange, status, Map.of("error", error));
    }

    private static void noStore(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store, no-cache, max-age=0");
        exchange.getResponseHeaders().put(Headers.PRAGMA, "no-cache");
    }
}
