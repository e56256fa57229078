package io.github.uipathbridge.component;

import io.github.uipathbridge.component.odata.Paging;
import io.github.uipathbridge.component.odata.RecordFormat;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Reads and writes UiPath Orchestrator: lists and gets entities of an entity set with streamed paging, starts and
 * stops jobs, adds queue items, makes raw API calls, polls an entity set for new records, and receives Orchestrator
 * webhooks.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "uipath",
        title = "UiPath Orchestrator",
        syntax = "uipath:resource",
        category = {Category.API, Category.CLOUD},
        headersClass = UiPathConstants.class)
public class UiPathEndpoint extends ScheduledPollEndpoint {

    /** The actions an endpoint can name instead of an entity set, by their lower-case name. */
    static final Map<String, String> ACTIONS = actions();

    /** The name of the resource that receives webhooks. */
    static final String WEBHOOK = "webhook";

    /**
     * The entity set (QueueItems, Jobs, Robots, Machines, ...) to list, get or poll; or an action: startJobs,
     * stopJob, addQueueItem, bulkAddQueueItems, raw; or webhook to receive Orchestrator webhooks.
     */
    @UriPath
    @Metadata(required = true)
    private String resource;

    @UriParam
    private UiPathConfiguration configuration;

    /**
     * What a producer on an entity set does: list streams every matching record; get reads one record by id or
     * key.
     */
    @UriParam(label = "producer", enums = "list,get", defaultValue = "list")
    private String operation = "list";

    /** An OData $filter expression; build it with ODataFilter so values are escaped. */
    @UriParam(label = "common")
    private String filter;

    /** The fields to return, comma-separated ($select). Keyset paging adds Id when it is missing. */
    @UriParam(label = "common")
    private String select;

    /** The order of the records ($orderby). An order other than by Id makes listing use skip paging. */
    @UriParam(label = "producer")
    private String orderBy;

    /** Related entities to include ($expand), such as Robot or Release. */
    @UriParam(label = "common")
    private String expand;

    /** At most this many records from a list; 0 lists all. */
    @UriParam(label = "producer", defaultValue = "0")
    private long top;

    /**
     * Records asked for per request ($top). Orchestrator returns at most 1000, and at most 100 from QueueItems on
     * Automation Cloud; a larger page is cut silently, which paging handles.
     */
    @UriParam(label = "common", defaultValue = "100")
    private int pageSize = 100;

    /**
     * How a list goes past its first page: KEYSET (Id gt the last Id, ordered by Id; the default when no other
     * order is asked for), SKIP ($skip, the default with orderBy) or NONE (one request).
     */
    @UriParam(label = "producer")
    private Paging paging;

    /**
     * What each record becomes: MAP (a java.util.Map) or JSON (its JSON text, for JSON-lines files and
     * forwarding).
     */
    @UriParam(label = "common", defaultValue = "MAP")
    private RecordFormat recordFormat = RecordFormat.MAP;

    /** The id of the entity to get, or of the job to stop. The CamelUiPathId header overrides it. */
    @UriParam(label = "producer")
    private Long entityId;

    /** The key (GUID) of the entity to get. The CamelUiPathKey header overrides it. */
    @UriParam(label = "producer")
    private String key;

    /** The queue for addQueueItem and bulkAddQueueItems. The CamelUiPathQueueName header overrides it. */
    @UriParam(label = "producer")
    private String queueName;

    /** How bulkAddQueueItems treats a failing item. */
    @UriParam(
            label = "producer",
            enums = "AllOrNothing,StopOnFirstFailure,ProcessAllIndependently",
            defaultValue = "AllOrNothing")
    private String commitType = "AllOrNothing";

    /** How stopJob stops the job: SoftStop asks the robot to stop, Kill ends it. */
    @UriParam(label = "producer", enums = "SoftStop,Kill", defaultValue = "SoftStop")
    private String stopStrategy = "SoftStop";

