package io.github.uipathbridge.app;

import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.examples.BulkQueueItemsProcessor;
import io.github.uipathbridge.examples.EmbeddedBroker;
import io.github.uipathbridge.examples.KeysetExportRoute;
import io.github.uipathbridge.examples.OrchestratorConnection;
import io.github.uipathbridge.examples.OrchestratorWebhookRoute;
import io.github.uipathbridge.examples.WebhookDeliveryRoute;
import io.github.uipathbridge.health.TokenHealthCheck;
import io.github.uipathbridge.http.WebhookSignature;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * The main job on Camel Main: machines to {@code machines.jsonl}; faulted jobs to a JMS queue, whose consumer (a YAML
 * route) writes {@code faulted-jobs.jsonl}; queue items to a signed webhook when {@code uipath.webhook.url} is set; a
 * CSV inbox when {@code uipath.inbox.dir} is set; the Orchestrator webhook receiver when {@code
 * uipath.receiver.signing-key-file} is set. Watermarks live in {@code <state-dir>/watermarks}, so nothing is forwarded
 * twice across runs.
 *
 * <p>The token service's meters live in the session's Prometheus registry, which is bound as Camel's {@value
 * MicrometerConstants#METRICS_REGISTRY_NAME}, so {@code /observe/metrics} shows them beside Camel's meters.
 */
final class BridgeJob implements AutoCloseable {

    static final String MACHINES = "machines";

    static final String FAULTED_JOBS = "faulted-jobs";

    static final String QUEUE_ITEMS = "queue-items";

    static final String FAULTED_JOBS_CONSUMER = "faulted-jobs-consumer";

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private final BridgeSettings settings;

    private final OrchestratorConnection connection;

    private final String folder;

    private final int pageSize;

    private final FileStateRepository watermarks;

    private long periodMillis;

    private final Path outDir;

    private final Path stateDir;

    private final List<String> passRoutes = new ArrayList<>();

    private final Map<String, String> targets = new LinkedHashMap<>();

    private final Semaphore consumed = new Semaphore(0);

    private final AtomicLong sinkReceived = new AtomicLong();

    private final Main main = new Main();

    private EmbeddedBroker broker;

    BridgeJob(BridgeSettings settings, TenantSession session) {
        this.settings = settings;
        this.connection = session.connection();
        this.folder = settings.require(BridgeSettings.FOLDER_PATH);
        this.pageSize = settings.getInt(BridgeSettings.PAGE_SIZE, 1, 1000);
        this.outDir = Path.of(settings.require(BridgeSettings.OUT_DIR))
                .toAbsolutePath()
                .normalize();
        this.stateDir = settings.get(BridgeSettings.STATE_DIR)
                .map(Path::of)
                .orElse(outDir.resolve(".state"))
                .toAbsolutePath()
                .normalize();
        this.watermarks = FileStateRepository.fileStateRepository(
                stateDir.resolve("watermarks").toFile());
        // camel-micrometer-prometheus uses a registry bound under this name instead of creating its own.
        main.bind(MicrometerConstants.METRICS_REGISTRY_NAME, session.meterRegistry());
    }

    Path outDir() {
        return outDir;
    }

    Path stateDir() {
        return stateDir;
    }

    /** Where health and metrics are served while {@link #runUntilStopped()} runs, or empty when they are off. */
    Optional<String> managementUrl() {
        if (!settings.getBoolean(BridgeSettings.MANAGEMENT_ENABLED)) {
            return Optional.empty();
        }
        String port = serverEnabled(true)
                ? settings.require(BridgeSettings.HTTP_PORT)
                : settings.require(BridgeSettings.MANAGEMENT_PORT);
        return Optional.of("http://127.0.0.1:" + port + "/observe/health and /observe/metrics");
    }

    /** Where each pass route sends its records, for the summary. */
    Map<String, String> targets() {
        return targets;
    }

