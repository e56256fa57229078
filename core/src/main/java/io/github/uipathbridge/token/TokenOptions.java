package io.github.uipathbridge.token;

import io.github.uipathbridge.credentials.CredentialStore;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What to ask a token for and how: the token endpoint, where the client id and secret live, the scopes, and the
 * timing of refresh, expiry and retries. Immutable; build with {@link #builder()}.
 *
 * <p>Two options with the same endpoint, client and scopes share one cached token inside a {@link TokenService}.
 * Different scope sets never share a token.
 */
public final class TokenOptions {

    /** Refresh when this share of the lifetime has passed, less the jitter. */
    public static final double DEFAULT_REFRESH_AHEAD_RATIO = 0.8;

    /** Up to this share of the lifetime is taken off the refresh point at random, so instances spread out. */
    public static final double DEFAULT_REFRESH_JITTER = 0.1;

    /** A token is not handed out in its last 30 seconds, so a call in flight does not carry an expired token. */
    public static final Duration DEFAULT_EXPIRY_MARGIN = Duration.ofSeconds(30);

    /**
     * Assumed lifetime when the answer has neither a usable {@code expires_in} nor a JWT {@code exp}: short, so a
     * token of unknown life is never kept long.
     */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    /** Time allowed for one token request, from send to the end of the answer. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Attempts for one token request when the server answers 5xx, times out or cannot be reached. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** Backoff before the second attempt; doubled each time, with full jitter, up to {@link #DEFAULT_MAX_BACKOFF}. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);

    /** Longest pause between attempts. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(2);

    private final URI tokenEndpoint;

    private final CredentialStore credentialStore;

    private final SortedSet<String> scopes;

    private final ClientAuthentication clientAuthentication;

    private final double refreshAheadRatio;

    private final double refreshJitter;

    private final Duration expiryMargin;

    private final Duration defaultLifetime;

    private final Duration requestTimeout;

    private final int maxAttempts;

    private final Duration initialBackoff;

    private final Duration maxBackoff;

    private TokenOptions(Builder builder) {
        this.tokenEndpoint = requireEndpoint(builder.tokenEndpoint);
        this.credentialStore = Objects.requireNonNull(builder.credentialStore, "credentialStore must not be null");
        this.scopes = Collections.unmodifiableSortedSet(new TreeSet<>(builder.scopes));
        this.clientAuthentication = builder.clientAuthentication;
        this.refreshAheadRatio = requireRatio(builder.refreshAheadRatio, 0.1, 1.0, "refreshAheadRatio");
        this.refreshJitter = requireRatio(builder.refreshJitter, 0.0, refreshAheadRatio / 2, "refreshJitter");
        this.expiryMargin = requireNotNegative(builder.expiryMargin, "expiryMargin");
        this.defaultLifetime = requirePositive(builder.defaultLifetime, "defaultLifetime");
        this.requestTimeout = requirePositive(builder.requestTimeout, "requestTimeout");
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = requireNotNegative(builder.initialBackoff, "initialBackoff");
        this.maxBackoff = requireNotNegative(builder.maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to derive a variant. */
    public Builder toBuilder() {
        return new Builder()
                .tokenEndpoint(tokenEndpoint)
                .credentialStore(credentialStore)
                .scopes(scopes)
                .clientAuthentication(clientAuthentication)
                .refreshAheadRatio(refreshAheadRatio)
                .refreshJitter(refreshJitter)
                .expiryMargin(expiryMargin)
                .defaultLifetime(defaultLifetime)
                .requestTimeout(requestTimeout)
                .maxAttempts(maxAttempts)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff);
    }

    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    public CredentialStore credentialStore() {
        return credentialStore;
    }

    /** The scopes asked for, sorted, unmodifiable; empty means the request carries no {@code scope} field. */
    public SortedSet<String> scopes() {
        return scopes;
    }

    /** The scopes as the space-separated {@code scope} value of RFC 6749 section 3.3. */
    public String scopeValue() {
        return String.join(" ", scopes);
    }

    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    public double refreshAheadRatio() {
        return refreshAheadRatio;
    }

    public double refreshJitter() {
        return refreshJitter;
    }

    public Duration expiryMargin() {
        return expiryMargin;
    }

    public Duration defaultLifetime() {
        return defaultLifetime;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Endpoint, store description, scopes and client authentication; never a secret. */
    @Override
    public String toString() {
        return "TokenOptions[endpoint=" + tokenEndpoint + ", store=" + credentialStore.describe() + ", scopes=" + scopes
                + ", clientAuthentication=" + clientAuthentication + "]";
    }

    private static URI requireEndpoint(URI endpoint) {
        Objects.requireNonNull(endpoint, "tokenEndpoint must not be null");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("tokenEndpoint must be an absolute http or https URI, not " + endpoint);
        }
        if (endpoint.getRawUserInfo() != null) {
            // The endpoint shows up in log lines and messages; credentials belong in the credential store.
            throw new IllegalArgumentException("tokenEndpoint must not hold user info; use the credential store");
        }
        return endpoint;
    }

    private static double requireRatio(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }

    private static Duration requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value);
        }
        return value;
    }

    /** Builds {@link TokenOptions}; {@link #tokenEndpoint} and {@link #credentialStore} are required. */
    public static final class Builder {

        private URI tokenEndpoint;

        private CredentialStore credentialStore;

        private final SortedSet<String> scopes = new TreeSet<>();

        private ClientAuthentication clientAuthentication = ClientAuthentication.BODY;

        private double refreshAheadRatio = DEFAULT_REFRESH_AHEAD_RATIO;

        private double refreshJitter = DEFAULT_REFRESH_JITTER;

        private Duration expiryMargin = DEFAULT_EXPIRY_MARGIN;

        private Duration defaultLifetime = DEFAULT_LIFETIME;

        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;

        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

        private Builder() {}

        /** The token endpoint, for example {@code https://cloud.uipath.com/org/identity_/connect/token}. Required. */
        public Builder tokenEndpoint(URI tokenEndpoint) {
            this.tokenEndpoint = tokenEndpoint;
            return this;
        }

        /** Where the client id and secret are read. Required. The service does not close it. */
        public Builder credentialStore(CredentialStore credentialStore) {
            this.credentialStore = credentialStore;
            return this;
        }

        /** Replaces the scopes; each element may itself hold several scopes separated by white space. */
        public Builder scopes(Collection<String> scopes) {
            Objects.requireNonNull(scopes, "scopes must not be null");
            this.scopes.clear();
            scopes.forEach(this::scope);
            return this;
        }

        /** Adds one or more scopes separated by white space, as in {@code "OR.Jobs OR.Machines"}. */
        public Builder scope(String scope) {
            Objects.requireNonNull(scope, "scope must not be null");
            for (String part : scope.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    scopes.add(part);
                }
            }
            return this;
        }

        /** How the client authenticates; default {@link ClientAuthentication#BODY}. */
        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            this.clientAuthentication =
                    Objects.requireNonNull(clientAuthentication, "clientAuthentication must not be null");
            return this;
        }

        /** Share of the lifetime after which a token is refreshed in the background; default 0.8, range 0.1 to 1. */
        public Builder refreshAheadRatio(double refreshAheadRatio) {
            this.refreshAheadRatio = refreshAheadRatio;
            return this;
        }

        /** Largest share of the lifetime taken off the refresh point at random; default 0.1, at most half the ratio. */
        public Builder refreshJitter(double refreshJitter) {
            this.refreshJitter = refreshJitter;
            return this;
        }

        /**
         * Time before expiry at which a token is no longer handed out; default 30 s. Capped at half the token's
         * lifetime so a short-lived token is still used.
         */
        public Builder expiryMargin(Duration expiryMargin) {
            this.expiryMargin = expiryMargin;
            return this;
        }

        /** Lifetime assumed when neither {@code expires_in} nor a JWT {@code exp} is usable; default 5 minutes. */
        public Builder defaultLifetime(Duration defaultLifetime) {
            this.defaultLifetime = defaultLifetime;
            return this;
        }

        /** Time allowed for one token request; default 10 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** Attempts per token request for 5xx, timeouts and connection failures; default 3; 4xx are never retried. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Backoff before the second attempt, doubled after each, with full jitter; default 200 ms. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /** Longest backoff between attempts; default 2 s. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws NullPointerException if the endpoint or the store is missing
         * @throws IllegalArgumentException naming the setting if a value is out of range
         */
        public TokenOptions build() {
            return new TokenOptions(this);
        }
    }
}
