package io.github.uipathbridge.token;

/**
 * How the client id and secret travel to the token endpoint (RFC 6749 section 2.3.1).
 *
 * <p>The default is {@link #BODY}, which is what UiPath documents for external applications.
 */
public enum ClientAuthentication {
    /** {@code client_id} and {@code client_secret} as form fields in the request body. The default. */
    BODY,

    /**
     * HTTP Basic as RFC 6749 section 2.3.1 asks: the id and the secret are each form-urlencoded, joined with a colon,
     * then Base64-encoded. Spec-conforming servers decode both parts again.
     */
    BASIC,

    /**
     * HTTP Basic without the form-encoding step (RFC 7617 style: Base64 of {@code id:secret} as UTF-8), for servers
     * that do not decode the parts. Cannot carry a client id that holds a colon.
     */
    BASIC_RAW
}
