package io.github.uipathbridge.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A secret value (a client secret, a store token) that never shows itself by accident.
 *
 * <p>{@link #toString()} prints a fixed mask, the class is not serializable, and {@link #equals(Object)} compares in
 * constant time. Code that must send the secret calls {@link #reveal()} at the last moment and keeps the result in a
 * local variable only. A secret never enters a map key, a log line, a metric tag or an exception message; use
 * {@link #fingerprint()} where an identity is needed.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Secret {

    private static final String MASK = "******";

    private final String value;

    private final String fingerprint;

    private Secret(String value) {
        this.value = value;
        this.fingerprint = sha256(value);
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret, not null and not empty
     * @return the wrapped secret
     * @throws IllegalArgumentException if {@code value} is null or empty; the message never holds the value
     */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("secret value must not be null or empty");
        }
        return new Secret(value);
    }

    /** The secret itself, for the one place that sends it over the wire. */
    public String reveal() {
        return value;
    }

    /**
     * A SHA-256 digest of the secret, hex-encoded: stable for equal secrets, different when the secret is rotated, and
     * safe to use as (part of) a cache key because the secret cannot be recovered from it.
     */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Secret that)) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }

    private static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to implement SHA-256 (MessageDigest Javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
