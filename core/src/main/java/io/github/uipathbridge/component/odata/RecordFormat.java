package io.github.uipathbridge.component.odata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** What one record becomes when it is read from a collection response. */
public enum RecordFormat {
    /** A {@code Map<String, Object>} with the entity's PascalCase fields, nested objects as maps. The default. */
    MAP {
        @Override
        Object read(ObjectMapper mapper, JsonParser parser) throws IOException {
            return mapper.readValue(parser, MAP_TYPE);
        }

        @Override
        Object field(Object record, String name) {
            return ((Map<?, ?>) record).get(name);
        }
    },

    /** The record's JSON text, compact, as a {@code String}: what a JSON-lines export writes. */
    JSON {
        @Override
        Object read(ObjectMapper mapper, JsonParser parser) throws IOException {
            return mapper.readTree(parser);
        }

        @Override
        Object present(Object record) {
            return record.toString();
        }

        @Override
        Object field(Object record, String name) {
            JsonNode value = ((JsonNode) record).get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            return value.isNumber() ? value.numberValue() : value.asText();
        }
    };

    private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {};

    /** Reads the record that starts at the parser's current {@code START_OBJECT}. */
    abstract Object read(ObjectMapper mapper, JsonParser parser) throws IOException;

    /** A field of a record as {@link #read} returned it: a number, text, or null. */
    abstract Object field(Object record, String name);

    /** The record as handed to the route. */
    Object present(Object record) {
        return record;
    }
}
