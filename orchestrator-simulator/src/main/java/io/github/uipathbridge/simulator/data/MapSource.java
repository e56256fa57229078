package io.github.uipathbridge.simulator.data;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/** Entities held in memory, sorted by id. Ids come from {@link #nextId()} and only grow. */
public final class MapSource implements EntitySource {

    private final ConcurrentSkipListMap<Long, Map<String, Object>> entities = new ConcurrentSkipListMap<>();
    private final AtomicLong lastId;

    public MapSource(long firstId) {
        this.lastId = new AtomicLong(firstId - 1);
    }

    public long nextId() {
        return lastId.incrementAndGet();
    }

    /**
     * Creates an entity under a fresh id. Id assignment and insertion happen under one lock so that a reader paging
     * with {@code Id gt N} can never see a higher id before a lower one is visible.
     */
    public synchronized Map<String, Object> add(LongFunction<Map<String, Object>> factory) {
        long id = nextId();
        Map<String, Object> entity = factory.apply(id);
        entities.put(id, entity);
        return entity;
    }

    /** Replaces an entity (same id) with a changed copy. */
    public void put(Map<String, Object> entity) {
        entities.put(Entity.id(entity), entity);
    }

    public Map<String, Object> remove(long id) {
        return entities.remove(id);
    }

    public Iterable<Map<String, Object>> all() {
        return entities.values();
    }

    @Override
    public Iterator<Map<String, Object>> ascendingFrom(long afterId) {
        return entities.tailMap(afterId, false).values().iterator();
    }

    @Override
    public Iterator<Map<String, Object>> descendingFrom(long beforeId) {
        return entities.headMap(beforeId, false).descendingMap().values().iterator();
    }

    @Override
    public Map<String, Object> byId(long id) {
        return entities.get(id);
    }

    @Override
    public long count(Folder folder) {
        if (folder == null) {
            return entities.size();
        }
        return entities.values().stream()
                .filter(e -> Entity.folder(e) == folder)
                .count();
    }
}