    /** The HTTP method of a raw call. The CamelUiPathMethod header overrides it. */
    @UriParam(label = "producer", enums = "GET,POST,PUT,PATCH,DELETE", defaultValue = "GET")
    private String method = "GET";

    /**
     * For raw: the path below the Orchestrator URL with its query, such as /odata/Folders. For webhook: the local
     * path the webhook is received on, such as /uipath/events.
     */
    @UriParam(label = "common")
    private String path;

    /**
     * The field a polling consumer follows: Id (the default), CreationTime or LastModificationTime where the entity
     * set has it. Time watermarks break ties on Id, so records with equal times are neither lost nor repeated.
     */
    @UriParam(label = "consumer", enums = "Id,CreationTime,LastModificationTime", defaultValue = "Id")
    private String watermarkField = "Id";

    /** Where a polling consumer keeps its watermark; a FileStateRepository on stateFile when not set. */
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;

    /** The file the default state repository keeps watermarks in. */
    @UriParam(label = "consumer", defaultValue = "uipath-state/watermarks.dat")
    private String stateFile = "uipath-state/watermarks.dat";

    /**
     * The name the watermark is stored under; by default built from the Orchestrator URL, entity set, folder, filter
     * and watermark field, so two consumers only share a watermark when they read the same records.
     */
    @UriParam(label = "consumer")
    private String stateKey;

    /** Skips records (polling, by watermark) or events (webhook, by EventId) already in this repository. */
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;

    /** The secret Orchestrator signs webhook bodies with (X-UiPath-Signature, HMAC-SHA256). Required for webhook. */
    @UriParam(label = "consumer,security", secret = true)
    private String webhookSecret;

    private String canonicalResource;

    public UiPathEndpoint(String uri, UiPathComponent component, String resource, UiPathConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.configuration = configuration;
    }

