package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Vault token and its lease as last seen: when it was obtained or renewed, for how long, whether Vault lets it be
 * renewed, and whether the last renewal was cut short by the token's max TTL. {@link #toString()} hides the token.
 *
 * <p>Immutable: a renewal yields a new instance, so a caller can tell whether the token it used is still the current
 * one.
 */
final class VaultToken {

    /**
     * Renew (or log in again) once two thirds of the lease have passed, as Vault Agent roughly does: the remaining
     * third leaves room for a retry or two when Vault is briefly unavailable.
     */
    private static final double REFRESH_FRACTION = 2.0 / 3.0;

    private final Secret value;

    private final Instant leaseStart;

    private final Duration ttl;

    private final Duration fullTtl;

    private final boolean renewable;

    private final boolean atMaxTtl;

    private VaultToken(
            Secret value, Instant leaseStart, Duration ttl, Duration fullTtl, boolean renewable, boolean atMaxTtl) {
        this.value = Objects.requireNonNull(value, "value must not be null");
        this.leaseStart = Objects.requireNonNull(leaseStart, "leaseStart must not be null");
        this.ttl = Objects.requireNonNull(ttl, "ttl must not be null");
        this.fullTtl = Objects.requireNonNull(fullTtl, "fullTtl must not be null");
        this.renewable = renewable;
        this.atMaxTtl = atMaxTtl;
    }

    /**
     * A token as issued by a login or found by a lookup.
     *
     * @param value the token
     * @param leaseStart when the request that returned the lease was sent
     * @param ttl the lease; zero for a token that never expires (a root token)
     * @param fullTtl the lease a renewal normally grants (the TTL at creation); a shorter renewal means the max TTL
     * @param renewable whether Vault allows renewing it
     */
    static VaultToken issued(Secret value, Instant leaseStart, Duration ttl, Duration fullTtl, boolean renewable) {
        return new VaultToken(value, leaseStart, ttl, fullTtl, renewable, false);
    }

    /**
     * This token after a renewal that granted {@code newTtl}. Vault caps a renewal at what is left of the max TTL, so a
     * grant shorter than the full TTL means the next refresh must be a new login.
     */
    VaultToken renewed(Instant renewedAt, Duration newTtl) {
        boolean capped = newTtl.compareTo(fullTtl) < 0;
        return new VaultToken(value, renewedAt, newTtl, fullTtl, renewable, capped);
    }

    Secret value() {
        return value;
    }

    boolean renewable() {
        return renewable;
    }

    /** Whether the last renewal was cut short by the max TTL, so renewing again would not help. */
    boolean atMaxTtl() {
        return atMaxTtl;
    }

    Duration ttl() {
        return ttl;
    }

    /** Whether the token has a lease at all; a root token or a token with period 0 has none. */
    boolean expires() {
        return !ttl.isZero();
    }

    Instant expiresAt() {
        return leaseStart.plus(ttl);
    }

    boolean isExpired(Instant now) {
        return expires() && !now.isBefore(expiresAt());
    }

    /** When to renew or log in again: after two thirds of the lease. */
    Instant refreshAt() {
        return leaseStart.plusMillis((long) (ttl.toMillis() * REFRESH_FRACTION));
    }

    /** Whether the next refresh should be a renewal (rather than a new login). */
    boolean shouldRenew() {
        return renewable && !atMaxTtl;
    }

    @Override
    public String toString() {
        return "VaultToken[value=" + value + ", ttl=" + ttl + ", renewable=" + renewable + ", atMaxTtl=" + atMaxTtl
                + "]";
    }
}
