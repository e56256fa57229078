package io.github.uipathbridge.component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.uipathbridge.camel.StripCredentialsProcessor;
import io.github.uipathbridge.component.odata.ODataFilter;
import io.github.uipathbridge.component.odata.ODataQuery;
import io.github.uipathbridge.component.odata.PagedRecords;
import io.github.uipathbridge.component.odata.Paging;
import io.github.uipathbridge.component.odata.TopLimitExceededException;
import io.github.uipathbridge.http.FolderContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Carries out an endpoint's operation for each message.
 *
 * <h2>Listing streams</h2>
 *
 * A list sets the message body to an {@link java.util.Iterator} over the records (also {@link java.io.Closeable}). The
 * first page is requested by the producer, so API errors fail this step; each further page is requested when the one
 * before has been read. Consume it with {@code split(body()).streaming()}, which hands one record at a time to the
 * next step and
 * closes the iterator at the end; the open response is also closed when the exchange completes, whatever the route
 * did with the body. The record count is not known in advance.
 *
 * <p>Every other operation reads its (small) answer whole: get, addQueueItem and bulkAddQueueItems set the body to
 * the entity as a {@link Map}, startJobs to the {@link List} of started jobs, stopJob to null, raw to the answer's
 * JSON as maps and lists (null when empty). After every call, headers carrying a credential are removed from the
 * message, so nothing downstream sees a token.
 */
public class UiPathProducer extends DefaultProducer {

    private static final String START_JOBS = "/odata/Jobs/UiPath.Server.Configuration.OData.StartJobs";

    private static final String ADD_QUEUE_ITEM = "/odata/Queues/UiPathODataSvc.AddQueueItem";

    private static final String BULK_ADD_QUEUE_ITEMS = "/odata/Queues/UiPathODataSvc.BulkAddQueueItems";

    private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {};

    private final StripCredentialsProcessor stripCredentials = new StripCredentialsProcessor();

    private OrchestratorClient client;

    private RequestBudget budget;

    private FolderContext folder;

