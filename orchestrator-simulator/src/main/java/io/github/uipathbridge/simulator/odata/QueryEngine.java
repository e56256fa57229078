package io.github.uipathbridge.simulator.odata;

import io.github.uipathbridge.simulator.data.Entity;
import io.github.uipathbridge.simulator.data.Folder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs an {@link ODataQuery} over an entity set. Queries in id order (no {@code $orderby}, or {@code Id asc}) walk
 * the set from the lowest id the filter allows ({@code Id gt N}, {@code Id ge N}, {@code Id eq N} at the top level)
 * and stop as soon as the page is full, so keyset paging over a million generated items stays cheap. Other orders
 * scan the whole set with a bounded heap of {@code $skip + $top} entries.
 *
 * <p>Known shortcoming: a filter that does not bound {@code Id} (for example {@code Status eq 'New'}) or an order by
 * another property walks every item; over a million generated queue items that takes seconds per request, where
 * the real service uses database indexes.
 */
public final class QueryEngine {

    private QueryEngine() {}

    /** A page of results and, when asked for on a countable set, the total count. */
    public record Page(List<Map<String, Object>> items, Long count) {}

    public static Page run(EntitySetDef def, ODataQuery query, Folder folder) {
        List<Map<String, Object>> items = isIdOrder(query)
                ? idOrderPage(def, query, folder)
                : isIdDescending(query) ? idDescendingPage(def, query, folder) : sortedPage(def, query, folder);
        Long count = query.count() && def.countable() ? count(def, query, folder) : null;
        return new Page(items, count);
    }

    private static boolean isIdOrder(ODataQuery query) {
        List<ODataQuery.OrderKey> keys = query.orderBy();
        return keys.isEmpty()
                || (keys.get(0).property().equals("Id") && !keys.get(0).descending());
    }

    private static boolean isIdDescending(ODataQuery query) {
        List<ODataQuery.OrderKey> keys = query.orderBy();
        return !keys.isEmpty()
                && keys.get(0).property().equals("Id")
                && keys.get(0).descending();
    }

    /** Newest first ({@code $orderby=Id desc}), walking down from the highest id the filter allows. */
    private static List<Map<String, Object>> idDescendingPage(EntitySetDef def, ODataQuery query, Folder folder) {
        long[] bounds = {Long.MIN_VALUE, Long.MAX_VALUE};
        idBounds(query.filter(), bounds);
        long before = bounds[1] == Long.MAX_VALUE ? Long.MAX_VALUE : bounds[1] + 1;
        List<Map<String, Object>> page = new ArrayList<>(Math.min(query.top(), 1000));
        int toSkip = query.skip();
        Iterator<Map<String, Object>> it = def.source().descendingFrom(before);
        while (page.size() < query.top() && it.hasNext()) {
            Map<String, Object> entity = it.next();
            if (Entity.id(entity) <= bounds[0]) {
                break;
            }
            if (matches(entity, query.filter(), folder) && toSkip-- <= 0) {
                page.add(entity);
            }
        }
        return page;
    }

    private static boolean matches(Map<String, Object> entity, Expr filter, Folder folder) {
        return (folder == null || Entity.folder(entity) == folder) && (filter == null || filter.test(entity));
    }

    private static List<Map<String, Object>> idOrderPage(EntitySetDef def, ODataQuery query, Folder folder) {
        long[] bounds = {Long.MIN_VALUE, Long.MAX_VALUE};
        idBounds(query.filter(), bounds);
        List<Map<String, Object>> page = new ArrayList<>(Math.min(query.top(), 1000));
        int toSkip = query.skip();
        Iterator<Map<String, Object>> it = def.source().ascendingFrom(bounds[0]);
        while (page.size() < query.top() && it.hasNext()) {
            Map<String, Object> entity = it.next();
            if (Entity.id(entity) > bounds[1]) {
                break;
            }
            if (matches(entity, query.filter(), folder) && toSkip-- <= 0) {
                page.add(entity);
            }
        }
        return page;
    }

    /** Narrows [after, last] from Id comparisons joined by {@code and} at the top of the filter. */
    private static void idBounds(Expr filter, long[] bounds) {
        if (filter instanceof Expr.And and) {
            idBounds(and.left(), bounds);
            idBounds(and.right(), bounds);
            return;
        }
        if (!(filter instanceof Expr.Compare cmp)
                || !(cmp.left() instanceof Expr.Property p)
                || !p.name().equals("Id")
                || !(cmp.right() instanceof Expr.Literal lit)
                || !(lit.value() instanceof Long n)) {
            return;
        }
        switch (cmp.op()) {
            case GT -> bounds[0] = Math.max(bounds[0], n);
            case GE -> bounds[0] = Math.max(bounds[0], n - 1);
            case EQ -> {
                bounds[0] = Math.max(bounds[0], n - 1);
                bounds[1] = Math.min(bounds[1], n);
            }
            case LT -> bounds[1] = Math.min(bounds[1], n - 1);
            case LE -> bounds[1] = Math.min(bounds[1], n);
            default -> {}
        }
    }

    private static List<Map<String, Object>> sortedPage(EntitySetDef def, ODataQuery query, Folder folder) {
        Comparator<Map<String, Object>> order = comparator(query.orderBy());
        int keep = query.skip() + query.top();
        if (keep == 0) {
            return List.of();
        }
        PriorityQueue<Map<String, Object>> heap = new PriorityQueue<>(Math.min(keep, 4096) + 1, order.reversed());
        Iterator<Map<String, Object>> it = def.source().ascendingFrom(Long.MIN_VALUE);
        while (it.hasNext()) {
            Map<String, Object> entity = it.next();
            if (matches(entity, query.filter(), folder)) {
                heap.add(entity);
                if (heap.size() > keep) {
                    heap.poll();
                }
            }
        }
        List<Map<String, Object>> sorted = new ArrayList<>(heap);
        sorted.sort(order);
        return sorted.subList(Math.min(query.skip(), sorted.size()), sorted.size());
    }

    private static Comparator<Map<String, Object>> comparator(List<ODataQuery.OrderKey> keys) {
        Comparator<Map<String, Object>> result = null;
        for (ODataQuery.OrderKey key : keys) {
            Comparator<Map<String, Object>> one =
                    (a, b) -> compareNullsFirst(Entity.get(a, key.path()), Entity.get(b, key.path()));
            one = key.descending() ? one.reversed() : one;
            result = result == null ? one : result.thenComparing(one);
        }
        // Ties keep id order, as the database's clustered index gives.
        Comparator<Map<String, Object>> byId = Comparator.comparingLong(Entity::id);
        return result == null ? byId : result.thenComparing(byId);
    }

    private static int compareNullsFirst(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Map || a instanceof List) {
            return 0;
        }
        return Expr.Values.compare(a, b);
    }

    private static long count(EntitySetDef def, ODataQuery query, Folder folder) {
        if (query.filter() == null) {
            return def.source().count(folder);
        }
        long[] bounds = {Long.MIN_VALUE, Long.MAX_VALUE};
        idBounds(query.filter(), bounds);
        long count = 0;
        Iterator<Map<String, Object>> it = def.source().ascendingFrom(bounds[0]);
        while (it.hasNext()) {
            Map<String, Object> entity = it.next();
            if (Entity.id(entity) > bounds[1]) {
                break;
            }
            if (matches(entity, query.filter(), folder)) {
                count++;
            }
        }
        return count;
    }
}
