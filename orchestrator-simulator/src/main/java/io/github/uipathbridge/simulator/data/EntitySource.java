package io.github.uipathbridge.simulator.data;

import java.util.Iterator;
import java.util.Map;

/** Where the entities of one entity set come from. Implementations are thread-safe. */
public interface EntitySource {

    /** Entities with an id greater than {@code afterId}, in ascending id order; weakly consistent. */
    Iterator<Map<String, Object>> ascendingFrom(long afterId);

    /** Entities with an id lower than {@code beforeId}, in descending id order; weakly consistent. */
    Iterator<Map<String, Object>> descendingFrom(long beforeId);

    /** The entity with that id, or {@code null}. */
    Map<String, Object> byId(long id);

    /** How many entities belong to the folder ({@code null}: all), used for {@code $count} without a filter. */
    long count(Folder folder);
}
