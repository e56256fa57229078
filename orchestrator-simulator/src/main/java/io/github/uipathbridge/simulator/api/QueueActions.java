package io.github.uipathbridge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.uipathbridge.simulator.data.Entity;
import io.github.uipathbridge.simulator.data.Folder;
import io.github.uipathbridge.simulator.data.Json;
import io.github.uipathbridge.simulator.data.TenantData;
import io.github.uipathbridge.simulator.http.ApiException;
import io.github.uipathbridge.simulator.http.HttpIo;
import io.github.uipathbridge.simulator.life.LifeCycle;
import io.github.uipathbridge.simulator.odata.EntitySetDef;
import io.github.uipathbridge.simulator.odata.EntityWriter;
import io.github.uipathbridge.simulator.odata.ODataQuery;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/** AddQueueItem and BulkAddQueueItems, with the unique-reference rule (409 / 1016). */
public final class QueueActions {

    private static final Set<String> PRIORITIES = Set.of("High", "Normal", "Low");
    private static final Set<String> COMMIT_TYPES =
            Set.of("AllOrNothing", "StopOnFirstFailure", "ProcessAllIndependently");

    private final TenantData data;
    private final LifeCycle life;
    private final EntitySetDef items;
    private final String baseUrl;
    private final Clock clock;
    private final Map<Long, Set<String>> references = new ConcurrentHashMap<>();

    QueueActions(TenantData data, LifeCycle life, EntitySetDef items, String baseUrl, Clock clock) {
        this.data = data;
        this.life = life;
        this.items = items;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    void addQueueItem(HttpServerExchange exchange, Folder folder) throws IOException {
        JsonNode itemData = Bodies.requireObject(Bodies.read(exchange), "itemData");
        String queueName = Bodies.text(itemData, "Name");
        if (queueName == null) {
            throw ApiException.badQuery("The request is invalid. 'Name' (the queue name) must not be null.");
        }
        Map<String, Object> queue = queue(folder, queueName);
        Map<String, Object> item = add(queue, folder, itemData);
        if (item == null) {
            throw new ApiException(
                    409, ApiException.DUPLICATE_REFERENCE, "Error creating Transaction. Duplicate Reference.");
        }
        String context = baseUrl + "odata/$metadata#QueueItems/$entity";
        ODataQuery query = ODataQuery.parseSingle(Map.of(), items);
        HttpIo.sendJson(exchange, 201, gen -> EntityWriter.writeSingle(gen, context, item, items, query));
    }

    void bulkAddQueueItems(HttpServerExchange exchange, Folder folder) throws IOException {
        JsonNode body = Bodies.read(exchange);
        String queueName = Bodies.text(body, "queueName");
        String commitType = Bodies.oneOf(body, "commitType", COMMIT_TYPES, null);
        if (queueName == null || queueName.isBlank() || commitType == null) {
            throw ApiException.badQuery("The request is invalid. 'queueName' and 'commitType' are required.");
        }
        Map<String, Object> queue = queue(folder, queueName);
        List<JsonNode> requested = new ArrayList<>();
        body.path("queueItems").forEach(requested::add);
        requested.forEach(QueueActions::validate);
        List<Map<String, Object>> failed = bulkAdd(queue, folder, requested, commitType);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("@odata.context", baseUrl + "odata/$metadata#UiPath.Application.Dto.BulkOperationResponseDto");
        answer.put("Success", failed.isEmpty());
        answer.put("FailedItems", failed);
        HttpIo.sendJson(exchange, 200, answer);
    }

    private List<Map<String, Object>> bulkAdd(
            Map<String, Object> queue, Folder folder, List<JsonNode> requested, String commitType) {
        List<Map<String, Object>> failed = new ArrayList<>();
        synchronized (this) {
            if ("AllOrNothing".equals(commitType)) {
                failed.addAll(duplicatesIn(queue, requested));
                if (!failed.isEmpty()) {
                    return failed;
                }
            }
            for (int i = 0; i < requested.size(); i++) {
                if (add(queue, folder, requested.get(i)) == null) {
                    failed.add(Map.of("Ordinal", i, "ErrorCode", "DuplicateReference"));
                    if ("StopOnFirstFailure".equals(commitType)) {
                        break;
                    }
                }
            }
        }
        return failed;
    }

    private List<Map<String, Object>> duplicatesIn(Map<String, Object> queue, List<JsonNode> requested) {
        List<Map<String, Object>> failed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String reference = Bodies.text(requested.get(i), "Reference");
            if (reference != null
                    && Boolean.TRUE.equals(queue.get("EnforceUniqueReference"))
                    && (isDuplicate(queue, reference) || !seen.add(reference.toLowerCase(Locale.ROOT)))) {
                failed.add(Map.of("Ordinal", i, "ErrorCode", "DuplicateReference"));
            }
        }
        return failed;
    }

