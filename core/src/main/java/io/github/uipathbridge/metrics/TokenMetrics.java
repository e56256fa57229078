package io.github.uipathbridge.metrics;

import io.github.uipathbridge.token.AccessToken;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The token service's meters. Tags name the token endpoint (scheme, host, port and path, no query), the client id,
 * scopes, an outcome or an error code; never a secret, a fingerprint or a token.
 *
 * <ul>
 *   <li>{@value #REQUESTS}: counter, one per HTTP request to the identity server, tag {@code outcome} ({@code success}
 *       or the error code)
 *   <li>{@value #CACHE_HITS}: counter, tokens handed out from the cache
 *   <li>{@value #REFRESHES}: counter, tokens replaced, tag {@code mode} ({@code background} ahead of expiry, or
 *       {@code blocking} when a caller had to wait)
 *   <li>{@value #FAILURES}: counter, fetches that gave no token after every retry, tag {@code code}
 *   <li>{@value #SECONDS_TO_EXPIRY}: gauge per endpoint, client and scopes; NaN while no token is cached
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class TokenMetrics {

    public static final String REQUESTS = "uipath.token.requests";

    public static final String CACHE_HITS = "uipath.token.cache.hits";

    public static final String REFRESHES = "uipath.token.refreshes";

    public static final String FAILURES = "uipath.token.failures";

    public static final String SECONDS_TO_EXPIRY = "uipath.token.seconds.to.expiry";

    private final MeterRegistry registry;

    private final Clock clock;

    private final Map<Tags, Tracked> gauges = new ConcurrentHashMap<>();

    /**
     * Creates the meters' home.
     *
     * @param registry where meters are registered
     * @param clock the clock that the expiry gauge measures against
     */
    public TokenMetrics(MeterRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Counts one HTTP request to the identity server. */
    public void request(URI endpoint, String outcome) {
        registry.counter(REQUESTS, "endpoint", endpoint(endpoint), "outcome", outcome)
                .increment();
    }

    /** The cache-hit counter for an endpoint, to keep and increment on the hot path. */
    public Counter cacheHits(URI endpoint) {
        return registry.counter(CACHE_HITS, "endpoint", endpoint(endpoint));
    }

    /** Counts a token replaced, {@code background} or {@code blocking}. */
    public void refresh(URI endpoint, String mode) {
        registry.counter(REFRESHES, "endpoint", endpoint(endpoint), "mode", mode)
                .increment();
    }

    /** Counts a fetch that ended without a token. */
    public void failure(URI endpoint, String code) {
        registry.counter(FAILURES, "endpoint", endpoint(endpoint), "code", code).increment();
    }

    /**
     * Shows the seconds to expiry of the token {@code current} supplies; a later call for the same tags replaces the
     * supplier, so a slot for a rotated secret takes over the gauge.
     */
    public void trackExpiry(URI endpoint, String clientId, SortedSet<String> scopes, Supplier<AccessToken> current) {
        Tags tags = expiryTags(endpoint, clientId, scopes);
        Tracked tracked = gauges.computeIfAbsent(tags, this::register);
        tracked.source.set(current);
    }

    /** Removes the expiry gauge for these tags. */
    public void untrackExpiry(URI endpoint, String clientId, SortedSet<String> scopes) {
        Tracked tracked = gauges.remove(expiryTags(endpoint, clientId, scopes));
        if (tracked != null) {
            registry.remove(tracked.gauge);
        }
    }

    private Tracked register(Tags tags) {
        AtomicReference<Supplier<AccessToken>> source = new AtomicReference<>(() -> null);
        Gauge gauge = Gauge.builder(SECONDS_TO_EXPIRY, source, this::secondsToExpiry)
                .tags(tags)
                .baseUnit("seconds")
                .description("Seconds until the cached token expires")
                .register(registry);
        return new Tracked(gauge, source);
    }

    private double secondsToExpiry(AtomicReference<Supplier<AccessToken>> source) {
        AccessToken token = source.get().get();
        if (token == null) {
            return Double.NaN;
        }
        return Duration.between(clock.instant(), token.expiresAt()).toMillis() / 1000.0;
    }

    private static Tags expiryTags(URI endpoint, String clientId, SortedSet<String> scopes) {
        return Tags.of("endpoint", endpoint(endpoint), "client", clientId, "scopes", String.join(" ", scopes));
    }

    private static String endpoint(URI endpoint) {
        String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
        return endpoint.getScheme() + "://" + endpoint.getHost() + port + endpoint.getRawPath();
    }

    private record Tracked(Gauge gauge, AtomicReference<Supplier<AccessToken>> source) {}
}