    public UiPathProducer(UiPathEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public UiPathEndpoint getEndpoint() {
        return (UiPathEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        UiPathEndpoint endpoint = getEndpoint();
        client = endpoint.getComponent().client(endpoint.getConfiguration());
        budget = endpoint.getComponent().budget(endpoint.getConfiguration(), endpoint.canonicalResource());
        folder = endpoint.getConfiguration().folder();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        try {
            exchange.getMessage()
                    .setHeader(UiPathConstants.RESOURCE, getEndpoint().canonicalResource());
            dispatch(exchange);
        } finally {
            stripCredentials.process(exchange);
        }
    }

    private void dispatch(Exchange exchange) throws Exception {
        UiPathEndpoint endpoint = getEndpoint();
        switch (endpoint.canonicalResource()) {
            case "startJobs" -> startJobs(exchange);
            case "stopJob" -> stopJob(exchange);
            case "addQueueItem" -> addQueueItem(exchange);
            case "bulkAddQueueItems" -> bulkAddQueueItems(exchange);
            case "raw" -> raw(exchange);
            default -> {
                if ("get".equals(endpoint.getOperation())) {
                    get(exchange);
                } else {
                    list(exchange);
                }
            }
        }
    }

    private void list(Exchange exchange) {
        UiPathEndpoint endpoint = getEndpoint();
        String entitySet = endpoint.canonicalResource();
        Paging paging = endpoint.effectivePaging();
        ODataQuery query = ODataQuery.empty()
                .withFilter(exchange.getMessage().getHeader(UiPathConstants.FILTER, endpoint.getFilter(), String.class))
                .withSelect(paging == Paging.KEYSET ? withId(endpoint.getSelect()) : endpoint.getSelect())
                .withOrderBy(endpoint.getOrderBy())
                .withExpand(endpoint.getExpand());
        PagedRecords records = new PagedRecords(
                page -> openPage(entitySet, page),
                mapper(),
                endpoint.getRecordFormat(),
                query,
                paging,
                "Id",
                null,
                endpoint.getPageSize(),
                endpoint.getTop());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                closeQuietly(records);
            }
        });
        // The first page is asked for here, so that a wrong folder, filter or token fails this step of the route
        // rather than the split that reads the records.
        records.hasNext();
        exchange.getMessage().setBody(records);
    }

    private InputStream openPage(String entitySet, ODataQuery page) throws IOException {
        try {
            return client.open("GET", "/odata/" + entitySet, page.toQueryString(), null, folder, budget);
        } catch (UiPathApiException e) {
            if (e.topLimit().isPresent()) {
                throw new TopLimitExceededException(e.topLimit().getAsInt(), e);
            }
            throw e;
        }
    }

    private void get(Exchange exchange) throws IOException {
        UiPathEndpoint endpoint = getEndpoint();
        Message message = exchange.getMessage();
        Long id = message.getHeader(UiPathConstants.ID, endpoint.getEntityId(), Long.class);
        String key = message.getHeader(UiPathConstants.KEY, endpoint.getKey(), String.class);
        String entitySet = "/odata/" + endpoint.canonicalResource();
        if (id != null) {
            String query = ODataQuery.empty()
                    .withSelect(endpoint.getSelect())
                    .withExpand(endpoint.getExpand())
                    .toQueryString();
            message.setBody(toJava(client.call("GET", entitySet + "(" + id + ")", query, null, folder, budget)));
            return;
        }
        if (key == null) {
            throw new IllegalArgumentException(
                    "operation get needs the entityId or key option, or a CamelUiPathId or" + " CamelUiPathKey header");
        }
        String query = ODataQuery.empty()
                .withFilter(ODataFilter.eq("Key", UUID.fromString(key)).toString())
                .withSelect(endpoint.getSelect())
                .withExpand(endpoint.getExpand())
                .withTop(1)
                .toQueryString();
        JsonNode found = client.call("GET", entitySet, query, null, folder, budget);
        JsonNode value = found == null ? null : found.path("value").path(0);
        message.setBody(value == null || value.isMissingNode() ? null : toJava(value));
    }

    private void startJobs(Exchange exchange) throws IOException {
        Map<String, Object> body = bodyAsMap(exchange);
        Object request = body.containsKey("startInfo") ? body : Map.of("startInfo", body);
        JsonNode answer = client.call("POST", START_JOBS, null, request, folder, budget);
        exchange.getMessage().setBody(answer == null ? List.of() : toJava(answer.path("value")));
    }

    private void stopJob(Exchange exchange) throws IOException {
        Long id = exchange.getMessage()
                .getHeader(UiPathConstants.ID, getEndpoint().getEntityId(), Long.class);
        if (id == null) {
            throw new IllegalArgumentException("stopJob needs the entityId option or a CamelUiPathId header");
        }
        String path = "/odata/Jobs(" + id + ")/UiPath.Server.Configuration.OData.StopJob";
        client.call("POST", path, null, Map.of("strategy", getEndpoint().getStopStrategy()), folder, budget);
        exchange.getMessage().setBody(null);
    }

    private void addQueueItem(Exchange exchange) throws IOException {
        Map<String, Object> body = bodyAsMap(exchange);
        Object request = body.containsKey("itemData") ? body : Map.of("itemData", queueItem(exchange, body));
        exchange.getMessage().setBody(toJava(client.call("POST", ADD_QUEUE_ITEM, null, request, folder, budget)));
    }

    private void bulkAddQueueItems(Exchange exchange) throws IOException {
        Object body = exchange.getMessage().getBody();
        List<?> items =
                body instanceof List<?> list ? list : Arrays.asList(mapper().convertValue(body, Object[].class));
        List<Map<String, Object>> queueItems = new ArrayList<>(items.size());
        for (Object item : items) {
            queueItems.add(queueItem(exchange, mapper().convertValue(item, MAP_TYPE)));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("queueName", queueName(exchange));
        request.put("commitType", getEndpoint().getCommitType());
        request.put("queueItems", queueItems);
        JsonNode answer = client.call("POST", BULK_ADD_QUEUE_ITEMS, null, request, folder, budget);
        exchange.getMessage().setBody(toJava(answer));
    }

    private void raw(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String method = message.getHeader(UiPathConstants.METHOD, getEndpoint().getMethod(), String.class);
        String target = message.getHeader(UiPathConstants.PATH, getEndpoint().getPath(), String.class);
        if (target == null || !target.startsWith("/")) {
            throw new IllegalArgumentException("raw needs a path starting with '/' (path option or CamelUiPathPath)");
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : target.substring(question + 1);
        Object body = "GET".equalsIgnoreCase(method) || "DELETE".equalsIgnoreCase(method) ? null : jsonBody(message);
        message.setBody(toJava(client.call(method.toUpperCase(Locale.ROOT), path, query, body, folder, budget)));
    }

    private Map<String, Object> queueItem(Exchange exchange, Map<String, Object> content) {
        if (content.containsKey("SpecificContent")) {
            Map<String, Object> item = new LinkedHashMap<>(content);
            item.putIfAbsent("Name", queueName(exchange));
            return item;
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("Name", queueName(exchange));
        item.put("SpecificContent", content);
        return item;
    }

    private String queueName(Exchange exchange) {
        String name = exchange.getMessage()
                .getHeader(UiPathConstants.QUEUE_NAME, getEndpoint().getQueueName(), String.class);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    getEndpoint().canonicalResource() + " needs the queueName option or a CamelUiPathQueueName header");
        }
        return name;
    }

    private Map<String, Object> bodyAsMap(Exchange exchange) throws IOException {
        Object body = jsonBody(exchange.getMessage());
        if (body == null) {
            return Map.of();
        }
        return body instanceof byte[] json ? mapper().readValue(json, MAP_TYPE) : mapper().convertValue(body, MAP_TYPE);
    }

    /** The body as JSON bytes when it is text, as the object itself when it is maps and lists. */
    private static Object jsonBody(Message message) {
        Object body = message.getBody();
        if (body == null || body instanceof Map<?, ?> || body instanceof List<?>) {
            return body;
        }
        if (body instanceof byte[] || body instanceof String || body instanceof InputStream) {
            return message.getBody(byte[].class);
        }
        return body;
    }

    private Object toJava(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : mapper().convertValue(node, Object.class);
    }

    private ObjectMapper mapper() {
        return getEndpoint().getComponent().mapper();
    }

    private static String withId(String select) {
        if (select == null || select.isBlank()) {
            return select;
        }
        boolean hasId =
                Arrays.stream(select.split(",")).anyMatch(field -> field.strip().equals("Id"));
        return hasId ? select : select + ",Id";
    }

    private static void closeQuietly(PagedRecords records) {
        try {
            records.close();
        } catch (IOException e) {
            // The response was abandoned by the route; closing it is all that is left to do.
        }
    }
}
