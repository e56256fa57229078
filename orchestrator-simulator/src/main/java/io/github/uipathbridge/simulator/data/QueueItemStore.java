package io.github.uipathbridge.simulator.data;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongFunction;

/**
 * Queue items without holding the seeded ones in memory: items 1..N are a pure function of the seed and the id,
 * produced on demand; only items that were added or changed are kept, in an overlay sorted by id. Keyset queries
 * ({@code Id gt N} in id order) cost one generation per returned item. Thread-safe.
 */
public final class QueueItemStore implements EntitySource {

    private final long generatedCount;
    private final Folder generatedFolder;
    private final LongFunction<Map<String, Object>> generator;
    private final ConcurrentSkipListMap<Long, Map<String, Object>> overlay = new ConcurrentSkipListMap<>();
    private long lastId;

    public QueueItemStore(long generatedCount, Folder generatedFolder, LongFunction<Map<String, Object>> generator) {
        this.generatedCount = generatedCount;
        this.generatedFolder = generatedFolder;
        this.generator = generator;
        this.lastId = generatedCount;
    }

    public long generatedCount() {
        return generatedCount;
    }

    /** Adds an item under the next id; assignment and insertion share one lock so keyset readers see no gaps. */
    public synchronized Map<String, Object> add(LongFunction<Map<String, Object>> factory) {
        long id = ++lastId;
        Map<String, Object> item = factory.apply(id);
        overlay.put(id, item);
        return item;
    }

    public synchronized long lastId() {
        return lastId;
    }

    /** Stores a changed copy of an item (seeded or added). */
    public void update(Map<String, Object> item) {
        overlay.put(Entity.id(item), item);
    }

    @Override
    public Map<String, Object> byId(long id) {
        Map<String, Object> changed = overlay.get(id);
        if (changed != null) {
            return changed;
        }
        return id >= 1 && id <= generatedCount ? generator.apply(id) : null;
    }

    @Override
    public Iterator<Map<String, Object>> ascendingFrom(long afterId) {
        return new AscendingIterator(Math.max(afterId, 0));
    }

    @Override
    public Iterator<Map<String, Object>> descendingFrom(long beforeId) {
        Iterator<Map<String, Object>> added = beforeId > generatedCount + 1
                ? overlay.subMap(generatedCount, false, beforeId, false)
                        .descendingMap()
                        .values()
                        .iterator()
                : Collections.emptyIterator();
        long firstSeeded = Math.min(beforeId - 1, generatedCount);
        return new Iterator<>() {
            private long nextSeeded = firstSeeded;

            @Override
            public boolean hasNext() {
                return added.hasNext() || nextSeeded >= 1;
            }

            @Override
            public Map<String, Object> next() {
                if (added.hasNext()) {
                    return added.next();
                }
                if (nextSeeded < 1) {
                    throw new NoSuchElementException();
                }
                return byId(nextSeeded--);
            }
        };
    }

    @Override
    public long count(Folder folder) {
        long seeded = folder == null || folder == generatedFolder ? generatedCount : 0;
        long added = overlay.tailMap(generatedCount, false).values().stream()
                .filter(item -> folder == null || Entity.folder(item) == folder)
                .count();
        return seeded + added;
    }

    private final class AscendingIterator implements Iterator<Map<String, Object>> {
        private long nextGenerated;
        private Iterator<Map<String, Object>> tail;

        AscendingIterator(long afterId) {
            this.nextGenerated = afterId + 1;
            if (afterId >= generatedCount) {
                tail = overlay.tailMap(afterId, false).values().iterator();
            }
        }

        @Override
        public boolean hasNext() {
            if (tail == null && nextGenerated > generatedCount) {
                tail = overlay.tailMap(generatedCount, false).values().iterator();
            }
            return tail == null || tail.hasNext();
        }

        @Override
        public Map<String, Object> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (tail != null) {
                return tail.next();
            }
            return byId(nextGenerated++);
        }
    }
}
