package io.github.uipathbridge.credentials.aws;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import io.github.uipathbridge.credentials.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Turns a {@code GetSecretValue} answer into a client id and secret pair.
 *
 * <p>Three formats are read: a JSON object in {@code SecretString} (what the console's key/value editor writes), a
 * UTF-8 JSON object in {@code SecretBinary}, and plain text in {@code SecretString} holding only the client secret,
 * with the client id from the reference or the settings. A {@code SecretString} is taken for JSON when it starts with
 * <code>{</code> or {@code [}. Anything else is refused with a message that names the secret id, the version and the
 * format found; no message carries the value or a parser message, because JSON parser messages quote the text they
 * stumbled on.
 */
final class SecretContentParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SecretContentParser() {}

    /**
     * Reads the pair from an answer.
     *
     * @param reference what was asked for: key names and the client id for plain text
     * @param response the answer; its {@code VersionId} becomes the pair's version
     * @param source the description the pair carries, safe to log
     * @throws CredentialsException with reason {@code INVALID_CONTENT} for a format this store cannot read, or
     *     {@code CONFIGURATION} for a plain-text secret when no client id is configured
     */
    static ClientCredentials parse(AwsSecretReference reference, GetSecretValueResponse response, String source) {
        String where = "secret '" + reference.secretId() + "' version " + response.versionId();
        if (response.secretString() != null) {
            return fromSecretString(reference, response.secretString(), response.versionId(), where, source);
        }
        if (response.secretBinary() != null) {
            JsonNode document = binaryJson(response.secretBinary(), where);
            return fromJson(reference, document, "SecretBinary", response.versionId(), where, source);
        }
        throw invalid(where + " has neither a SecretString nor a SecretBinary");
    }

    /** The format of an answer in a few words, for log lines; never the value. */
    static String formatOf(GetSecretValueResponse response) {
        if (response.secretString() != null) {
            return looksLikeJson(response.secretString()) ? "JSON in SecretString" : "plain text in SecretString";
        }
        return response.secretBinary() != null ? "JSON in SecretBinary" : "no value";
    }

    private static ClientCredentials fromSecretString(
            AwsSecretReference reference, String text, String versionId, String where, String source) {
        if (looksLikeJson(text)) {
            JsonNode document = parseJson(text, "SecretString", where);
            return fromJson(reference, document, "SecretString", versionId, where, source);
        }
        if (text.isBlank()) {
            throw invalid(where + " has an empty SecretString");
        }
        String clientId = reference.clientId().orElseThrow(() -> missingClientId(where));
        return ClientCredentials.of(clientId, Secret.of(text.strip()), versionId, source);
    }

    private static CredentialsException missingClientId(String where) {
        return new CredentialsException(
                Reason.CONFIGURATION,
                capitalized(where) + " holds plain text in SecretString, not JSON; a plain-text secret holds only the"
                        + " client secret, so give the client id with ?clientId= in the reference or the setting "
                        + SecretsManagerOptions.CLIENT_ID);
    }

    private static ClientCredentials fromJson(
            AwsSecretReference reference,
            JsonNode document,
            String field,
            String versionId,
            String where,
            String source) {
        if (!document.isObject()) {
            throw invalid(where + " holds a JSON " + kindOf(document) + " in " + field + "; expected a JSON object with"
                    + " the keys '" + reference.idKey() + "' and '" + reference.secretKey() + "'");
        }
        String clientId = requireString(document, reference.idKey(), field, where);
        String secret = requireString(document, reference.secretKey(), field, where);
        return ClientCredentials.of(clientId, Secret.of(secret), versionId, source);
    }

    private static String requireString(JsonNode document, String key, String field, String where) {
        JsonNode value = document.get(key);
        if (value == null) {
            throw invalid(where + " has no key '" + key + "' in the JSON object in " + field + "; its keys are "
                    + keysOf(document));
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw invalid(where + " has a " + (value.isTextual() ? "blank string" : "JSON " + kindOf(value))
                    + " under key '" + key + "' in " + field + "; expected a non-empty string");
        }
        return value.textValue().strip();
    }

    private static JsonNode binaryJson(SdkBytes bytes, String where) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.asByteArrayUnsafe()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(where + " holds " + bytes.asByteArrayUnsafe().length + " bytes of SecretBinary that are not"
                    + " UTF-8 text; expected a UTF-8 JSON object");
        }
        if (!looksLikeJson(text)) {
            throw invalid(where + " holds " + bytes.asByteArrayUnsafe().length + " bytes of SecretBinary that are not"
                    + " JSON (plain text is read from SecretString only); expected a UTF-8 JSON object");
        }
        return parseJson(text, "SecretBinary", where);
    }

    private static JsonNode parseJson(String text, String field, String where) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // The cause is left out on purpose: Jackson's message quotes the token it could not read.
            JsonLocation location = e.getLocation();
            String at = location == null
                    ? ""
                    : " (error at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            throw invalid(where + " holds text in " + field + " that starts like JSON but is not valid JSON" + at);
        }
    }

    private static boolean looksLikeJson(String text) {
        String stripped = text.stripLeading();
        return stripped.startsWith("{") || stripped.startsWith("[");
    }

    private static String kindOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case STRING -> "string";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String keysOf(JsonNode document) {
        List<String> keys = new ArrayList<>();
        document.fieldNames().forEachRemaining(name -> keys.add("'" + name + "'"));
        return keys.isEmpty() ? "none" : String.join(", ", keys);
    }

    private static CredentialsException invalid(String message) {
        return new CredentialsException(Reason.INVALID_CONTENT, capitalized(message));
    }

    private static String capitalized(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