    /** Adds queue items without the API (control handle); returns the new ids. */
    public List<Long> addGenerated(Folder folder, String queueName, int count) {
        Map<String, Object> queue = queue(folder, queueName);
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            JsonNode itemData = Json.MAPPER
                    .createObjectNode()
                    .put("Name", queueName)
                    .set("SpecificContent", Json.MAPPER.createObjectNode().put("Sequence", i));
            ids.add(Entity.id(add(queue, folder, itemData)));
        }
        return ids;
    }

    private Map<String, Object> queue(Folder folder, String name) {
        return data.queueByName(folder, name).orElseThrow(() -> ApiException.notFound("Queue does not exist."));
    }

    /** The new item, or null when its reference is a duplicate in a queue that enforces unique references. */
    private synchronized Map<String, Object> add(Map<String, Object> queue, Folder folder, JsonNode itemData) {
        validate(itemData);
        String reference = Bodies.text(itemData, "Reference");
        boolean unique = Boolean.TRUE.equals(queue.get("EnforceUniqueReference"));
        if (reference != null && unique && isDuplicate(queue, reference)) {
            return null;
        }
        Instant now = clock.instant();
        Map<String, Object> content = specificContent(itemData);
        Map<String, Object> item = data.queueItems().add(id -> {
            Map<String, Object> e = data.newItem(new SplittableRandom(id), id, queue, folder, content, now);
            e.put("Reference", reference);
            e.put("Priority", Bodies.oneOf(itemData, "Priority", PRIORITIES, "Normal"));
            e.put("DueDate", Bodies.date(itemData, "DueDate"));
            e.put("DeferDate", Bodies.date(itemData, "DeferDate"));
            e.put("RiskSlaDate", Bodies.date(itemData, "RiskSlaDate"));
            e.put("Progress", Bodies.text(itemData, "Progress"));
            e.put("ParentOperationId", Bodies.text(itemData, "ParentOperationId"));
            return e;
        });
        if (reference != null) {
            references
                    .computeIfAbsent(Entity.id(queue), k -> ConcurrentHashMap.newKeySet())
                    .add(reference.toLowerCase(Locale.ROOT));
        }
        life.itemAdded(Entity.id(item));
        life.publish("queueItem.added", "QueueItem", item);
        return item;
    }

    // References compare case-insensitively, as SQL Server's default collation does on the real service.
    private boolean isDuplicate(Map<String, Object> queue, String reference) {
        Set<String> added = references.get(Entity.id(queue));
        return (added != null && added.contains(reference.toLowerCase(Locale.ROOT)))
                || data.seededReferenceExists(queue, reference);
    }

    private static void validate(JsonNode itemData) {
        if (!itemData.isObject()) {
            throw ApiException.badQuery("The request is invalid. Each queue item must be a JSON object.");
        }
        Bodies.oneOf(itemData, "Priority", PRIORITIES, "Normal");
        Bodies.date(itemData, "DueDate");
        Bodies.date(itemData, "DeferDate");
        Bodies.date(itemData, "RiskSlaDate");
        String reference = Bodies.text(itemData, "Reference");
        if (reference != null && reference.length() > 128) {
            throw ApiException.badQuery("The request is invalid. 'Reference' is longer than 128 characters.");
        }
        JsonNode content = itemData.get("SpecificContent");
        if (content != null && !content.isNull() && !content.isObject()) {
            throw ApiException.badQuery("The request is invalid. 'SpecificContent' must be a JSON object.");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> specificContent(JsonNode itemData) {
        JsonNode content = itemData.get("SpecificContent");
        if (content == null || content.isNull()) {
            return Map.of();
        }
        return Json.MAPPER.convertValue(content, LinkedHashMap.class);
    }
}
