package io.github.uipathbridge.simulator.odata;

import io.github.uipathbridge.simulator.data.Entity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The property paths of an entity set (two levels deep) and a sample value of each, learnt from sample entities,
 * so that a query naming an unknown property or comparing a property with a literal of another type is refused as
 * the real service refuses it.
 */
public final class PropertyCatalog {

    private final Map<String, Object> samples = new HashMap<>();

    public PropertyCatalog(List<Map<String, Object>> sampleEntities, Set<String> extraNames) {
        for (Map<String, Object> entity : sampleEntities) {
            learn("", entity, 0);
        }
        extraNames.forEach(name -> samples.putIfAbsent(name, null));
    }

    private void learn(String prefix, Map<?, ?> map, int depth) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = entry.getKey().toString();
            if (key.startsWith("_")) {
                continue;
            }
            String path = prefix + key;
            Object value = Entity.resolve(entry.getValue());
            if (samples.get(path) == null) {
                samples.put(path, value);
            }
            if (value instanceof Map<?, ?> nested && depth < 2) {
                learn(path + "/", nested, depth + 1);
            }
        }
    }

    public boolean has(String path) {
        return samples.containsKey(path);
    }

    /** A sample value at the path, or {@code null} when unknown or never seen with a value. */
    public Object sample(String path) {
        return samples.get(path);
    }

    /** Top-level property names. */
    public boolean hasTopLevel(String name) {
        return !name.contains("/") && samples.containsKey(name);
    }
}
