package io.github.uipathbridge.simulator.odata;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.uipathbridge.simulator.data.Entity;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Known shortcoming: absent values are omitted where the real service writes {@code null}, because the OpenAPI
 * document declares no property nullable and the contract tests would refuse nulls; clients see a missing key
 * instead of an explicit null.
 *
 * <p>Streams entities as OData JSON with a {@link JsonGenerator}: properties in PascalCase, absent values omitted,
 * navigation properties only when expanded, dates as ISO-8601 UTC with {@code Z}.
 */
public final class EntityWriter {

    private EntityWriter() {}

    /** {@code {"@odata.context", ["@odata.count"], "value": [...]}}; never {@code @odata.nextLink}. */
    public static void writeCollection(
            JsonGenerator gen, String context, QueryEngine.Page page, EntitySetDef def, ODataQuery query)
            throws IOException {
        gen.writeStartObject();
        gen.writeStringField("@odata.context", context);
        if (page.count() != null) {
            gen.writeNumberField("@odata.count", page.count());
        }
        gen.writeArrayFieldStart("value");
        for (Map<String, Object> entity : page.items()) {
            writeEntity(gen, entity, def, query);
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    /** A single entity with its {@code @odata.context}. */
    public static void writeSingle(
            JsonGenerator gen, String context, Map<String, Object> entity, EntitySetDef def, ODataQuery query)
            throws IOException {
        gen.writeStartObject();
        gen.writeStringField("@odata.context", context);
        writeProperties(gen, entity, def, query);
        gen.writeEndObject();
    }

    public static void writeEntity(JsonGenerator gen, Map<String, Object> entity, EntitySetDef def, ODataQuery query)
            throws IOException {
        gen.writeStartObject();
        writeProperties(gen, entity, def, query);
        gen.writeEndObject();
    }

    private static void writeProperties(
            JsonGenerator gen, Map<String, Object> entity, EntitySetDef def, ODataQuery query) throws IOException {
        boolean selecting = !query.select().isEmpty();
        for (Map.Entry<String, Object> entry : entity.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("_")) {
                continue;
            }
            boolean navigation = def.navigation().contains(name);
            if (navigation
                    ? !query.expand().contains(name)
                    : selecting && !query.select().contains(name)) {
                continue;
            }
            Object value = Entity.resolve(entry.getValue());
            if (value != null) {
                gen.writeFieldName(name);
                writeValue(gen, value);
            }
        }
    }

    /** Writes a plain value, map or list; keys starting with {@code _} and null values are skipped. */
    public static void writeValue(JsonGenerator gen, Object value) throws IOException {
        if (value instanceof String s) {
            gen.writeString(s);
        } else if (value instanceof Long l) {
            gen.writeNumber(l);
        } else if (value instanceof Integer i) {
            gen.writeNumber(i);
        } else if (value instanceof Double d) {
            gen.writeNumber(d);
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (value instanceof Instant instant) {
            writeInstant(gen, instant);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(gen, map);
        } else if (value instanceof List<?> list) {
            gen.writeStartArray();
            for (Object item : list) {
                writeValue(gen, Entity.resolve(item));
            }
            gen.writeEndArray();
        } else {
            gen.writeString(String.valueOf(value));
        }
    }

    /**
     * ISO-8601 in UTC with {@code Z} and milliseconds when not zero, as {@code 2026-03-01T10:00:00.123Z}; formatted
     * by hand because {@link Instant#toString()} costs a large share of a generated queue item's time. Years
     * outside 0000-9999 fall back to {@link Instant#toString()}.
     */
    static void writeInstant(JsonGenerator gen, Instant instant) throws IOException {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            gen.writeString(instant.toString());
            return;
        }
        char[] buf = new char[24];
        digits(buf, 0, t.getYear(), 4);
        buf[4] = '-';
        digits(buf, 5, t.getMonthValue(), 2);
        buf[7] = '-';
        digits(buf, 8, t.getDayOfMonth(), 2);
        buf[10] = 'T';
        digits(buf, 11, t.getHour(), 2);
        buf[13] = ':';
        digits(buf, 14, t.getMinute(), 2);
        buf[16] = ':';
        digits(buf, 17, t.getSecond(), 2);
        int millis = instant.getNano() / 1_000_000;
        int length = 19;
        if (millis != 0) {
            buf[19] = '.';
            digits(buf, 20, millis, 3);
            length = 23;
        }
        buf[length] = 'Z';
        gen.writeString(buf, 0, length + 1);
    }

    private static void digits(char[] buf, int offset, int value, int width) {
        for (int i = offset + width - 1; i >= offset; i--) {
            buf[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static void writeMap(JsonGenerator gen, Map<?, ?> map) throws IOException {
        gen.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = entry.getKey().toString();
            Object value = Entity.resolve(entry.getValue());
            if (!key.startsWith("_") && value != null) {
                gen.writeFieldName(key);
                writeValue(gen, value);
            }
        }
        gen.writeEndObject();
    }
}
