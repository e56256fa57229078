package io.github.uipathbridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.uipathbridge.http.ApiUnauthorizedException;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Turns an Orchestrator error answer met during an export into one line: the HTTP status, Orchestrator's {@code
 * errorCode} and its {@code message} (from the {@code {"message","errorCode","traceId"}} body), the entity set and
 * the folder. A 4xx answer is a {@link ConfigurationException} (the request, folder or scopes must change); anything
 * else stays a failure while running. The request's headers, which carried the token, are never part of the line.
 */
final class OrchestratorAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Orchestrator's message is cut to this many characters, so one odd answer cannot flood the console. */
    private static final int MAX_MESSAGE = 300;

    private OrchestratorAnswer() {}

    /**
     * The exception to end the export with.
     *
     * @param failure what the Camel route failed with
     * @param entitySet the entity set read
     * @param folder the folder it was read in, or {@code null} for tenant level
     */
    static RuntimeException explain(RuntimeException failure, String entitySet, String folder) {
        String call = "GET odata/" + entitySet + (folder == null ? "" : " in folder '" + folder + "'");
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpOperationFailedException http) {
                return fromStatus(http, call, failure);
            }
            if (cause instanceof ApiUnauthorizedException) {
                return new ConfigurationException(
                        "Orchestrator answered HTTP 401 to " + call + " with a fresh token; give the external"
                                + " application the scope for " + entitySet + " (uipath.scopes)",
                        failure);
            }
        }
        return failure;
    }

    private static RuntimeException fromStatus(HttpOperationFailedException http, String call, RuntimeException e) {
        int status = http.getStatusCode();
        String line = "Orchestrator answered HTTP " + status + errorCode(http.getResponseBody()) + " to " + call + ": "
                + message(http);
        if (status / 100 != 4) {
            return new IllegalStateException(line, e);
        }
        return new ConfigurationException(line + hint(status, call), e);
    }

    private static String hint(int status, String call) {
        if (status == 404) {
            return "; check the entity set name (Machines, Jobs, QueueItems, ...)";
        }
        if (status == 400 && call.contains(" in folder ")) {
            return "; check --folder-path or uipath.folder-path (a full path such as Finance/Invoices) and --filter";
        }
        return "";
    }

    private static String errorCode(String body) {
        JsonNode code = parse(body).path("errorCode");
        return code.isMissingNode() || code.isNull() ? "" : " (errorCode " + code.asText() + ")";
    }

    private static String message(HttpOperationFailedException http) {
        String message = parse(http.getResponseBody()).path("message").asText("");
        if (message.isBlank()) {
            message = http.getStatusText() == null ? "no message" : http.getStatusText();
        }
        // Without its closing full stop, so that the hint after it reads as one sentence.
        message = UiPathBridge.oneLine(message).replaceAll("[.\\s]+$", "");
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            // Not JSON (a proxy's HTML page): the status line says enough.
            return JSON.missingNode();
        }
    }
}
