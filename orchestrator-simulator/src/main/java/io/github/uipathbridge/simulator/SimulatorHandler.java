package io.github.uipathbridge.simulator;

import io.github.uipathbridge.simulator.api.OrchestratorApi;
import io.github.uipathbridge.simulator.http.ApiException;
import io.github.uipathbridge.simulator.http.Counters;
import io.github.uipathbridge.simulator.http.Fault;
import io.github.uipathbridge.simulator.http.FaultInjector;
import io.github.uipathbridge.simulator.http.HttpIo;
import io.github.uipathbridge.simulator.identity.IdentityHandler;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root handler: moves every request to a worker thread (all handlers block on I/O), routes it to the control
 * API, the identity server or the Orchestrator API, counts it, and applies any injected fault first.
 */
final class SimulatorHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHandler.class);

    private final SimulatorOptions options;
    private final Counters counters;
    private final FaultInjector faults;
    private final IdentityHandler identity;
    private final ControlHandler control;
    private final String apiPrefix;
    private volatile OrchestratorApi api;

    SimulatorHandler(
            SimulatorOptions options,
            Counters counters,
            FaultInjector faults,
            IdentityHandler identity,
            ControlHandler control) {
        this.options = options;
        this.counters = counters;
        this.faults = faults;
        this.identity = identity;
        this.control = control;
        this.apiPrefix = options.profile() == Profile.CLOUD
                ? ("/" + options.org() + "/" + options.tenant() + "/orchestrator_/").toLowerCase(Locale.ROOT)
                : "/";
    }

    void api(OrchestratorApi api) {
        this.api = api;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        try {
            route(exchange, exchange.getRequestPath());
        } catch (ApiException e) {
            HttpIo.sendError(exchange, e);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Simulator failed on {} {}: {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestPath(),
                    e.toString());
            LOG.debug("Simulator failure", e);
            if (!exchange.isResponseStarted()) {
                HttpIo.sendError(exchange, new ApiException(500, 0, "An error has occurred."));
            }
        }
    }

    private void route(HttpServerExchange exchange, String path) throws IOException {
        if (path.startsWith("/__sandbox/")) {
            control.handle(exchange, path.substring("/__sandbox/".length()));
            return;
        }
        if (isTokenPath(path)) {
            counters.tokenRequests.increment();
            if (applyFault(exchange, FaultTarget.TOKEN)) {
                identity.handle(exchange);
            }
            return;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        OrchestratorApi current = api;
        if (current != null && lower.startsWith(apiPrefix)) {
            counters.apiRequests.increment();
            if (applyFault(exchange, FaultTarget.API)) {
                current.handle(exchange, path.substring(apiPrefix.length()));
            }
            return;
        }
        HttpIo.sendHtml(exchange, 404);
    }

    private boolean isTokenPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (options.profile() == Profile.ONPREM) {
            return lower.equals("/identity/connect/token") || lower.equals("/identity_/connect/token");
        }
        return lower.equals("/identity_/connect/token")
                || lower.equals(("/" + options.org() + "/identity_/connect/token").toLowerCase(Locale.ROOT));
    }

    /** Applies the next injected fault; true when the request should go on normally. */
    private boolean applyFault(HttpServerExchange exchange, FaultTarget kind) throws IOException {
        Fault fault = faults.take(kind);
        if (fault == null) {
            return true;
        }
        counters.faultsInjected.increment();
        switch (fault.kind()) {
            case LATENCY -> {
                sleep(fault);
                return true;
            }
            case STATUS -> HttpIo.sendError(exchange, new ApiException(fault.status(), 0, "Injected failure."));
            case RATE_LIMIT ->
                OrchestratorApi.sendRateLimited(exchange, fault.duration().toSeconds(), counters);
            case HTML -> HttpIo.sendHtml(exchange, fault.status());
            case DROP -> {
                exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
                exchange.getConnection().close();
            }
        }
        return false;
    }

    private static void sleep(Fault fault) {
        try {
            Thread.sleep(fault.duration().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
