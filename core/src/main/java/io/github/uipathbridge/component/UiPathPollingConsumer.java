package io.github.uipathbridge.component;

import io.github.uipathbridge.component.odata.ODataFilter;
import io.github.uipathbridge.component.odata.ODataLiteral;
import io.github.uipathbridge.component.odata.ODataQuery;
import io.github.uipathbridge.component.odata.ODataRecordReader;
import io.github.uipathbridge.component.odata.RecordFormat;
import io.github.uipathbridge.http.FolderContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls an entity set for records past a watermark and hands each one to the route as its own exchange, in watermark
 * order.
 *
 * <p>The watermark is the last record's {@code Id}, or its {@code CreationTime} or {@code LastModificationTime} with
 * the {@code Id} to break ties ({@code time|id}). It is kept in a Camel {@link StateRepository} and written after each
 * exchange completes without an exception, so a route stopped or crashed midway resumes after the last record it
 * finished: nothing is lost, and at most the record in flight is handed out again. A failed exchange stops the poll;
 * the next poll starts from that record again, so a record the route cannot take is retried until the route's error
 * handler takes it. Each poll reads page after page until a page comes back empty, within the component's request
 * budget.
 *
 * <p>Records that appear with a watermark below one already passed (a time watermark on a clock-skewed server, an
 * {@code Id} reserved by a transaction that commits late) are not seen: keyset polling cannot look back. An
 * {@link IdempotentRepository} lets the route run overlapping consumers without handling a record twice.
 *
 * <p>Known shortcoming: the watermark is written once per record, and the default {@code FileStateRepository}
 * rewrites or appends to its file on each write, so polling a backlog of millions costs as many small file writes;
 * a {@link StateRepository} that batches writes (or a larger delay between polls) is cheaper for such backlogs.
 */
