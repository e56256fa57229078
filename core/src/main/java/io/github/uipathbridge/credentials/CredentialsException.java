package io.github.uipathbridge.credentials;

import java.util.Objects;

/**
 * A credential could not be read. The {@link Reason} says why; the message names where (store address, path, field,
 * secret id, region) and never holds a secret value.
 */
public class CredentialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why reading a credential failed. */
    public enum Reason {
        /** The credential reference is malformed or names an unknown store scheme. */
        INVALID_REFERENCE,
        /** The store is misconfigured (missing address, unreadable CA bundle, bad option). */
        CONFIGURATION,
        /** Nothing exists at the referenced path, secret id or variable. */
        NOT_FOUND,
        /** The secret exists but lacks a field, or a field is not a non-empty string. */
        INVALID_CONTENT,
        /** The store refused access (permission denied, decryption failure, login refused). */
        ACCESS_DENIED,
        /** The store could not be reached or is not serving (down, sealed, timed out, throttled). */
        UNAVAILABLE
    }

    private final Reason reason;

    public CredentialsException(Reason reason, String message) {
        this(reason, message, null);
    }

    public CredentialsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason must not be null");
    }

    public Reason reason() {
        return reason;
    }

    /** Whether trying again later may succeed (the store was unavailable rather than the request wrong). */
    public boolean isTransient() {
        return reason == Reason.UNAVAILABLE;
    }
}
