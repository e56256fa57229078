package io.github.uipathbridge.simulator.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An entity is an ordered map of PascalCase property names to values: {@code String}, {@code Long}, {@code Integer},
 * {@code Boolean}, {@code Double}, {@link java.time.Instant}, nested maps and lists, or {@link Computed}. Keys
 * starting with {@code _} are internal and never written. A {@code null} value means the property is absent.
 */
public final class Entity {

    /** Internal key holding the {@link Folder} of a folder-scoped entity. */
    public static final String FOLDER = "_folder";

    private Entity() {}

    public static Map<String, Object> create() {
        return new LinkedHashMap<>(64);
    }

    /** The value at a property path such as {@code Robot/Id}, with {@link Computed} values resolved. */
    public static Object get(Map<String, Object> entity, String[] path) {
        Object current = entity;
        for (String segment : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = resolve(map.get(segment));
        }
        return current;
    }

    public static Object resolve(Object value) {
        return value instanceof Computed computed ? computed.get() : value;
    }

    public static long id(Map<String, Object> entity) {
        return ((Number) resolve(entity.get("Id"))).longValue();
    }

    public static Folder folder(Map<String, Object> entity) {
        return (Folder) entity.get(FOLDER);
    }

    /** A shallow copy; nested values are shared, which is fine because they are replaced, never mutated. */
    public static Map<String, Object> copy(Map<String, Object> entity) {
        return new LinkedHashMap<>(entity);
    }
}
