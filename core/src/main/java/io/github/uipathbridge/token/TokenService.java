package io.github.uipathbridge.token;

import io.github.uipathbridge.metrics.TokenMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Gets OAuth2 client-credentials tokens (RFC 6749 section 4.4) and keeps them cached and fresh. One per application;
 * all state lives in the instance (no statics), so two services never share a token.
 *
 * <p>Tokens are cached per key: token endpoint, client id, sorted scopes and the SHA-256 fingerprint of the secret,
 * never the secret itself. The cache holds at most {@link Builder#maxCacheEntries(int)} keys, least recently used
 * first out. Callers keep a {@link TokenProvider} per {@link TokenOptions}; its {@code get()} is the hot path.
 *
 * <p>Thread-safe. {@link #close()} stops background refreshes; providers fail afterwards.
 */
public final class TokenService implements AutoCloseable {

    /** Keys kept by default; each is one client and scope set, so a few hundred is far more than routes need. */
    public static final int DEFAULT_MAX_CACHE_ENTRIES = 256;

    /** Time allowed to open a connection to the identity server. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Clock clock;

    private final TokenMetrics metrics;

    private final TokenCache cache;

    private final TokenClient client;

    private final ExecutorService refreshExecutor;

    private final RandomGenerator random;

    private volatile boolean closed;

    private TokenService(Builder builder) {
        this.clock = builder.clock;
        this.random = builder.random;
        this.metrics = new TokenMetrics(builder.meterRegistry, clock);
        this.cache = new TokenCache(builder.maxCacheEntries, metrics);
        this.client = new TokenClient(httpClient(builder), clock, random, builder.sleeper, metrics);
        this.refreshExecutor = Executors.newCachedThreadPool(daemonThreads());
    }

    /** A service with every default: system clock, a private {@link SimpleMeterRegistry}. */
    public static TokenService create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A provider for these options. Cheap; keep one per route or endpoint rather than one per call, because the
     * provider remembers its cache entry and so answers without reading the credential store.
     *
     * @throws IllegalStateException if the service is closed
     */
    public TokenProvider provider(TokenOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        requireOpen();
        return new CachingTokenProvider(options, this);
    }

    /**
     * A token for these options; the same as {@code provider(options).get()}, so it reads the credential store on each
     * call to find the cache key. Prefer keeping a {@link #provider(TokenOptions)}.
     *
     * @throws TokenException if no token could be obtained
     */
    public AccessToken token(TokenOptions options) {
        return provider(options).get();
    }

    /** The registry the service's meters are on. */
    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    /** Stops background refreshes and forgets every token. Idempotent. */
    @Override
    public void close() {
        closed = true;
        refreshExecutor.shutdownNow();
        cache.clear();
    }

    Clock clock() {
        return clock;
    }

    TokenMetrics metrics() {
        return metrics;
    }

    TokenCache cache() {
        return cache;
    }

    TokenClient client() {
        return client;
    }

    ExecutorService refreshExecutor() {
        return refreshExecutor;
    }

    RandomGenerator random() {
        return random;
    }

    boolean isClosed() {
        return closed;
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("TokenService is closed");
        }
    }

    private static HttpClient httpClient(Builder builder) {
        if (builder.httpClient != null) {
            if (builder.httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("httpClient must not follow redirects (HttpClient.Redirect.NEVER)");
            }
            return builder.httpClient;
        }
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(builder.connectTimeout)
                .build();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "uipath-token-refresh-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Pauses between retries; the default sleeps, tests record instead. */
    @FunctionalInterface
    public interface Sleeper {

        /**
         * Pauses for {@code duration}.
         *
         * @throws InterruptedException if the thread is interrupted while pausing
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Builds a {@link TokenService}; every setting has a default. */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();

        private MeterRegistry meterRegistry;

        private int maxCacheEntries = DEFAULT_MAX_CACHE_ENTRIES;

        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private HttpClient httpClient;

        private RandomGenerator random = new Random();

        private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

        private Builder() {}

        /** The clock for send times, expiry and refresh; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /** Where meters go; default a private {@link SimpleMeterRegistry}. */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry must not be null");
            return this;
        }

        /** Most keys cached at once; default {@value #DEFAULT_MAX_CACHE_ENTRIES}. */
        public Builder maxCacheEntries(int maxCacheEntries) {
            if (maxCacheEntries < 1) {
                throw new IllegalArgumentException("maxCacheEntries must be at least 1, not " + maxCacheEntries);
            }
            this.maxCacheEntries = maxCacheEntries;
            return this;
        }

        /** Connect timeout of the default HTTP client; default 10 s. Ignored when {@link #httpClient} is set. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
            return this;
        }

        /** The HTTP client for token requests; it must use {@link HttpClient.Redirect#NEVER}. Default: one of ours. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient must not be null");
            return this;
        }

        /** Source of jitter for refresh points and backoff, shared by threads so it must be thread-safe; default a
         * {@link Random}.
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random must not be null");
            return this;
        }

        /** How retries pause; default {@link Thread#sleep(long)}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
            return this;
        }

        public TokenService build() {
            if (meterRegistry == null) {
                meterRegistry = new SimpleMeterRegistry();
            }
            return new TokenService(this);
        }
    }
}
