package io.github.uipathbridge.credentials.aws;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.StoreConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * Settings of the {@code aws:} credential store, immutable, read from {@link StoreConfig} keys under
 * {@code uipath.credentials.aws.}.
 *
 * <p>What is not set is left to the AWS SDK, which resolves it the way every AWS tool does: the region from
 * {@code AWS_REGION}, the {@code aws.region} system property or the profile; the endpoint from
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}, {@code AWS_ENDPOINT_URL} (or the {@code aws.endpointUrlSecretsManager},
 * {@code aws.endpointUrl} system properties) or the profile's {@code endpoint_url}; the profile from
 * {@code AWS_PROFILE}; the retry mode from {@code AWS_RETRY_MODE} or the profile; credentials from the SDK's default
 * provider chain.
 */
public final class SecretsManagerOptions {

    /** Key prefix of every setting. */
    public static final String PREFIX = "uipath.credentials.aws.";

    /** AWS region, such as {@code eu-west-1}. Default: the SDK's region chain. */
    public static final String REGION = PREFIX + "region";

    /** Endpoint URL that replaces the regional one, such as a VPC endpoint or a local emulator. */
    public static final String ENDPOINT = PREFIX + "endpoint";

    /**
     * Named profile of the shared AWS config and credentials files. When set, credentials come from this profile only
     * (not from the rest of the default chain) and the profile's region, endpoint and retry settings apply.
     */
    public static final String PROFILE = PREFIX + "profile";

    /** Client id for secrets that hold only the client secret as plain text. */
    public static final String CLIENT_ID = PREFIX + "client-id";

    /** JSON key of the client id in a JSON secret. Default {@code client_id}. */
    public static final String CLIENT_ID_KEY = PREFIX + "client-id-key";

    /** JSON key of the client secret in a JSON secret. Default {@code client_secret}. */
    public static final String CLIENT_SECRET_KEY = PREFIX + "client-secret-key";

    /** How long a read value is served from the cache before {@code DescribeSecret} is asked. Default 5 minutes. */
    public static final String CACHE_TTL = PREFIX + "cache-ttl";

    /** TCP connect timeout. Default 5 seconds. */
    public static final String CONNECT_TIMEOUT = PREFIX + "connect-timeout";

    /** Socket read timeout of one HTTP attempt. Default 10 seconds. */
    public static final String READ_TIMEOUT = PREFIX + "read-timeout";

    /** Limit on one API call including the SDK's retries. Default 30 seconds. */
    public static final String API_CALL_TIMEOUT = PREFIX + "api-call-timeout";

    /** SDK retry mode: {@code standard}, {@code adaptive} or {@code legacy}. Default: the SDK's resolution. */
    public static final String RETRY_MODE = PREFIX + "retry-mode";

    /** Attempts per call, first one included, for throttling and 5xx answers. Default: the SDK's (3). */
    public static final String MAX_ATTEMPTS = PREFIX + "max-attempts";

    static final String DEFAULT_CLIENT_ID_KEY = "client_id";

    static final String DEFAULT_CLIENT_SECRET_KEY = "client_secret";

    // A rotated secret is noticed within this time even without an invalid_client from the identity server; a
    // DescribeSecret every five minutes costs little against the Secrets Manager request quota.
    static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    // Long enough for the SDK's default three attempts with back-off, short enough that a token refresh fails
    // while the token it replaces is still valid.
    static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(30);

    private final String region;

    private final URI endpoint;

    private final String profile;

    private final String clientId;

    private final String clientIdKey;

    private final String clientSecretKey;

    private final Duration cacheTtl;

    private final Duration connectTimeout;

    private final Duration readTimeout;

    private final Duration apiCallTimeout;

    private final RetryMode retryMode;

    private final Integer maxAttempts;