    @Override
    public UiPathComponent getComponent() {
        return (UiPathComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (isWebhook()) {
            throw new IllegalArgumentException("uipath:webhook receives webhooks; it cannot be used in to()");
        }
        return new UiPathProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (isWebhook()) {
            return new UiPathWebhookConsumer(this, processor);
        }
        if (!isEntitySet()) {
            throw new IllegalArgumentException(
                    "uipath:" + resource + " is an action; a consumer needs an entity set or webhook");
        }
        UiPathPollingConsumer consumer = new UiPathPollingConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Checks the settings when the endpoint is created, so that a route with a wrong resource, operation or
     * combination of options fails to start rather than on its first message.
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    void validate() {
        canonicalResource = canonical(resource);
        requireText(configuration.getOrchestratorUrl(), "orchestratorUrl");
        IdentityUrls.requireHttp(URI.create(configuration.getOrchestratorUrl()), "orchestratorUrl");
        if (configuration.getIdentityUrl() != null) {
            IdentityUrls.requireHttp(URI.create(configuration.getIdentityUrl()), "identityUrl");
        }
        if (getComponent().getTransport() == null) {
            requireText(configuration.getCredentials(), "credentials");
        }
        configuration.folder();
        if (!Set.of("list", "get").contains(operation)) {
            throw new IllegalArgumentException("operation must be list or get, got: " + operation);
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000, got " + pageSize);
        }
        if (top < 0) {
            throw new IllegalArgumentException("top must not be negative, got " + top);
        }
        if (stateKey != null && !stateKey.matches("[^=\\r\\n]+")) {
            throw new IllegalArgumentException("stateKey must not be blank nor hold '=' or line breaks");
        }
        validateResourceOptions();
    }

    private void validateResourceOptions() {
        if (isEntitySet()) {
            if (effectivePaging() == Paging.KEYSET && !EntitySets.hasField(canonicalResource, "Id")) {
                throw new IllegalArgumentException(
                        canonicalResource + " has no Id for keyset paging; set paging=SKIP or paging=NONE");
            }
            if (!Set.of("Id", "CreationTime", "LastModificationTime").contains(watermarkField)
                    || !EntitySets.hasField(canonicalResource, watermarkField)
                    || !EntitySets.hasField(canonicalResource, "Id")) {
                throw new IllegalArgumentException("watermarkField " + watermarkField + " is not available on "
                        + canonicalResource + "; use Id, CreationTime or LastModificationTime where the entity has it");
            }
        }
        if (isWebhook()) {
            requireText(webhookSecret, "webhookSecret");
            requireText(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path of a webhook must start with '/', got: " + path);
            }
        }
        if ("raw".equals(canonicalResource) && path != null && !path.startsWith("/")) {
            throw new IllegalArgumentException("path of a raw call must start with '/', got: " + path);
        }
    }

    private static String canonical(String resource) {
        requireText(resource, "resource");
        String action = ACTIONS.get(resource.toLowerCase(Locale.ROOT));
        if (action != null) {
            return action;
        }
        if (WEBHOOK.equalsIgnoreCase(resource)) {
            return WEBHOOK;
        }
        return EntitySets.canonical(resource)
                .orElseThrow(() -> new IllegalArgumentException("unknown resource '" + resource
                        + "': not an Orchestrator entity set (" + String.join(", ", EntitySets.names())
                        + ") nor one of " + String.join(", ", ACTIONS.values()) + ", " + WEBHOOK));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
    }

    private static Map<String, String> actions() {
        Map<String, String> actions = new TreeMap<>();
        for (String action : new String[] {"startJobs", "stopJob", "addQueueItem", "bulkAddQueueItems", "raw"}) {
            actions.put(action.toLowerCase(Locale.ROOT), action);
        }
        return actions;
    }

    /** The resource as Orchestrator spells it, once validated. */
    String canonicalResource() {
        return canonicalResource;
    }

    boolean isWebhook() {
        return WEBHOOK.equals(canonicalResource);
    }

    boolean isEntitySet() {
        return !isWebhook() && !ACTIONS.containsValue(canonicalResource);
    }

    /** The paging asked for, or keyset unless an order other than Id was asked for. */
    Paging effectivePaging() {
        if (paging != null) {
            return paging;
        }
        boolean byKey = orderBy == null || orderBy.isBlank() || orderBy.strip().matches("(?i)Id( asc)?");
        return byKey ? Paging.KEYSET : Paging.SKIP;
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public UiPathConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(UiPathConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getSelect() {
        return select;
    }

    public void setSelect(String select) {
        this.select = select;
    }

    public String getOrderBy() {
        return orderBy;
    }

    public void setOrderBy(String orderBy) {
        this.orderBy = orderBy;
    }

    public String getExpand() {
        return expand;
    }

    public void setExpand(String expand) {
        this.expand = expand;
    }

    public long getTop() {
        return top;
    }

    public void setTop(long top) {
        this.top = top;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public Paging getPaging() {
        return paging;
    }

    public void setPaging(Paging paging) {
        this.paging = paging;
    }

    public RecordFormat getRecordFormat() {
        return recordFormat;
    }

    public void setRecordFormat(RecordFormat recordFormat) {
        this.recordFormat = recordFormat;
    }

    public Long getEntityId() {
        return entityId;
    }

    public void setEntityId(Long entityId) {
        this.entityId = entityId;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getQueueName() {
        return queueName;
    }

    public void setQueueName(String queueName) {
        this.queueName = queueName;
    }

    public String getCommitType() {
        return commitType;
    }

    public void setCommitType(String commitType) {
        this.commitType = commitType;
    }

    public String getStopStrategy() {
        return stopStrategy;
    }

    public void setStopStrategy(String stopStrategy) {
        this.stopStrategy = stopStrategy;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getWatermarkField() {
        return watermarkField;
    }

    public void setWatermarkField(String watermarkField) {
        this.watermarkField = watermarkField;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateFile() {
        return stateFile;
    }

    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }
}