public class UiPathPollingConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(UiPathPollingConsumer.class);

    private OrchestratorClient client;

    private RequestBudget budget;

    private FolderContext folder;

    private StateRepository<String, String> state;

    private String stateKey;

    private int pageSize;

    public UiPathPollingConsumer(UiPathEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public UiPathEndpoint getEndpoint() {
        return (UiPathEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        UiPathEndpoint endpoint = getEndpoint();
        UiPathComponent component = endpoint.getComponent();
        client = component.client(endpoint.getConfiguration());
        budget = component.budget(endpoint.getConfiguration(), endpoint.canonicalResource());
        folder = endpoint.getConfiguration().folder();
        state = endpoint.getStateRepository() != null
                ? endpoint.getStateRepository()
                : component.fileStateRepository(endpoint.getStateFile());
        ServiceHelper.startService(state, endpoint.getIdempotentRepository());
        pageSize = endpoint.getPageSize();
        stateKey = endpoint.getStateKey() != null ? endpoint.getStateKey() : defaultStateKey(endpoint);
        LOG.info("Polling {} from watermark {}", endpoint.canonicalResource(), state.getState(stateKey));
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        int handed = 0;
        int inPage;
        do {
            inPage = 0;
            try (ODataRecordReader page =
                    new ODataRecordReader(getEndpoint().getComponent().mapper(), RecordFormat.MAP, openPage())) {
                while (page.hasNext() && isRunAllowed()) {
                    inPage++;
                    if (!handOut(page.next())) {
                        return handed;
                    }
                    handed++;
                }
            }
        } while (inPage > 0 && isRunAllowed());
        return handed;
    }

    /** Hands one record to the route; answers whether the watermark moved past it. */
    private boolean handOut(Object record) throws Exception {
        String watermark = watermarkOf(record);
        IdempotentRepository seen = getEndpoint().getIdempotentRepository();
        if (seen != null && seen.contains(watermark)) {
            state.setState(stateKey, watermark);
            return true;
        }

        Exchange exchange = createExchange(true);
        exchange.getMessage().setBody(present(record));
        exchange.getMessage().setHeader(UiPathConstants.WATERMARK, watermark);
        exchange.getMessage().setHeader(UiPathConstants.RESOURCE, getEndpoint().canonicalResource());
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }

        if (exchange.getException() != null) {
            getExceptionHandler()
                    .handleException(
                            "Error processing " + getEndpoint().canonicalResource() + " record at watermark "
                                    + watermark,
                            exchange,
                            exchange.getException());
            releaseExchange(exchange, true);
            return false;
        }
        if (seen != null) {
            seen.add(watermark);
        }
        state.setState(stateKey, watermark);
        releaseExchange(exchange, true);
        return true;
    }

    private InputStream openPage() throws Exception {
        UiPathEndpoint endpoint = getEndpoint();
        String field = endpoint.getWatermarkField();
        String after = afterWatermark(field, state.getState(stateKey));
        String filter = endpoint.getFilter() == null
                ? after
                : after == null ? endpoint.getFilter() : "(" + endpoint.getFilter() + ") and (" + after + ")";
        String orderBy = "Id".equals(field) ? "Id asc" : field + " asc,Id asc";
        ODataQuery query = ODataQuery.empty()
                .withFilter(filter)
                .withSelect(selectWith(endpoint.getSelect(), field))
                .withExpand(endpoint.getExpand())
                .withOrderBy(orderBy)
                .withTop(pageSize);
        try {
            return client.open(
                    "GET", "/odata/" + endpoint.canonicalResource(), query.toQueryString(), null, folder, budget);
        } catch (UiPathApiException e) {
            if (e.topLimit().isEmpty() || e.topLimit().getAsInt() >= pageSize) {
                throw e;
            }
            // The service told us its page limit; keep to it from now on.
            pageSize = e.topLimit().getAsInt();
            return openPage();
        }
    }

    /**
     * The filter for records past a watermark. Without a watermark: none for Id, and for a time field only records
     * that have the time, since never-modified entities carry a null LastModificationTime and cannot be ordered.
     */
    static String afterWatermark(String field, String watermark) {
        if (watermark == null || watermark.isBlank()) {
            return "Id".equals(field) ? null : ODataFilter.ne(field, null).toString();
        }
        if ("Id".equals(field)) {
            return ODataFilter.gt("Id", Long.parseLong(watermark)).toString();
        }
        int bar = watermark.indexOf('|');
        OffsetDateTime time = OffsetDateTime.parse(watermark.substring(0, bar));
        long id = Long.parseLong(watermark.substring(bar + 1));
        return ODataFilter.gt(field, time)
                .or(ODataFilter.eq(field, time).and(ODataFilter.gt("Id", id)))
                .toString();
    }

    private String watermarkOf(Object record) {
        String field = getEndpoint().getWatermarkField();
        Object id = ((Map<?, ?>) record).get("Id");
        if (id == null) {
            throw new IllegalStateException("a " + getEndpoint().canonicalResource() + " record has no Id");
        }
        long key = ((Number) id).longValue();
        if ("Id".equals(field)) {
            return Long.toString(key);
        }
        Object time = ((Map<?, ?>) record).get(field);
        if (time == null) {
            throw new IllegalStateException("a " + getEndpoint().canonicalResource() + " record has no " + field);
        }
        return ODataLiteral.of(OffsetDateTime.parse(time.toString())) + "|" + key;
    }

    private Object present(Object record) throws Exception {
        if (getEndpoint().getRecordFormat() == RecordFormat.JSON) {
            return getEndpoint().getComponent().mapper().writeValueAsString(record);
        }
        return record;
    }

    private static String selectWith(String select, String field) {
        if (select == null || select.isBlank()) {
            return select;
        }
        String withId = (" " + select.replace(",", " , ") + " ").contains(" Id ") ? select : select + ",Id";
        return "Id".equals(field) || withId.contains(field) ? withId : withId + "," + field;
    }

    /**
     * The entity set and a digest of what decides which records the consumer reads: readable in the state file, and
     * free of the {@code =} and line breaks that {@code FileStateRepository} cannot store in a key.
     */
    private static String defaultStateKey(UiPathEndpoint endpoint) {
        UiPathConfiguration settings = endpoint.getConfiguration();
        String identity = String.join(
                "\n",
                settings.getOrchestratorUrl(),
                endpoint.canonicalResource(),
                settings.folder().toString(),
                Objects.toString(endpoint.getFilter(), ""),
                endpoint.getWatermarkField());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "uipath." + endpoint.canonicalResource() + "."
                    + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to implement SHA-256 (MessageDigest Javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (getEndpoint().getStateRepository() != null) {
            ServiceHelper.stopService(state);
        }
    }
}
