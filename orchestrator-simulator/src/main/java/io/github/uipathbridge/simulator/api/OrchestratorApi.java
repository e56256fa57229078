package io.github.uipathbridge.simulator.api;

import io.github.uipathbridge.simulator.Profile;
import io.github.uipathbridge.simulator.data.Entity;
import io.github.uipathbridge.simulator.data.Folder;
import io.github.uipathbridge.simulator.data.TenantData;
import io.github.uipathbridge.simulator.http.ApiException;
import io.github.uipathbridge.simulator.http.Counters;
import io.github.uipathbridge.simulator.http.HttpIo;
import io.github.uipathbridge.simulator.http.RateLimiter;
import io.github.uipathbridge.simulator.identity.TokenClaims;
import io.github.uipathbridge.simulator.identity.TokenIssuer;
import io.github.uipathbridge.simulator.life.LifeCycle;
import io.github.uipathbridge.simulator.life.WebhookSender;
import io.github.uipathbridge.simulator.odata.EntitySetDef;
import io.github.uipathbridge.simulator.odata.EntityWriter;
import io.github.uipathbridge.simulator.odata.ODataQuery;
import io.github.uipathbridge.simulator.odata.QueryEngine;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Orchestrator API below the tenant's base URL: authentication (401) and scopes (403) with the older ABP
 * envelope, folder context, the per-tenant rate limit, collection and single-entity GETs with OData options, and
 * the actions.
 */
public final class OrchestratorApi {

    private static final Pattern ROUTE = Pattern.compile("^odata/([A-Za-z]+)(?:\\((\\d+)L?\\))?(?:/([A-Za-z.]+))?/?$");
    private static final Map<String, String> SINGULAR = Map.of(
            "Machines",
            "Machine",
            "Folders",
            "Folder",
            "Robots",
            "Robot",
            "Releases",
            "Process",
            "Jobs",
            "Job",
            "QueueDefinitions",
            "Queue",
            "QueueItems",
            "Queue item",
            "Webhooks",
            "Webhook",
            "Assets",
            "Asset");

    private final String baseUrl;
    private final TokenIssuer tokens;
    private final RateLimiter rateLimiter;
    private final Counters counters;
    private final EntitySets sets;
    private final FolderResolver folders;
    private final JobActions jobActions;
    private final QueueActions queueActions;
    private final WebhookActions webhookActions;

