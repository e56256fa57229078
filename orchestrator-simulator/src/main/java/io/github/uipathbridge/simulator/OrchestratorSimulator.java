package io.github.uipathbridge.simulator;

import io.github.uipathbridge.simulator.api.OrchestratorApi;
import io.github.uipathbridge.simulator.data.Folder;
import io.github.uipathbridge.simulator.data.TenantData;
import io.github.uipathbridge.simulator.http.Counters;
import io.github.uipathbridge.simulator.http.FaultInjector;
import io.github.uipathbridge.simulator.http.RateLimiter;
import io.github.uipathbridge.simulator.identity.AppRegistry;
import io.github.uipathbridge.simulator.identity.IdentityHandler;
import io.github.uipathbridge.simulator.identity.TokenIssuer;
import io.github.uipathbridge.simulator.life.LifeCycle;
import io.github.uipathbridge.simulator.life.WebhookSender;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Orchestrator and identity server on 127.0.0.1, for tests, demos and benchmarks.
 *
 * <pre>{@code
 * try (OrchestratorSimulator sim = OrchestratorSimulator.start(SimulatorOptions.builder().jobs(10).build())) {
 *     String tokenUrl = sim.tokenUrl();          // POST client_credentials here
 *     String api = sim.orchestratorUrl();        // .../acme/DefaultTenant/orchestrator_/
 *     sim.control().injectStatus(FaultTarget.API, 503, 1);
 * }
 * }</pre>
 *
 * <p>The default app ({@link #clientId()}, {@link #clientSecret()}) is granted every OR.* scope the simulator
 * checks. Data is seeded from {@link SimulatorOptions#seed()} and the clock's instant at start.
 */
public final class OrchestratorSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrchestratorSimulator.class);

    private final SimulatorOptions options;
    private final String clientSecret;
    private Undertow server;
    private WebhookSender webhooks;
    private ScheduledExecutorService ticker;
    private SimulatorControl control;
    private TenantData data;
    private int port;

    public OrchestratorSimulator(SimulatorOptions options) {
        this.options = options;
        this.clientSecret = options.clientSecret().orElseGet(AppRegistry::newSecret);
    }

    /** Creates and starts a simulator. */
    public static OrchestratorSimulator start(SimulatorOptions options) {
        return new OrchestratorSimulator(options).start();
    }

    /** Seeds the data and starts listening; returns this. */
    public synchronized OrchestratorSimulator start() {
        if (server != null) {
            throw new IllegalStateException("simulator already started");
        }
        Counters counters = new Counters();
        FaultInjector faults = new FaultInjector();
        AppRegistry apps = new AppRegistry();
        apps.add(options.clientId(), clientSecret, AppRegistry.ALL_SCOPES, true);
        data = new TenantData(
                options.seed(), options.clock().instant(), options.machines(), options.jobs(), options.queueItems());
        ControlHandler controlHandler = new ControlHandler();
        TokenIssuer tokens = new TokenIssuer(
                "http://127.0.0.1/identity" + (options.profile() == Profile.CLOUD ? "_" : ""),
                partitionId(),
                options.clock(),
                options.tokenTtl());
        SimulatorHandler root = new SimulatorHandler(
                options, counters, faults, new IdentityHandler(apps, tokens, counters), controlHandler);
        server = Undertow.builder()
                .addHttpListener(options.port(), "127.0.0.1")
                .setHandler(root)
                .build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        webhooks = new WebhookSender(data.webhooks(), counters, options.clock(), options.webhookDisableDuration());
        LifeCycle life = new LifeCycle(data, webhooks, options.clock());
        RateLimiter limiter = options.profile() == Profile.CLOUD && options.rateLimitPerMinute() > 0
                ? new RateLimiter(options.rateLimitPerMinute(), options.clock())
                : null;
        OrchestratorApi api = new OrchestratorApi(
                orchestratorUrl(), data, tokens, limiter, counters, life, webhooks, options.profile(), options.clock());
        control = new SimulatorControl(counters, faults, apps, tokens, data, life, webhooks, api);
        controlHandler.bind(control, this);
        root.api(api);
        startTicker();
        LOG.info("Orchestrator simulator listening at {} ({} profile)", orchestratorUrl(), options.profile());
        return this;
    }

    private String partitionId() {
        return new UUID(options.seed(), options.org().hashCode()).toString();
    }

    private void startTicker() {
        if (options.tickInterval().isZero()) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulator-life");
            thread.setDaemon(true);
            return thread;
        });
        long millis = options.tickInterval().toMillis();
        ticker.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    // A failing step must not cancel the schedule, which is what an exception escaping the task would do.
    private void tick() {
        try {
            control.advance();
        } catch (RuntimeException e) {
            LOG.warn("Simulator life step failed: {}", e.toString());
            LOG.debug("Simulator life step failure", e);
        }
    }

    /** Stops listening and delivering webhooks. Safe to call twice. */
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        if (webhooks != null) {
            webhooks.close();
        }
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public SimulatorOptions options() {
        return options;
    }

    /** The port listened on (useful with port 0). */
    public int port() {
        requireStarted();
        return port;
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public String baseUrl() {
        requireStarted();
        return "http://127.0.0.1:" + port;
    }

    /**
     * The Orchestrator API base, ending with {@code /}: {@code http://127.0.0.1:P/acme/DefaultTenant/orchestrator_/}
     * in the cloud profile, {@code http://127.0.0.1:P/} on-premises.
     */
    public String orchestratorUrl() {
        return options.profile() == Profile.CLOUD
                ? baseUrl() + "/" + options.org() + "/" + options.tenant() + "/orchestrator_/"
                : baseUrl() + "/";
    }

    /** The token endpoint: {@code /{org}/identity_/connect/token} (cloud) or {@code /identity/connect/token}. */
    public String tokenUrl() {
        return options.profile() == Profile.CLOUD
                ? baseUrl() + "/" + options.org() + "/identity_/connect/token"
                : baseUrl() + "/identity/connect/token";
    }

    public String clientId() {
        return options.clientId();
    }

    /** The default app's secret as configured or generated at construction; not changed by rotateSecret. */
    public String clientSecret() {
        return clientSecret;
    }

    /** The control handle (faults, revocation, apps, folders, queue items, life steps, counters). */
    public SimulatorControl control() {
        requireStarted();
        return control;
    }

    List<Map<String, Object>> folderListing() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Folder folder : data.folders()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", folder.fullyQualifiedName());
            row.put("id", folder.id());
            row.put("key", folder.key().toString());
            list.add(row);
        }
        return list;
    }

    private void requireStarted() {
        if (port == 0) {
            throw new IllegalStateException("simulator not started");
        }
    }

    @Override
    public String toString() {
        return "OrchestratorSimulator[" + (control == null ? "not started" : orchestratorUrl()) + "]";
    }
}
