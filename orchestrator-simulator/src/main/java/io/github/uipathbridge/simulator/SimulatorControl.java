package io.github.uipathbridge.simulator;

import io.github.uipathbridge.simulator.api.OrchestratorApi;
import io.github.uipathbridge.simulator.data.Folder;
import io.github.uipathbridge.simulator.data.TenantData;
import io.github.uipathbridge.simulator.http.Counters;
import io.github.uipathbridge.simulator.http.Fault;
import io.github.uipathbridge.simulator.http.FaultInjector;
import io.github.uipathbridge.simulator.identity.AppRegistry;
import io.github.uipathbridge.simulator.identity.TokenIssuer;
import io.github.uipathbridge.simulator.life.LifeCycle;
import io.github.uipathbridge.simulator.life.WebhookSender;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Java handle on a running simulator, the same operations as the HTTP control API under {@code /__sandbox/}.
 * Faults apply to the next {@code times} matching requests, in the order they were injected. Thread-safe.
 */
public final class SimulatorControl {

    private final Counters counters;
    private final FaultInjector faults;
    private final AppRegistry apps;
    private final TokenIssuer tokens;
    private final TenantData data;
    private final LifeCycle life;
    private final WebhookSender webhooks;
    private final OrchestratorApi api;

    SimulatorControl(
            Counters counters,
            FaultInjector faults,
            AppRegistry apps,
            TokenIssuer tokens,
            TenantData data,
            LifeCycle life,
            WebhookSender webhooks,
            OrchestratorApi api) {
        this.counters = counters;
        this.faults = faults;
        this.apps = apps;
        this.tokens = tokens;
        this.data = data;
        this.life = life;
        this.webhooks = webhooks;
        this.api = api;
    }

    /** The counters now. */
    public SimulatorStats stats() {
        return counters.snapshot();
    }

    /** Delays the next {@code times} matching requests by {@code delay}, then answers them normally. */
    public void injectLatency(FaultTarget target, Duration delay, int times) {
        Objects.requireNonNull(delay, "delay");
        faults.add(target, new Fault(Fault.Kind.LATENCY, 0, delay), times);
    }

    /** Answers the next {@code times} matching requests with {@code status} (for example 500 or 503). */
    public void injectStatus(FaultTarget target, int status, int times) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        }
        faults.add(target, new Fault(Fault.Kind.STATUS, status, Duration.ZERO), times);
    }

    /** Answers the next {@code times} matching requests with 429 and {@code Retry-After} in whole seconds. */
    public void injectRateLimit(FaultTarget target, Duration retryAfter, int times) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        faults.add(target, new Fault(Fault.Kind.RATE_LIMIT, 429, retryAfter), times);
    }

    /** Closes the connection of the next {@code times} matching requests without answering. */
    public void injectDroppedConnection(FaultTarget target, int times) {
        faults.add(target, new Fault(Fault.Kind.DROP, 0, Duration.ZERO), times);
    }

    /** Answers the next {@code times} matching requests with an HTML page and {@code status}. */
    public void injectHtml(FaultTarget target, int status, int times) {
        faults.add(target, new Fault(Fault.Kind.HTML, status, Duration.ZERO), times);
    }

    /** Forgets every fault not yet applied. */
    public void clearFaults() {
        faults.clear();
    }

    /** Every token issued so far is refused from now on (401). */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** Every token issued so far to this client is refused from now on (401). */
    public void revokeTokens(String clientId) {
        tokens.revoke(Objects.requireNonNull(clientId, "clientId"));
    }

    /** Gives the app a new random secret and returns it; the old one stops working, issued tokens stay valid. */
    public String rotateSecret(String clientId) {
        return apps.rotate(clientId);
    }

    /** Registers an app allowed the client credentials grant with the given scopes (replacing one of that id). */
    public void addApp(String clientId, String clientSecret, Collection<String> scopes) {
        apps.add(clientId, clientSecret, scopes, true);
    }

    /**
     * Registers an app; with {@code clientCredentialsAllowed} false its token requests get {@code
     * unauthorized_client}.
     */
    public void addApp(
            String clientId, String clientSecret, Collection<String> scopes, boolean clientCredentialsAllowed) {
        apps.add(clientId, clientSecret, scopes, clientCredentialsAllowed);
    }

    /** Gives every folder a new numeric id (as a licence plan change does); keys and paths stay. */
    public void renumberFolders() {
        data.renumberFolders();
    }

    /** The current numeric id of the folder with this fully qualified path (such as {@code Finanças/Contas}). */
    public long folderId(String path) {
        return folder(path).id();
    }

    /** The key (GUID) of the folder with this fully qualified path. */
    public String folderKey(String path) {
        return folder(path).key().toString();
    }

    /** Adds {@code count} new queue items to a queue of a folder, as AddQueueItem would; returns their ids. */
    public List<Long> addQueueItems(String folderPath, String queueName, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        return api.queueActions().addGenerated(folder(folderPath), queueName, count);
    }

    /** The highest queue item id now. */
    public long lastQueueItemId() {
        return data.queueItems().lastId();
    }

    /**
     * One step of life (jobs move on, queue items are processed, a session changes state); the future completes
     * when the step's webhook deliveries have finished.
     */
    public CompletableFuture<Void> advance() {
        return life.advance();
    }

    /** Until when a webhook is paused after a failed delivery, if it is. */
    public Optional<Instant> webhookPausedUntil(long webhookId) {
        return webhooks.pausedUntil(webhookId);
    }

    private Folder folder(String path) {
        Objects.requireNonNull(path, "path");
        return data.folderByPath(path).orElseThrow(() -> new IllegalArgumentException("unknown folder: " + path));
    }
}
