package io.github.uipathbridge.simulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validates simulator interactions against UiPath's OpenAPI document, read once per JVM from the path in the
 * {@code uipath.shared.dir} system property (set by the parent POM), never copied into the project. The three
 * notes of the shared README apply: any one of the four folder headers satisfies the required
 * X-UIPATH-OrganizationUnitId; collection envelopes carry @odata.context and @odata.count beside {@code value}
 * (the schemas do not forbid additional properties, so the validator accepts them); statuses the document does not
 * list (401, 403, 404, 409, 429, most 400s) are checked for their request side only, their bodies by the tests.
 */
final class Contract {

    private static final String BASE_PATH = "/acme/DefaultTenant/orchestrator_";
    private static final List<String> OTHER_FOLDER_HEADERS =
            List.of("x-uipath-folderkey", "x-uipath-folderpath", "x-uipath-folderpath-encoded");

    // Single entities carry @odata.context too on the real service; only that one extra root property is allowed.
    private static final String SINGLE_ENTITY_CONTEXT =
            "Object instance has properties which are not allowed by the schema: [\"@odata.context\"]";

    private Contract() {}

    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR = load();
    }

    private static OpenApiInteractionValidator load() {
        String dir = System.getProperty("uipath.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("system property uipath.shared.dir is not set; run the tests with Maven");
        }
        Path path = Path.of(dir, "uipath", "orchestrator-openapi-v20.json");
        try {
            OpenAPI api = new OpenAPIV3Parser()
                    .readContents(Files.readString(path), null, new ParseOptions())
                    .getOpenAPI();
            relax(api);
            return OpenApiInteractionValidator.createFor(api)
                    .withBasePathOverride(BASE_PATH)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document at " + path, e);
        }
    }

    /**
     * The validator treats every schema as closed (no additional properties). Real collection envelopes carry
     * {@code @odata.context} and {@code @odata.count} (README note 2), so {@code ODataValueOf*} schemas are opened;
     * schemas built with {@code allOf} (ExtendedMachineDto over MachineDto) cannot match when each part is closed,
     * so those and their parts are opened too. Every other entity schema stays closed, which catches misspelt
     * properties.
     */
    @SuppressWarnings("rawtypes")
    private static void relax(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() != null) {
                for (Object property : schema.getProperties().values()) {
                    openDictionary((Schema) property);
                }
            }
            if (name.startsWith("ODataValueOf")) {
                schema.setAdditionalProperties(true);
            }
            if (schema.getAllOf() != null) {
                schema.setAdditionalProperties(true);
                for (Object part : schema.getAllOf()) {
                    Schema partSchema = (Schema) part;
                    partSchema.setAdditionalProperties(true);
                    if (partSchema.get$ref() != null) {
                        String ref = partSchema.get$ref();
                        schemas.get(ref.substring(ref.lastIndexOf('/') + 1)).setAdditionalProperties(true);
                    }
                }
            }
        });
    }

    /**
     * A C# {@code Dictionary<string, object>} (SpecificContent, Output, Analytics, ExecutionSettings) is described
     * as "an object whose values are objects", yet the real service sends strings, numbers and booleans as values
     * (an invoice number is a string); such dictionaries accept any value here.
     */
    @SuppressWarnings("rawtypes")
    private static void openDictionary(Schema property) {
        if ("object".equals(property.getType())
                && property.getAdditionalProperties() instanceof Schema values
                && "object".equals(values.getType())
                && values.getProperties() == null) {
            property.setAdditionalProperties(true);
        }
    }

    /** The validation errors of one interaction, after the README's three allowances. */
    static List<String> errors(
            String method, String pathAndQuery, Map<String, String> headers, String body, TestHttp.Response response) {
        Request request = request(method, pathAndQuery, headers, body);
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = Holder.VALIDATOR.validate(request, answer.build());
        boolean otherFolderHeader =
                headers.keySet().stream().anyMatch(h -> OTHER_FOLDER_HEADERS.contains(h.toLowerCase(Locale.ROOT)));
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(otherFolderHeader
                        && m.getKey().equals("validation.request.parameter.header.missing")
                        && m.getMessage().contains("X-UIPATH-OrganizationUnitId")))
                .filter(m -> !m.getMessage().equals(SINGLE_ENTITY_CONTEXT))
                .filter(m -> !(response.status() >= 400 && m.getKey().equals("validation.response.status.unknown")))
                .map(m -> m.getKey() + ": " + m.getMessage())
                .collect(Collectors.toList());
    }

    private static Request request(String method, String pathAndQuery, Map<String, String> headers, String body) {
        int q = pathAndQuery.indexOf('?');
        String path = BASE_PATH + "/" + (q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                builder.withQueryParam(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        headers.forEach(builder::withHeader);
        if (body != null) {
            builder.withContentType("application/json").withBody(body);
        }
        return builder.build();
    }
}