    /**
     * @param baseUrl the API base URL ending with {@code /}, used in {@code @odata.context}
     * @param rateLimiter the limiter for GET Jobs and GET QueueItems, or null for none
     */
    public OrchestratorApi(
            String baseUrl,
            TenantData data,
            TokenIssuer tokens,
            RateLimiter rateLimiter,
            Counters counters,
            LifeCycle life,
            WebhookSender webhooks,
            Profile profile,
            Clock clock) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.counters = counters;
        this.sets = new EntitySets(data, profile);
        this.folders = new FolderResolver(data);
        this.jobActions = new JobActions(data, life, sets.find("Jobs"), baseUrl, clock);
        this.queueActions = new QueueActions(data, life, sets.find("QueueItems"), baseUrl, clock);
        this.webhookActions = new WebhookActions(data, webhooks, sets.find("Webhooks"), baseUrl);
    }

    /** The queue actions, for the control handle's "add queue items". */
    public QueueActions queueActions() {
        return queueActions;
    }

    /** Handles a request whose path below the API base is {@code rest} (no leading slash). */
    public void handle(HttpServerExchange exchange, String rest) throws IOException {
        try {
            route(exchange, rest);
        } catch (AuthException e) {
            sendAuthError(exchange, e);
        } catch (ApiException e) {
            HttpIo.sendError(exchange, e);
        }
    }

    private void route(HttpServerExchange exchange, String rest) throws IOException {
        String method = exchange.getRequestMethod().toString();
        Matcher m = ROUTE.matcher(rest);
        if (!m.matches()) {
            throw ApiException.notFound("The requested resource does not exist: " + rest);
        }
        TokenClaims claims = authenticate(exchange);
        String set = m.group(1);
        Long key = m.group(2) == null ? null : Long.parseLong(m.group(2));
        String action = m.group(3);
        String path = action == null ? set : set + "/" + action;
        if (key == null && "GET".equals(method) && sets.find(path) != null) {
            collection(exchange, sets.find(path), claims);
        } else if (key != null && action == null && "GET".equals(method) && sets.find(set) != null) {
            single(exchange, sets.find(set), key, claims);
        } else {
            action(exchange, method, set, key, action, claims);
        }
    }

    private void action(
            HttpServerExchange exchange, String method, String set, Long key, String action, TokenClaims claims)
            throws IOException {
        String route = method + " " + set + (key == null ? "" : "(id)") + (action == null ? "" : "/" + action);
        switch (route) {
            case "POST Jobs/UiPath.Server.Configuration.OData.StartJobs" -> {
                requireScope(claims, "OR.Jobs", true);
                jobActions.startJobs(exchange, folders.require(exchange));
            }
            case "POST Jobs(id)/UiPath.Server.Configuration.OData.StopJob" -> {
                requireScope(claims, "OR.Jobs", true);
                jobActions.stopJob(exchange, folders.require(exchange), key);
            }
            case "POST Queues/UiPathODataSvc.AddQueueItem" -> {
                requireScope(claims, "OR.Queues", true);
                queueActions.addQueueItem(exchange, folders.require(exchange));
            }
            case "POST Queues/UiPathODataSvc.BulkAddQueueItems" -> {
                requireScope(claims, "OR.Queues", true);
                queueActions.bulkAddQueueItems(exchange, folders.require(exchange));
            }
            case "POST Webhooks" -> {
                requireScope(claims, "OR.Webhooks", true);
                webhookActions.create(exchange);
            }
            case "PUT Webhooks(id)", "PATCH Webhooks(id)" -> {
                requireScope(claims, "OR.Webhooks", true);
                webhookActions.update(exchange, key, "PATCH".equals(method));
            }
            case "DELETE Webhooks(id)" -> {
                requireScope(claims, "OR.Webhooks", true);
                webhookActions.delete(exchange, key);
            }
            default -> throw ApiException.notFound("No resource answers " + method + " on this path.");
        }
    }

    private TokenClaims authenticate(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AuthException(401);
        }
        return tokens.verify(header.substring(7).strip()).orElseThrow(() -> new AuthException(401));
    }

    private static void requireScope(TokenClaims claims, String family, boolean write) {
        if (!claims.grants(family, write)) {
            throw new AuthException(403);
        }
    }

    private void collection(HttpServerExchange exchange, EntitySetDef def, TokenClaims claims) throws IOException {
        requireScope(claims, def.scopeFamily(), false);
        Folder folder = def.folderScoped() ? folders.require(exchange) : null;
        if (def.rateLimited() && rateLimiter != null) {
            long retryAfter = rateLimiter.acquire();
            if (retryAfter > 0) {
                sendRateLimited(exchange, retryAfter, counters);
                return;
            }
        }
        ODataQuery query = ODataQuery.parse(HttpIo.decodeForm(exchange.getQueryString()), def);
        QueryEngine.Page page = QueryEngine.run(def, query, folder);
        String context = baseUrl + "odata/$metadata#" + def.name();
        HttpIo.sendJson(exchange, 200, gen -> EntityWriter.writeCollection(gen, context, page, def, query));
    }

    private void single(HttpServerExchange exchange, EntitySetDef def, long key, TokenClaims claims)
            throws IOException {
        requireScope(claims, def.scopeFamily(), false);
        Folder folder = def.folderScoped() ? folders.require(exchange) : null;
        ODataQuery query = ODataQuery.parseSingle(HttpIo.decodeForm(exchange.getQueryString()), def);
        Map<String, Object> entity = def.source().byId(key);
        if (entity == null || (folder != null && Entity.folder(entity) != folder)) {
            throw ApiException.notFound(SINGULAR.getOrDefault(def.name(), "Entity") + " does not exist.");
        }
        String context = baseUrl + "odata/$metadata#" + def.name() + "/$entity";
        HttpIo.sendJson(exchange, 200, gen -> EntityWriter.writeSingle(gen, context, entity, def, query));
    }

    /**
     * 429 with Retry-After in seconds and the usual error envelope. The OpenAPI document does not describe 429, so
     * the body's message and error code 0 are a plausible guess, not a copy of the real answer.
     */
    public static void sendRateLimited(HttpServerExchange exchange, long retryAfterSeconds, Counters counters)
            throws IOException {
        counters.rateLimited.increment();
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(retryAfterSeconds));
        HttpIo.sendError(
                exchange,
                new ApiException(429, 0, "Too many requests. Retry after " + retryAfterSeconds + " seconds."));
    }

    private static void sendAuthError(HttpServerExchange exchange, AuthException e) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", 0);
        error.put("message", e.getMessage());
        error.put("details", e.details());
        error.put("validationErrors", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", e.getMessage());
        body.put("errorCode", 0);
        body.put("result", null);
        body.put("targetUrl", null);
        body.put("success", false);
        body.put("error", error);
        body.put("unAuthorizedRequest", true);
        body.put("__abp", true);
        if (e.status() == 401) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
        }
        HttpIo.sendJson(exchange, e.status(), body);
    }
}
