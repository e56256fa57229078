package io.github.uipathbridge.token;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A bearer token from the identity server, with the times the service plans around.
 *
 * <p>{@link #toString()} shows the scopes and times, never the token. The one place that sends the token calls
 * {@link #authorizationHeaderValue()} (or {@link #reveal()}) and keeps the result in a local variable. Equality is
 * identity: {@link TokenProvider#invalidate(AccessToken)} evicts a token only if it is the very instance cached.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class AccessToken {

    private final String value;

    private final SortedSet<String> scopes;

    private final Instant issuedAt;

    private final Instant expiresAt;

    private final Instant usableUntil;

    private final Instant refreshAt;

    // The hot path compares epoch milliseconds read from Clock.millis(), which allocates no Instant; floored, so a
    // token stops being handed out at most a millisecond early.
    private final long usableUntilMillis;

    private final long refreshAtMillis;

    /**
     * Creates a token.
     *
     * @param value the token, not blank
     * @param scopes the scopes it was asked for
     * @param issuedAt when the request that got it was sent
     * @param expiresAt when it expires
     * @param usableUntil when the service stops handing it out (expiry less the margin)
     * @param refreshAt when a background refresh starts
     */
    public AccessToken(
            String value,
            SortedSet<String> scopes,
            Instant issuedAt,
            Instant expiresAt,
            Instant usableUntil,
            Instant refreshAt) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("token value must not be null or blank");
        }
        this.value = value;
        this.scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt must not be null");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt must not be null");
        this.usableUntil = Objects.requireNonNull(usableUntil, "usableUntil must not be null");
        this.refreshAt = Objects.requireNonNull(refreshAt, "refreshAt must not be null");
        this.usableUntilMillis = usableUntil.toEpochMilli();
        this.refreshAtMillis = refreshAt.toEpochMilli();
    }

    /** The token itself, for the one place that sends it. */
    public String reveal() {
        return value;
    }

    /** {@code Bearer <token>}, the value of the {@code Authorization} header (RFC 6750 section 2.1). */
    public String authorizationHeaderValue() {
        return "Bearer " + value;
    }

    /** The scopes the token was asked for. */
    public SortedSet<String> scopes() {
        return scopes;
    }

    /** When the request that got this token was sent; lifetimes count from here, not from the answer. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** When the token expires: send time plus {@code expires_in}, else the JWT {@code exp}, else the default. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** When the service stops handing the token out: {@link #expiresAt()} less the expiry margin. */
    public Instant usableUntil() {
        return usableUntil;
    }

    /** When the service starts fetching the next token in the background, before {@link #usableUntil()}. */
    public Instant refreshAt() {
        return refreshAt;
    }

    /** Whether the token may still be handed out at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return now.isBefore(usableUntil);
    }

    /** Whether a refresh is due at {@code now}. */
    public boolean isRefreshDueAt(Instant now) {
        return !now.isBefore(refreshAt);
    }

    /** {@link #isUsableAt(Instant)} for a time in epoch milliseconds, as {@link java.time.Clock#millis()} gives. */
    boolean isUsableAtMillis(long nowMillis) {
        return nowMillis < usableUntilMillis;
    }

    /** {@link #isRefreshDueAt(Instant)} for a time in epoch milliseconds. */
    boolean isRefreshDueAtMillis(long nowMillis) {
        return nowMillis >= refreshAtMillis;
    }

    @Override
    public String toString() {
        return "AccessToken[scopes=" + scopes + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + ", refreshAt="
                + refreshAt + "]";
    }
}
