package io.github.uipathbridge.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * Reads the identity server's answer: a token (RFC 6749 section 5.1) or a classified error (section 5.2). Never puts
 * the token or the request body in a message.
 */
final class TokenResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Error descriptions are cut to this length: enough to read, too short to flood a log. */
    private static final int MAX_DESCRIPTION = 200;

    private TokenResponses() {}

    /**
     * The token value and the raw {@code expires_in} of a 2xx answer.
     *
     * @throws TokenException for any other status or an answer without a usable Bearer token
     */
    static Answer read(HttpResponse<String> response, TokenOptions options) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return success(response, options);
        }
        throw error(response, options);
    }

    private static Answer success(HttpResponse<String> response, TokenOptions options) {
        JsonNode json = json(response, options);
        JsonNode token = json.path("access_token");
        if (!token.isTextual() || !isTokenText(token.asText())) {
            throw invalid(response, options, "the answer has no access_token string");
        }
        JsonNode type = json.path("token_type");
        // RFC 6749 section 5.1 requires token_type; the value is case-insensitive (section 7.1). A missing one is
        // taken as Bearer, which is all this grant gives.
        if (!type.isMissingNode() && !"bearer".equals(type.asText().toLowerCase(Locale.ROOT))) {
            throw invalid(response, options, "token_type is '" + shorten(type.asText()) + "', not Bearer");
        }
        return new Answer(token.asText(), json.path("expires_in"));
    }

    private static JsonNode json(HttpResponse<String> response, TokenOptions options) {
        String contentType = contentType(response);
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw invalid(response, options, "the answer is not JSON");
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            if (json == null || !json.isObject()) {
                throw invalid(response, options, "the answer is not a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            // The parser's message may quote the body, which may hold a token: keep only the type.
            throw invalid(
                    response,
                    options,
                    "the answer is not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static TokenException error(HttpResponse<String> response, TokenOptions options) {
        int status = response.statusCode();
        if (status == 429) {
            String retryAfter = response.headers().firstValue("Retry-After").orElse("not given");
            return failure(TokenException.Code.RATE_LIMITED, response, options, "Retry-After " + shorten(retryAfter));
        }
        if (status >= 500) {
            return failure(TokenException.Code.SERVER_ERROR, response, options, null);
        }
        if (status >= 300 && status < 400) {
            return failure(TokenException.Code.INVALID_RESPONSE, response, options, "redirects are not followed");
        }
        return oauthError(response, options);
    }

    private static TokenException oauthError(HttpResponse<String> response, TokenOptions options) {
        JsonNode json = errorJson(response.body());
        String error = json.path("error").asText("");
        String description = json.path("error_description").asText("");
        TokenException.Code code =
                switch (error) {
                    case "invalid_client" -> TokenException.Code.INVALID_CLIENT;
                    case "invalid_scope" -> TokenException.Code.INVALID_SCOPE;
                    case "unauthorized_client" -> TokenException.Code.UNAUTHORIZED_CLIENT;
                    case "unsupported_grant_type" -> TokenException.Code.UNSUPPORTED_GRANT_TYPE;
                    default -> TokenException.Code.INVALID_REQUEST;
                };
        StringBuilder detail = new StringBuilder("error ").append(error.isEmpty() ? "not given" : shorten(error));
        detail.append(", scopes asked for: ").append(options.scopes().isEmpty() ? "none" : options.scopeValue());
        if (!description.isEmpty()) {
            detail.append(", description: ").append(shorten(description));
        }
        return failure(code, response, options, detail.toString());
    }

    private static JsonNode errorJson(String body) {
        try {
            JsonNode json = JSON.readTree(body == null ? "" : body);
            return json == null ? JSON.createObjectNode() : json;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    /** A token is a non-empty run of visible ASCII (RFC 6750 b64token is stricter); no space, no line break. */
    private static boolean isTokenText(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static TokenException invalid(HttpResponse<String> response, TokenOptions options, String detail) {
        return failure(TokenException.Code.INVALID_RESPONSE, response, options, detail);
    }

    private static TokenException failure(
            TokenException.Code code, HttpResponse<String> response, TokenOptions options, String detail) {
        URI endpoint = options.tokenEndpoint();
        return new TokenException(code, endpoint, response.statusCode(), contentType(response), detail, null);
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse(null);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "...";
    }

    /** The token and the raw {@code expires_in}; {@link #toString()} hides the token. */
    static final class Answer {

        private final String token;

        private final JsonNode expiresIn;

        Answer(String token, JsonNode expiresIn) {
            this.token = token;
            this.expiresIn = expiresIn;
        }

        String token() {
            return token;
        }

        JsonNode expiresIn() {
            return expiresIn;
        }

        @Override
        public String toString() {
            return "Answer[expiresIn=" + expiresIn + "]";
        }
    }
}