    private SecretsManagerOptions(Builder builder) {
        this.region = builder.region;
        this.endpoint = builder.endpoint;
        this.profile = builder.profile;
        this.clientId = builder.clientId;
        this.clientIdKey = builder.clientIdKey;
        this.clientSecretKey = builder.clientSecretKey;
        this.cacheTtl = builder.cacheTtl;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.apiCallTimeout = builder.apiCallTimeout;
        this.retryMode = builder.retryMode;
        this.maxAttempts = builder.maxAttempts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the settings.
     *
     * @throws CredentialsException with reason {@code CONFIGURATION} naming the key of a value that cannot be used
     */
    public static SecretsManagerOptions from(StoreConfig config) {
        Objects.requireNonNull(config, "config must not be null");
        Builder builder = builder();
        config.get(REGION).ifPresent(builder::region);
        config.get(ENDPOINT).ifPresent(value -> builder.endpoint(parseEndpoint(value)));
        config.get(PROFILE).ifPresent(builder::profile);
        config.get(CLIENT_ID).ifPresent(builder::clientId);
        config.get(CLIENT_ID_KEY).ifPresent(builder::clientIdKey);
        config.get(CLIENT_SECRET_KEY).ifPresent(builder::clientSecretKey);
        builder.cacheTtl(duration(config, CACHE_TTL, DEFAULT_CACHE_TTL, true));
        builder.connectTimeout(duration(config, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, false));
        builder.readTimeout(duration(config, READ_TIMEOUT, DEFAULT_READ_TIMEOUT, false));
        builder.apiCallTimeout(duration(config, API_CALL_TIMEOUT, DEFAULT_API_CALL_TIMEOUT, false));
        config.get(RETRY_MODE).ifPresent(value -> builder.retryMode(parseRetryMode(value)));
        config.get(MAX_ATTEMPTS).ifPresent(value -> builder.maxAttempts(parseMaxAttempts(value)));
        return builder.build();
    }

    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    public Optional<String> profile() {
        return Optional.ofNullable(profile);
    }

    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    public String clientIdKey() {
        return clientIdKey;
    }

    public String clientSecretKey() {
        return clientSecretKey;
    }

    public Duration cacheTtl() {
        return cacheTtl;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration apiCallTimeout() {
        return apiCallTimeout;
    }

    public Optional<RetryMode> retryMode() {
        return Optional.ofNullable(retryMode);
    }

    public Optional<Integer> maxAttempts() {
        return Optional.ofNullable(maxAttempts);
    }

    @Override
    public String toString() {
        return "SecretsManagerOptions[region=" + region + ", endpoint=" + endpoint + ", profile=" + profile
                + ", clientId=" + clientId + ", clientIdKey=" + clientIdKey + ", clientSecretKey=" + clientSecretKey
                + ", cacheTtl=" + cacheTtl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", apiCallTimeout=" + apiCallTimeout + ", retryMode=" + retryMode + ", maxAttempts=" + maxAttempts
                + "]";
    }

    private static URI parseEndpoint(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            throw configuration(ENDPOINT + " must be an http or https URL, not '" + value + "'", e);
        }
        throw configuration(ENDPOINT + " must be an http or https URL, not '" + value + "'", null);
    }

    private static Duration duration(StoreConfig config, String key, Duration defaultValue, boolean zeroAllowed) {
        Duration value = config.getDuration(key, defaultValue);
        if (value.isNegative() || (value.isZero() && !zeroAllowed)) {
            throw configuration(
                    key + " must be " + (zeroAllowed ? "zero or more" : "more than zero") + ", not "
                            + config.get(key).orElse(value.toString()),
                    null);
        }
        return value;
    }

    private static RetryMode parseRetryMode(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "standard" -> RetryMode.STANDARD;
            case "adaptive" -> RetryMode.ADAPTIVE_V2;
            case "legacy" -> RetryMode.LEGACY;
            default ->
                throw configuration(RETRY_MODE + " must be standard, adaptive or legacy, not '" + value + "'", null);
        };
    }

    private static int parseMaxAttempts(String value) {
        try {
            int attempts = Integer.parseInt(value);
            if (attempts >= 1) {
                return attempts;
            }
        } catch (NumberFormatException e) {
            throw configuration(MAX_ATTEMPTS + " must be a whole number of at least 1, not '" + value + "'", e);
        }
        throw configuration(MAX_ATTEMPTS + " must be a whole number of at least 1, not '" + value + "'", null);
    }

    private static CredentialsException configuration(String message, Throwable cause) {
        return new CredentialsException(CredentialsException.Reason.CONFIGURATION, "Setting " + message, cause);
    }

    /** Builds {@link SecretsManagerOptions}; every setting has the default documented on its key. */
    public static final class Builder {

        private String region;

        private URI endpoint;

        private String profile;

        private String clientId;

        private String clientIdKey = DEFAULT_CLIENT_ID_KEY;

        private String clientSecretKey = DEFAULT_CLIENT_SECRET_KEY;

        private Duration cacheTtl = DEFAULT_CACHE_TTL;

        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Duration readTimeout = DEFAULT_READ_TIMEOUT;

        private Duration apiCallTimeout = DEFAULT_API_CALL_TIMEOUT;

        private RetryMode retryMode;

        private Integer maxAttempts;

        private Builder() {}

        public Builder region(String region) {
            this.region = requireText(region, "region");
            return this;
        }

        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint must not be null");
            return this;
        }

        public Builder profile(String profile) {
            this.profile = requireText(profile, "profile");
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = requireText(clientId, "clientId");
            return this;
        }

        public Builder clientIdKey(String clientIdKey) {
            this.clientIdKey = requireText(clientIdKey, "clientIdKey");
            return this;
        }

        public Builder clientSecretKey(String clientSecretKey) {
            this.clientSecretKey = requireText(clientSecretKey, "clientSecretKey");
            return this;
        }

        /** How long reads are served from the cache; zero asks {@code DescribeSecret} on every read. */
        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = requireNotNegative(cacheTtl, "cacheTtl");
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = requirePositive(readTimeout, "readTimeout");
            return this;
        }

        public Builder apiCallTimeout(Duration apiCallTimeout) {
            this.apiCallTimeout = requirePositive(apiCallTimeout, "apiCallTimeout");
            return this;
        }

        public Builder retryMode(RetryMode retryMode) {
            this.retryMode = Objects.requireNonNull(retryMode, "retryMode must not be null");
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        public SecretsManagerOptions build() {
            return new SecretsManagerOptions(this);
        }

        private static String requireText(String value, String name) {
            Objects.requireNonNull(value, () -> name + " must not be null");
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value.strip();
        }

        private static Duration requireNotNegative(Duration value, String name) {
            Objects.requireNonNull(value, () -> name + " must not be null");
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return value;
        }

        private static Duration requirePositive(Duration value, String name) {
            if (requireNotNegative(value, name).isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
