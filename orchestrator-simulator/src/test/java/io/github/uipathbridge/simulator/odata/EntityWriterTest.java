package io.github.uipathbridge.simulator.odata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.uipathbridge.simulator.data.Json;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T10:00:00Z", "1999-12-31T23:59:59.123Z", "2024-02-29T00:00:00.007Z"})
    void instantsAreWrittenAsIsoUtcWithZ(String text) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
            EntityWriter.writeValue(gen, Instant.parse(text));
        }

        assertThat(out.toString()).isEqualTo("\"" + text + "\"");
    }
}
