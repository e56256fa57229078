package io.github.uipathbridge.http;

import java.net.URI;

/**
 * The API refused a fresh token too: a second HTTP 401 right after the first token was evicted and replaced. This is
 * not a stale token but a client without access (wrong scopes, a disabled external application, another tenant). The
 * message names the method, URI and status, never the token.
 */
public class ApiUnauthorizedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final URI uri;

    private final int status;

    public ApiUnauthorizedException(String method, URI uri, int status, String detail) {
        super(method + " " + uri + " answered HTTP " + status + " twice, with a new token the second time"
                + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.uri = uri;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }
}
