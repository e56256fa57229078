package io.github.uipathbridge.token;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A token could not be obtained. The {@link Code} says why; the message names the token endpoint, the HTTP status and
 * content type when there was an answer, and the OAuth2 error code, never the client secret or a token.
 */
public class TokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a token request failed; the OAuth2 codes are those of RFC 6749 section 5.2. */
    public enum Code {
        /** The identity server refused the client id or secret ({@code invalid_client}). */
        INVALID_CLIENT(false),
        /** A scope asked for is unknown or not granted to this client ({@code invalid_scope}). */
        INVALID_SCOPE(false),
        /** The client may not use the client-credentials grant ({@code unauthorized_client}). */
        UNAUTHORIZED_CLIENT(false),
        /** The server does not support the client-credentials grant ({@code unsupported_grant_type}). */
        UNSUPPORTED_GRANT_TYPE(false),
        /** Any other 4xx answer ({@code invalid_request}, {@code invalid_grant}, no error code at all). */
        INVALID_REQUEST(false),
        /** The identity server answered 5xx. Retried with backoff. */
        SERVER_ERROR(true),
        /** The identity server answered 429. Not retried at once: waiting callers would pile up. */
        RATE_LIMITED(false),
        /** No answer within the request timeout. Retried with backoff. */
        TIMEOUT(true),
        /** The identity server could not be reached (connection refused, reset, TLS failure). Retried with backoff. */
        UNAVAILABLE(true),
        /** A 2xx (or 3xx) answer that holds no usable token: HTML, not JSON, no {@code access_token}, not Bearer. */
        INVALID_RESPONSE(false),
        /** The credential store could not give a client id and secret; the cause is a {@code CredentialsException}. */
        CREDENTIALS(false);

        private final boolean retryable;

        Code(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether a new attempt of the same request may succeed without any change on our side. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Code code;

    private final URI endpoint;

    private final int status;

    private final String contentType;

    /**
     * Creates an exception. The message is built from the parts; {@code detail} must hold no secret or token.
     *
     * @param code why the request failed
     * @param endpoint the token endpoint
     * @param status the HTTP status, or -1 if there was no answer
     * @param contentType the answer's content type, or {@code null}
     * @param detail a short explanation, safe to log
     * @param cause the underlying failure, or {@code null}
     */
    public TokenException(Code code, URI endpoint, int status, String contentType, String detail, Throwable cause) {
        super(message(code, endpoint, status, contentType, detail), cause);
        this.code = Objects.requireNonNull(code, "code must not be null");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
        this.status = status;
        this.contentType = contentType;
    }

    public Code code() {
        return code;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The HTTP status of the identity server's answer, if there was one. */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** The content type of the identity server's answer, if it had one. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    private static String message(Code code, URI endpoint, int status, String contentType, String detail) {
        StringBuilder text =
                new StringBuilder("Token request to ").append(endpoint).append(" failed with ");
        text.append(code);
        if (status >= 0) {
            text.append(" (HTTP ").append(status);
            text.append(", content type ")
                    .append(contentType == null ? "none" : contentType)
                    .append(')');
        }
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
