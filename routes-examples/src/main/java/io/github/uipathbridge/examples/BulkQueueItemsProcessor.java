package io.github.uipathbridge.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns rows read by camel-csv ({@code useMaps=true}: one map per line, keyed by the header line) into the body of
 * {@code POST /odata/Queues/UiPathODataSvc.BulkAddQueueItems}.
 *
 * <p>Columns {@code Reference}, {@code Priority} ({@code High}, {@code Normal}, {@code Low}), {@code DeferDate} and
 * {@code DueDate} become the fields of the same name; every other non-empty column goes into {@code SpecificContent}
 * as text. The commit type is {@code ProcessAllIndependently}, so one bad row does not hold back the others;
 * Orchestrator answers with the rows it refused. Sets {@value #ITEM_COUNT} to the number of rows. Thread-safe.
 */
public final class BulkQueueItemsProcessor implements Processor {

    /** Header holding the number of queue items in the request. */
    public static final String ITEM_COUNT = "UiPathQueueItemCount";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> ITEM_FIELDS = Set.of("Reference", "Priority", "DeferDate", "DueDate");

    private static final Set<String> PRIORITIES = Set.of("High", "Normal", "Low");

    private final String queueName;

    /** @param queueName the queue the items are added to */
    public BulkQueueItemsProcessor(String queueName) {
        this.queueName = Objects.requireNonNull(queueName, "queueName must not be null");
        if (queueName.isBlank()) {
            throw new IllegalArgumentException("queueName must not be blank");
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        List<?> rows = message.getMandatoryBody(List.class);

        ArrayNode items = JSON.createArrayNode();
        for (Object row : rows) {
            items.add(item((Map<?, ?>) row));
        }
        ObjectNode request =
                JSON.createObjectNode().put("queueName", queueName).put("commitType", "ProcessAllIndependently");
        request.set("queueItems", items);

        message.setHeader(ITEM_COUNT, items.size());
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(JSON.writeValueAsBytes(request));
    }

    private ObjectNode item(Map<?, ?> row) {
        ObjectNode item = JSON.createObjectNode().put("Name", queueName);
        ObjectNode content = item.putObject("SpecificContent");
        for (Map.Entry<?, ?> column : row.entrySet()) {
            String name = String.valueOf(column.getKey()).strip();
            String value = column.getValue() == null
                    ? ""
                    : column.getValue().toString().strip();
            if (value.isEmpty()) {
                continue;
            }
            if (ITEM_FIELDS.contains(name)) {
                item.put(name, name.equals("Priority") ? priority(value) : value);
            } else {
                content.put(name, value);
            }
        }
        return item;
    }

    private static String priority(String value) {
        String normal = value.substring(0, 1).toUpperCase(Locale.ROOT)
                + value.substring(1).toLowerCase(Locale.ROOT);
        if (!PRIORITIES.contains(normal)) {
            throw new IllegalArgumentException("Priority must be High, Normal or Low, not '" + value + "'");
        }
        return normal;
    }
}
