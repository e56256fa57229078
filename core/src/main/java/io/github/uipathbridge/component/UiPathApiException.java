package io.github.uipathbridge.component;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.RuntimeCamelException;

/**
 * Orchestrator answered a call with an error: the HTTP status and, when the body is Orchestrator's error envelope
 * ({@code {"message", "errorCode", "traceId"}}), its fields. Examples: 400 with error code 1101 when a folder-scoped
 * call has no folder, 404/1002 for an unknown id, 409/1016 for a duplicate queue item reference, 429 once the retry
 * budget is spent.
 *
 * <p>The message names the method, the path (never the query, which may hold filter values) and what Orchestrator
 * said; it never holds a token.
 */
public class UiPathApiException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    // ASP.NET OData's wording when $top is above the entity set's page limit (100 on QueueItems in Automation Cloud).
    private static final Pattern TOP_LIMIT = Pattern.compile("limit of '(\\d+)' for Top query has been exceeded");

    private final int statusCode;

    private final Integer errorCode;

    private final String serviceMessage;

    private final String traceId;

    private final String method;

    private final String path;

    public UiPathApiException(
            String method, String path, int statusCode, Integer errorCode, String serviceMessage, String traceId) {
        super(describe(method, path, statusCode, errorCode, serviceMessage, traceId));
        this.method = method;
        this.path = path;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.serviceMessage = serviceMessage;
        this.traceId = traceId;
    }

    /** The HTTP status code. */
    public int getStatusCode() {
        return statusCode;
    }

    /** Orchestrator's numeric error code ({@code 1101}, {@code 1002}, ...), or null if the body had none. */
    public Integer getErrorCode() {
        return errorCode;
    }

    /** Orchestrator's message, or null if the body had none. */
    public String getServiceMessage() {
        return serviceMessage;
    }

    /** Orchestrator's trace id for support requests, or null. */
    public String getTraceId() {
        return traceId;
    }

    public String getMethod() {
        return method;
    }

    /** The request path, without its query. */
    public String getPath() {
        return path;
    }

    /** The largest $top the service accepts, when this error says the request asked for more. */
    public OptionalInt topLimit() {
        if (statusCode != 400 || serviceMessage == null) {
            return OptionalInt.empty();
        }
        Matcher limit = TOP_LIMIT.matcher(serviceMessage);
        return limit.find() ? OptionalInt.of(Integer.parseInt(limit.group(1))) : OptionalInt.empty();
    }

    private static String describe(
            String method, String path, int status, Integer errorCode, String message, String traceId) {
        StringBuilder text = new StringBuilder("Orchestrator answered ")
                .append(method)
                .append(' ')
                .append(path)
                .append(" with HTTP ")
                .append(status);
        if (errorCode != null) {
            text.append(", errorCode ").append(errorCode);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        if (traceId != null) {
            text.append(" (traceId ").append(traceId).append(')');
        }
        return text.toString();
    }
}
