package io.github.uipathbridge.examples;

import io.github.uipathbridge.camel.StripCredentialsProcessor;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * Exports one Orchestrator entity set with plain camel-http and the core auth processor, page by page with keyset
 * paging ({@link KeysetPaging}), and sends every record, one JSON document per message, to a Camel endpoint: a
 * JSON-lines file, a JMS queue, or a {@code direct:} route such as {@link WebhookDeliveryRoute}.
 *
 * <p>The route is {@code direct:<routeId>}; each exchange sent there runs one pass and comes back with the number of
 * records forwarded as its body. {@link #period(long)} adds a timer that starts a pass at a fixed interval.
 *
 * <pre>{@code
 * context.addRoutes(KeysetExportRoute.builder("machines", connection)
 *         .entitySet("Machines")
 *         .to("file:out?fileName=machines.jsonl&fileExist=Append&appendChars=\n")
 *         .state(FileStateRepository.fileStateRepository(new File("out/.state/watermarks")))
 *         .build());
 * Long forwarded = template.requestBody("direct:machines", null, Long.class);
 * }</pre>
 *
 * <p>A failed call or send fails the pass at that record: the records after it in the page are not sent, and records
 * already forwarded stay counted in the watermark, so the next pass starts at the failed record and sends nothing
 * twice. A target that handles its own failures (a dead-letter channel) counts as forwarded.
 *
 * <p>Known shortcoming: the watermark is the {@code Id}, so a record that starts to match the filter after the
 * watermark passed it (a job created before the last faulted one, which faults later) is never exported; a {@code
 * LastModificationTime} watermark would catch it at the cost of reading changed records again. Headers of the
 * Orchestrator answer never travel with a record.
 */
public final class KeysetExportRoute extends RouteBuilder {

    private final Builder settings;

    private final KeysetPaging paging;

    private KeysetExportRoute(Builder settings) {
        this.settings = settings;
        this.paging = new KeysetPaging(
                settings.routeId, settings.state, settings.filter, settings.pageSize, settings.progress);
    }

    /**
     * Starts a route.
     *
     * @param routeId the route id, also the {@code direct:} name and the watermark key
     * @param connection the Orchestrator to read from
     */
    public static Builder builder(String routeId, OrchestratorConnection connection) {
        return new Builder(routeId, connection);
    }

    /** The {@code direct:} endpoint that runs one pass. */
    public String passEndpoint() {
        return "direct:" + settings.routeId;
    }

    @Override
    public void configure() {
        String call = settings.connection.odataEndpoint(settings.entitySet);

        from(passEndpoint())
                .routeId(settings.routeId)
                .process(paging::begin)
                .loopDoWhile(KeysetPaging::hasMore)
                .process(paging::request)
                .process(settings.connection.auth(settings.folderPath).call(call))
                .process(paging::page)
                .split(body())
                .filter(KeysetPaging::notFailed)
                .doTry()
                .process(KeysetPaging::unwrap)
                .process(new StripCredentialsProcessor())
                .to(settings.target)
                .process(paging::forwarded)
                .doCatch(Exception.class)
                .process(KeysetPaging::fail)
                .end()
                .end()
                .end()
                .process(KeysetPaging::rethrowFailure)
                .end()
                .process(exchange -> exchange.getMessage().setBody(KeysetPaging.count(exchange)));

        if (settings.periodMillis > 0) {
            fromF("timer:%s?period=%d&delay=0", settings.routeId, settings.periodMillis)
                    .routeId(settings.routeId + "-timer")
                    .to(passEndpoint());
        }
    }

    /** Settings of a {@link KeysetExportRoute}; entity set and target are required. */
    public static final class Builder {

        private final String routeId;

        private final OrchestratorConnection connection;

        private String entitySet;

        private String folderPath;

        private String filter;

        private int pageSize = 100;

        private String target;

        private StateRepository<String, String> state = new MemoryStateRepository();

        private LongConsumer progress;

        private long periodMillis;

        private Builder(String routeId, OrchestratorConnection connection) {
            this.routeId = Objects.requireNonNull(routeId, "routeId must not be null");
            this.connection = Objects.requireNonNull(connection, "connection must not be null");
        }

        /** The entity set, for example {@code Machines}, {@code Jobs} or {@code QueueItems}. */
        public Builder entitySet(String entitySet) {
            this.entitySet = entitySet;
            return this;
        }

        /** The folder for folder-scoped sets (Jobs, QueueItems); none for tenant-level sets such as Machines. */
        public Builder folderPath(String folderPath) {
            this.folderPath = folderPath;
            return this;
        }

        /**
         * An OData {@code $filter} condition combined with the keyset condition, for example {@code State eq
         * 'Faulted'}.
         */
        public Builder filter(String filter) {
            this.filter = filter;
            return this;
        }

        /** Records per request; default 100, the QueueItems cap of Automation Cloud; at most 1000. */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** The Camel endpoint each record goes to. */
        public Builder to(String target) {
            this.target = target;
            return this;
        }

        /** Where the watermark is kept; default in memory, so every start exports from the beginning. */
        public Builder state(StateRepository<String, String> state) {
            this.state = Objects.requireNonNull(state, "state must not be null");
            return this;
        }

        /** Told the running count after each record forwarded. */
        public Builder progress(LongConsumer progress) {
            this.progress = progress;
            return this;
        }

        /** Adds a timer starting a pass every {@code periodMillis}; 0 (the default) adds none. */
        public Builder period(long periodMillis) {
            if (periodMillis < 0) {
                throw new IllegalArgumentException("periodMillis must not be negative, not " + periodMillis);
            }
            this.periodMillis = periodMillis;
            return this;
        }

        /**
         * Builds the route.
         *
         * @throws IllegalArgumentException if the entity set or the target is missing or the page size out of range
         */
        public KeysetExportRoute build() {
            if (entitySet == null || entitySet.isBlank()) {
                throw new IllegalArgumentException("entitySet must be set for route " + routeId);
            }
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("target endpoint must be set for route " + routeId);
            }
            return new KeysetExportRoute(this);
        }
    }
}
