package io.github.uipathbridge.simulator.http;

/**
 * An error answer of the Orchestrator API: HTTP status, Orchestrator error code and message, written as {@code
 * {"message","errorCode","traceId"}}.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Bad request or invalid OData query. */
    public static final int BAD_REQUEST = 1000;
    /** The requested entity does not exist. */
    public static final int NOT_FOUND = 1002;
    /** A queue item with that reference already exists in a queue that enforces unique references. */
    public static final int DUPLICATE_REFERENCE = 1016;
    /** Folder header missing on a folder-scoped call. */
    public static final int FOLDER_REQUIRED = 1101;
    /** The folder named by a header does not exist. */
    public static final int FOLDER_NOT_FOUND = 1100;

    private final int status;
    private final int errorCode;

    public ApiException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public static ApiException badQuery(String message) {
        return new ApiException(400, BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, NOT_FOUND, message);
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }
}
