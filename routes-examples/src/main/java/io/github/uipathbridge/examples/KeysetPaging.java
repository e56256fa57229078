package io.github.uipathbridge.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.spi.StateRepository;

/**
 * Keyset paging over an Orchestrator entity set, the way the service wants to be paged: {@code $filter=Id gt N},
 * {@code $orderby=Id asc}, {@code $top=pageSize}, and the next page starts after the highest {@code Id} seen.
 * Orchestrator sends no {@code @odata.nextLink} and caps a request without {@code $top}, so this is the only paging
 * that neither skips nor repeats records while the set grows.
 *
 * <p>The watermark (the highest {@code Id} forwarded) lives in a Camel {@link StateRepository} under one key per
 * route; it moves forward after each record has been forwarded, so a pass that fails half way resumes after the last
 * record that went out, and a second pass forwards only records added since. The state is written after every
 * record: with
 * Camel's {@code FileStateRepository} that is one appended line per record, cheap for the hundreds a poll brings but
 * noticeable on a one-off export of millions (the export command keeps its state in memory for that reason).
 *
 * <p>The steps are used by {@link KeysetExportRoute}: {@link #begin}, then per page {@link #request} and {@link
 * #page}, then per record {@link #forwarded}. Thread-safe as long as one pass per key runs at a time.
 */
public final class KeysetPaging {

    /** Exchange property holding the {@link Pass} of the current exchange. */
    public static final String PASS = "UiPathExportPass";

    /** Exchange property holding the {@code Id} of the record being forwarded. */
    public static final String RECORD_ID = "UiPathExportRecordId";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String stateKey;

    private final StateRepository<String, String> state;

    private final String filter;

    private final int pageSize;

    private final LongConsumer progress;

    KeysetPaging(
            String stateKey,
            StateRepository<String, String> state,
            String filter,
            int pageSize,
            LongConsumer progress) {
        this.stateKey = Objects.requireNonNull(stateKey, "stateKey must not be null");
        this.state = Objects.requireNonNull(state, "state must not be null");
        this.filter = filter == null || filter.isBlank() ? null : filter.strip();
        this.pageSize = pageSize;
        this.progress = progress == null ? count -> {} : progress;
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 1000, not " + pageSize);
        }
    }

    /** Starts a pass at the stored watermark. */
    public void begin(Exchange exchange) {
        String stored = state.getState(stateKey);
        long watermark = stored == null ? 0 : Long.parseLong(stored);
        exchange.setProperty(PASS, new Pass(watermark));
    }

    /** Turns the message into the GET of the next page: no body, {@code CamelHttpQuery} with the keyset filter. */
    public void request(Exchange exchange) {
        Pass pass = pass(exchange);
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setBody(null);
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader(Exchange.HTTP_QUERY, query(pass.watermark()));
    }

    /** Reads the page answered: the body becomes the list of {@link Record}s, and the pass learns if more follow. */
    public void page(Exchange exchange) throws IOException {
        Pass pass = pass(exchange);
        List<Record> records = new ArrayList<>();
        try (InputStream body = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            JsonNode value = JSON.readTree(body).path("value");
            for (JsonNode entity : value) {
                records.add(new Record(entity.path("Id").asLong(), JSON.writeValueAsString(entity)));
            }
        } catch (InvalidPayloadException e) {
            throw new IOException("Orchestrator answered without a body", e);
        }
        pass.more = records.size() == pageSize;
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setBody(records);
    }

    /** Turns a split {@link Record} into its JSON body, keeping its {@code Id} in {@link #RECORD_ID}. */
    public static void unwrap(Exchange exchange) {
        Record record = exchange.getMessage().getBody(Record.class);
        exchange.setProperty(RECORD_ID, record.id());
        exchange.getMessage().setBody(record.json());
    }

    /** Records that the record in {@link #RECORD_ID} went out, and moves the stored watermark past it. */
    public void forwarded(Exchange exchange) {
        Pass pass = pass(exchange);
        long id = exchange.getProperty(RECORD_ID, Long.class);
        pass.advance(id);
        state.setState(stateKey, Long.toString(pass.watermark()));
        progress.accept(pass.count());
    }

    /** Whether the last page was full, so another may follow, and no record failed. */
    public static boolean hasMore(Exchange exchange) {
        Pass pass = pass(exchange);
        return pass.more && pass.failure == null;
    }

    /** Whether no record of this pass failed yet; records after a failure are not sent, to keep the order. */
    public static boolean notFailed(Exchange exchange) {
        return pass(exchange).failure == null;
    }

    /** Remembers the failure caught while forwarding a split record. */
    public static void fail(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        pass(exchange).failure = caught != null ? caught : new IllegalStateException("forwarding a record failed");
    }

    /** Fails the exchange with the failure of a record, if there was one. */
    public static void rethrowFailure(Exchange exchange) throws Exception {
        Exception failure = pass(exchange).failure;
        if (failure != null) {
            throw failure;
        }
    }

    /** The number of records forwarded so far in this pass. */
    public static long count(Exchange exchange) {
        return pass(exchange).count();
    }

    String query(long watermark) {
        String keyset = "Id gt " + watermark;
        String condition = filter == null ? keyset : "(" + filter + ") and " + keyset;
        return "$filter=" + encode(condition) + "&$orderby=" + encode("Id asc") + "&$top=" + pageSize;
    }

    // Percent-encoding with %20 for spaces: '+' means a space only in form bodies, not in every server's query parser.
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Pass pass(Exchange exchange) {
        Pass pass = exchange.getProperty(PASS, Pass.class);
        if (pass == null) {
            throw new IllegalStateException("no paging pass on the exchange; KeysetPaging.begin must run first");
        }
        return pass;
    }

    /** One record of a page: its {@code Id} and the entity as compact JSON. */
    public record Record(long id, String json) {}

    /** The state of one pass, shared by the split copies of its exchange. */
    public static final class Pass {

        private final AtomicLong watermark;

        private final AtomicLong count = new AtomicLong();

        private volatile boolean more = true;

        private volatile Exception failure;

        Pass(long watermark) {
            this.watermark = new AtomicLong(watermark);
        }

        public long watermark() {
            return watermark.get();
        }

        public long count() {
            return count.get();
        }

        void advance(long id) {
            watermark.accumulateAndGet(id, Math::max);
            count.incrementAndGet();
        }
    }
}