    /**
     * Starts the routes, runs one pass of each, waits until the queue consumer has received what was sent, and stops.
     *
     * @return records forwarded per route, and {@value #FAULTED_JOBS_CONSUMER} with the records the consumer received
     */
    Map<String, Long> runOnce() throws Exception {
        configure(false);
        main.start();
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            for (String route : passRoutes) {
                counts.put(route, template.requestBody("direct:" + route, null, Long.class));
            }
            long sent = counts.getOrDefault(FAULTED_JOBS, 0L);
            if (!consumed.tryAcquire((int) sent, DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the faulted-jobs consumer did not receive " + sent
                        + " messages within " + DRAIN_TIMEOUT.toSeconds() + " s");
            }
            counts.put(FAULTED_JOBS_CONSUMER, sent);
            if (settings.isSet(SandboxTenant.WEBHOOK_SINK)) {
                counts.put(SandboxWebhookSinkRoute.ROUTE_ID, sinkReceived.get());
            }
            return counts;
        } finally {
            main.stop();
        }
    }

    /** Starts the routes with their timers and the management server, and blocks until the process is stopped. */
    void runUntilStopped() throws Exception {
        configure(true);
        main.run();
    }

    @Override
    public void close() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private void configure(boolean continuous) throws Exception {
        Files.createDirectories(outDir);
        Files.createDirectories(stateDir);
        periodMillis =
                continuous ? settings.getDuration(BridgeSettings.POLL_INTERVAL).toMillis() : 0;

        addMachines();
        addFaultedJobs();
        if (settings.isSet(SandboxTenant.WEBHOOK_SINK)) {
            addSandboxWebhookSink();
        }
        if (settings.isSet(BridgeSettings.WEBHOOK_URL)) {
            addWebhookDelivery();
        }
        if (continuous && settings.isSet(BridgeSettings.RECEIVER_SIGNING_KEY_FILE)) {
            addWebhookReceiver();
        }
        bindCsvInboxBeans();
        main.setInitialProperties(camelProperties(continuous));
        addContextListener();
    }

    private void addMachines() {
        addPass(
                KeysetExportRoute.builder(MACHINES, connection)
                        .entitySet("Machines")
                        .pageSize(pageSize)
                        .to(jsonLines("machines.jsonl"))
                        .state(watermarks)
                        .period(periodMillis),
                outDir.resolve("machines.jsonl").toString());
    }

    private void addFaultedJobs() throws Exception {
        String queue = settings.require(BridgeSettings.JMS_FAULTED_JOBS_QUEUE);
        main.bind("jms", JmsComponent.jmsComponentAutoAcknowledge(connectionFactory()));
        addPass(
                KeysetExportRoute.builder(FAULTED_JOBS, connection)
                        .entitySet("Jobs")
                        .folderPath(folder)
                        .filter("State eq 'Faulted'")
                        .pageSize(pageSize)
                        .to("jms:queue:" + queue)
                        .state(watermarks)
                        .period(periodMillis),
                "JMS queue " + queue + " -> " + outDir.resolve("faulted-jobs.jsonl"));
    }

    private void addSandboxWebhookSink() {
        main.configure()
                .addRoutesBuilder(new SandboxWebhookSinkRoute(
                        new WebhookSignature(readKey(BridgeSettings.WEBHOOK_SIGNING_KEY_FILE)),
                        jsonLines("queue-items-webhook.jsonl")));
    }

    // The YAML route csv-to-queue-items refers to these beans; it starts only when uipath.inbox.dir is set.
    private void bindCsvInboxBeans() {
        main.bind("bulkQueueItems", new BulkQueueItemsProcessor(settings.require(BridgeSettings.INBOX_QUEUE)));
        main.bind(
                "bulkAddQueueItemsCall",
                connection.auth(folder).call(connection.odataEndpoint("Queues/UiPathODataSvc.BulkAddQueueItems")));
    }

    private void addContextListener() {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport support) {
                CamelContext context = support.getCamelContext();
                // Started with the context, so the watermarks are loaded before the first pass reads them.
                addService(context, watermarks);
                HealthCheckRegistry.get(context).register(new TokenHealthCheck("uipath-token", connection.tokens()));
                context.getManagementStrategy().addEventNotifier(new ConsumerCounter());
            }
        });
    }

    private static void addService(CamelContext context, Object service) {
        try {
            context.addService(service, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("could not add " + service + " to the Camel context", e);
        }
    }

    private void addPass(KeysetExportRoute.Builder route, String target) {
        KeysetExportRoute built = route.build();
        String id = built.passEndpoint().substring("direct:".length());
        main.configure().addRoutesBuilder(built);
        passRoutes.add(id);
        targets.put(id, target);
    }

    private void addWebhookDelivery() {
        String url = settings.require(BridgeSettings.WEBHOOK_URL);
        WebhookSignature signature = new WebhookSignature(readKey(BridgeSettings.WEBHOOK_SIGNING_KEY_FILE));
        WebhookDeliveryRoute delivery = new WebhookDeliveryRoute(
                "queue-items-webhook",
                url,
                signature,
                jsonLines("queue-items-dead-letter.jsonl"),
                settings.getInt(BridgeSettings.WEBHOOK_MAX_REDELIVERIES),
                Duration.ofMillis(500),
                Duration.ofSeconds(30));
        main.configure().addRoutesBuilder(delivery);
        addPass(
                KeysetExportRoute.builder(QUEUE_ITEMS, connection)
                        .entitySet("QueueItems")
                        .folderPath(folder)
                        .pageSize(Math.min(pageSize, 100))
                        .to(delivery.deliveryEndpoint())
                        .state(watermarks)
                        .period(periodMillis),
                settings.isSet(SandboxTenant.WEBHOOK_SINK)
                        ? "signed webhook " + url + " -> " + outDir.resolve("queue-items-webhook.jsonl")
                        : "signed webhook " + url + " (dead letters: " + outDir.resolve("queue-items-dead-letter.jsonl")
                                + ")");
    }

    private void addWebhookReceiver() {
        FileIdempotentRepository accepted =
                (FileIdempotentRepository) FileIdempotentRepository.fileIdempotentRepository(
                        stateDir.resolve("webhook-events").toFile(), 10_000);
        main.configure()
                .addRoutesBuilder(new OrchestratorWebhookRoute(
                        "orchestrator-webhooks",
                        settings.require(BridgeSettings.RECEIVER_PATH),
                        new WebhookSignature(readKey(BridgeSettings.RECEIVER_SIGNING_KEY_FILE)),
                        connection,
                        folder,
                        settings.require(BridgeSettings.RECEIVER_QUEUE),
                        accepted));
    }

    private Properties camelProperties(boolean continuous) {
        Properties properties = new Properties();
        properties.setProperty("camel.main.name", "uipath-bridge");
        properties.setProperty("camel.main.routesIncludePattern", routesPattern());
        properties.setProperty("camel.main.shutdownTimeout", "10");
        properties.setProperty("uipath.out-dir", outDir.toString());
        properties.setProperty(
                "uipath.jms.faulted-jobs-queue", settings.require(BridgeSettings.JMS_FAULTED_JOBS_QUEUE));
        properties.setProperty("uipath.inbox.enabled", Boolean.toString(settings.isSet(BridgeSettings.INBOX_DIR)));
        properties.setProperty(
                "uipath.inbox.dir", settings.get(BridgeSettings.INBOX_DIR).orElse("in"));
        boolean server = serverEnabled(continuous);
        properties.setProperty("camel.server.enabled", Boolean.toString(server));
        properties.setProperty("camel.server.port", settings.require(BridgeSettings.HTTP_PORT));
        properties.setProperty("camel.server.host", settings.require(BridgeSettings.HTTP_HOST));

        boolean management = continuous && settings.getBoolean(BridgeSettings.MANAGEMENT_ENABLED);
        // Camel's platform-http engine finds its port only while one Vert.x server exists, so when the webhook server
        // runs, health and metrics are served by it (same port) instead of a second server.
        String managementPort =
                server ? settings.require(BridgeSettings.HTTP_PORT) : settings.require(BridgeSettings.MANAGEMENT_PORT);
        properties.setProperty("camel.management.enabled", Boolean.toString(management));
        properties.setProperty("camel.management.port", managementPort);
        properties.setProperty(
                "camel.management.host", server ? settings.require(BridgeSettings.HTTP_HOST) : "127.0.0.1");
        properties.setProperty("camel.management.healthCheckEnabled", "true");
        properties.setProperty("camel.management.metricsEnabled", "true");
        properties.setProperty("camel.metrics.enabled", Boolean.toString(management));
        properties.setProperty("camel.health.exposureLevel", "full");
        properties.putAll(settings.camelSettings());
        return properties;
    }

    private boolean serverEnabled(boolean continuous) {
        return continuous && settings.isSet(BridgeSettings.RECEIVER_SIGNING_KEY_FILE)
                || settings.isSet(SandboxTenant.WEBHOOK_SINK);
    }

    // The packaged application reads routes/*.yaml beside bin/; elsewhere (tests, an IDE) the copies in the jar.
    private String routesPattern() {
        String home = System.getProperty("uipath.bridge.home");
        if (home != null && Files.isDirectory(Path.of(home, "routes"))) {
            return "file:" + Path.of(home, "routes").toAbsolutePath() + "/*.yaml";
        }
        return "classpath:routes/*.yaml";
    }

    private ConnectionFactory connectionFactory() throws Exception {
        String url = settings.get(BridgeSettings.JMS_BROKER_URL).orElse(null);
        if (url != null) {
            return new ActiveMQConnectionFactory(url);
        }
        broker = EmbeddedBroker.start(stateDir.resolve("artemis"));
        return broker.connectionFactory();
    }

    private String jsonLines(String fileName) {
        return "file:" + outDir + "?fileName=" + fileName + "&fileExist=Append&appendChars=\\n";
    }

    private Secret readKey(String key) {
        Path file = Path.of(settings.require(key));
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new ConfigurationException("The file " + file + " named by " + key + " is empty");
            }
            return Secret.of(value);
        } catch (IOException e) {
            throw new ConfigurationException("The file " + file + " named by " + key + " cannot be read", e);
        }
    }

    /** Counts exchanges the queue consumer route completed, so a single pass can wait for the queue to drain. */
    private final class ConsumerCounter extends EventNotifierSupport {

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.ExchangeCompletedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            CamelEvent.ExchangeCompletedEvent completed = (CamelEvent.ExchangeCompletedEvent) event;
            String route = completed.getExchange().getFromRouteId();
            if (FAULTED_JOBS_CONSUMER.equals(route)) {
                consumed.release();
            } else if (SandboxWebhookSinkRoute.ROUTE_ID.equals(route)) {
                sinkReceived.incrementAndGet();
            }
        }
    }
}
