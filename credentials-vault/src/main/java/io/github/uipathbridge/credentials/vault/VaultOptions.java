package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.StoreConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings of the {@code vault:} store: where Vault is, how to talk to it, how long to cache and how to
 * retry. How to log in is a {@link VaultLogin}, chosen from the same configuration.
 *
 * <p>Every key lives under {@code uipath.credentials.vault.}; where the Vault command line honours an environment
 * variable, that variable is the fallback:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>fallback</th><th>default</th></tr>
 *   <tr><td>{@code address}</td><td>{@code VAULT_ADDR}</td><td>required</td></tr>
 *   <tr><td>{@code namespace}</td><td>{@code VAULT_NAMESPACE}</td><td>none</td></tr>
 *   <tr><td>{@code tls-verify}</td><td>{@code VAULT_SKIP_VERIFY} (inverted)</td><td>{@code true}</td></tr>
 *   <tr><td>{@code ca-cert}</td><td>{@code VAULT_CACERT}</td><td>the JDK trust store</td></tr>
 *   <tr><td>{@code client-cert}, {@code client-key}</td><td>{@code VAULT_CLIENT_CERT},
 *       {@code VAULT_CLIENT_KEY}</td><td>none</td></tr>
 *   <tr><td>{@code connect-timeout}</td><td></td><td>5s</td></tr>
 *   <tr><td>{@code read-timeout}</td><td>{@code VAULT_CLIENT_TIMEOUT}</td><td>30s</td></tr>
 *   <tr><td>{@code cache-ttl}</td><td></td><td>5m; {@code 0} reads Vault every time</td></tr>
 *   <tr><td>{@code retry.max-attempts}</td><td></td><td>3</td></tr>
 *   <tr><td>{@code retry.initial-delay}, {@code retry.max-delay}</td><td></td><td>250ms, 5s</td></tr>
 *   <tr><td>{@code kv-version}, {@code kv-version.<mount>}, {@code kv-mounts}</td><td></td><td>see
 *       {@link KvMounts}</td></tr>
 * </table>
 *
 * <p>The CA file may hold several certificates (a bundle); the client key must be PEM PKCS#8 (RSA or EC).
 */
public final class VaultOptions {

    /** The prefix of every key this store reads. */
    public static final String PREFIX = "uipath.credentials.vault.";

    private final URI address;

    private final String namespace;

    private final boolean tlsVerify;

    private final Path caCertFile;

    private final Path clientCertFile;

    private final Path clientKeyFile;

    private final Duration connectTimeout;

    private final Duration readTimeout;

    private final Duration cacheTtl;

    private final RetryPolicy retryPolicy;

    private final KvMounts kvMounts;

    private VaultOptions(Builder builder) {
        this.address = requireAddress(builder.address);
        this.namespace = builder.namespace;
        this.tlsVerify = builder.tlsVerify;
        this.caCertFile = builder.caCertFile;
        this.clientCertFile = builder.clientCertFile;
        this.clientKeyFile = builder.clientKeyFile;
        this.connectTimeout = requirePositive(builder.connectTimeout, "connect-timeout");
        this.readTimeout = requirePositive(builder.readTimeout, "read-timeout");
        this.cacheTtl = requireNotNegative(builder.cacheTtl, "cache-ttl");
        this.retryPolicy = Objects.requireNonNull(builder.retryPolicy, "retryPolicy must not be null");
        this.kvMounts = Objects.requireNonNull(builder.kvMounts, "kvMounts must not be null");
        if ((clientCertFile == null) != (clientKeyFile == null)) {
            throw configuration("client-cert and client-key must be set together");
        }
    }

    /** A builder with the defaults listed on this class; the address must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the settings from configuration, falling back to the {@code VAULT_*} environment variables.
     *
     * @throws CredentialsException with reason {@code CONFIGURATION} naming the key if a value is missing or malformed
     */
    public static VaultOptions from(StoreConfig config) {
        Objects.requireNonNull(config, "config must not be null");
        Builder builder = builder()
                .address(config.get(PREFIX + "address", "VAULT_ADDR")
                        .orElseThrow(() -> configuration("no Vault address: set " + PREFIX + "address or VAULT_ADDR")))
                .tlsVerify(tlsVerify(config))
                .connectTimeout(config.getDuration(PREFIX + "connect-timeout", Builder.DEFAULT_CONNECT_TIMEOUT))
                .readTimeout(durationOrEnvironment(
                        config, PREFIX + "read-timeout", "VAULT_CLIENT_TIMEOUT", Builder.DEFAULT_READ_TIMEOUT))
                .cacheTtl(config.getDuration(PREFIX + "cache-ttl", Builder.DEFAULT_CACHE_TTL))
                .retryPolicy(RetryPolicy.from(config))
                .kvMounts(KvMounts.from(config));
        config.get(PREFIX + "namespace", "VAULT_NAMESPACE").ifPresent(builder::namespace);
        // VAULT_CAPATH (a directory of CA files) is not read, so such setups must point ca-cert at a bundle instead.
        config.get(PREFIX + "ca-cert", "VAULT_CACERT").map(Path::of).ifPresent(builder::caCertFile);
        Optional<Path> clientCert =
                config.get(PREFIX + "client-cert", "VAULT_CLIENT_CERT").map(Path::of);
        Optional<Path> clientKey =
                config.get(PREFIX + "client-key", "VAULT_CLIENT_KEY").map(Path::of);
        if (clientCert.isPresent() || clientKey.isPresent()) {
            builder.clientCertificate(clientCert.orElse(null), clientKey.orElse(null));
        }
        return builder.build();
    }

    /** The Vault address without a trailing slash, for example {@code https://vault.example.com:8200}. */
    public URI address() {
        return address;
    }

    /** The Vault Enterprise / OpenBao namespace sent as {@code X-Vault-Namespace}, if any. */
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    public boolean tlsVerify() {
        return tlsVerify;
    }

    public Optional<Path> caCertFile() {
        return Optional.ofNullable(caCertFile);
    }

    public Optional<Path> clientCertFile() {
        return Optional.ofNullable(clientCertFile);
    }

    public Optional<Path> clientKeyFile() {
        return Optional.ofNullable(clientKeyFile);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** How long a read is served from memory; zero turns the cache off. */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public KvMounts kvMounts() {
        return kvMounts;
    }

    /** Where this store talks to, safe to log: the address and the namespace. */
    public String describe() {
        return namespace == null ? address.toString() : address + " (namespace " + namespace + ")";
    }

    @Override
    public String toString() {
        return "VaultOptions[address=" + address + ", namespace=" + namespace + ", tlsVerify=" + tlsVerify
                + ", caCertFile=" + caCertFile + ", clientCertFile=" + clientCertFile + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", cacheTtl=" + cacheTtl + ", retry="
                + retryPolicy + ", kvMounts=" + kvMounts + "]";
    }

    private static boolean tlsVerify(StoreConfig config) {
        if (config.get(PREFIX + "tls-verify").isPresent()) {
            return config.getBoolean(PREFIX + "tls-verify", true);
        }
        // The Vault CLI treats any value that parses as true (1, t, true) as "skip verification".
        return config.environment("VAULT_SKIP_VERIFY")
                .map(value -> value.toLowerCase(Locale.ROOT))
                .map(value -> !(value.equals("1") || value.equals("t") || value.equals("true")))
                .orElse(true);
    }

    private static Duration durationOrEnvironment(
            StoreConfig config, String key, String environmentVariable, Duration defaultValue) {
        if (config.get(key).isPresent()) {
            return config.getDuration(key, defaultValue);
        }
        return config.environment(environmentVariable)
                .map(value -> StoreConfig.of(Map.of(environmentVariable, value), Map.of())
                        .getDuration(environmentVariable, defaultValue))
                .orElse(defaultValue);
    }

    private static URI requireAddress(String address) {
        if (address == null || address.isBlank()) {
            throw configuration("no Vault address: set " + PREFIX + "address or VAULT_ADDR");
        }
        String text = address.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new CredentialsException(
                    CredentialsException.Reason.CONFIGURATION,
                    "Setting " + PREFIX + "address is not a valid URL: '" + text + "'",
                    e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw configuration(
                    "Setting " + PREFIX + "address must be an http:// or https:// URL with a host, not '" + text + "'");
        }
        if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw configuration("Setting " + PREFIX + "address must not carry user info, a query or a fragment");
        }
        return uri;
    }

    private static Duration requirePositive(Duration value, String key) {
        Objects.requireNonNull(value, key + " must not be null");
        if (value.isZero() || value.isNegative()) {
            throw configuration("Setting " + PREFIX + key + " must be positive, not " + value);
        }
        return value;
    }

    private static Duration requireNotNegative(Duration value, String key) {
        Objects.requireNonNull(value, key + " must not be null");
        if (value.isNegative()) {
            throw configuration("Setting " + PREFIX + key + " must not be negative, not " + value);
        }
        return value;
    }

    static CredentialsException configuration(String message) {
        return new CredentialsException(CredentialsException.Reason.CONFIGURATION, message);
    }

    /** Builds {@link VaultOptions}; not thread-safe. */
    public static final class Builder {

        /** Long enough for a TLS handshake across a region, short enough to fail over quickly. */
        static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

        /** Vault answers a KV read in milliseconds; 30 s covers a slow login backend such as Kubernetes. */
        static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

        /**
         * A credential is read when a UiPath token is fetched (about hourly) and again on {@code invalid_client}, so
         * five minutes only saves calls when many tokens share one store, and never hides a rotation for long.
         */
        static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);

        private String address;

        private String namespace;

        private boolean tlsVerify = true;

        private Path caCertFile;

        private Path clientCertFile;

        private Path clientKeyFile;

        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Duration readTimeout = DEFAULT_READ_TIMEOUT;

        private Duration cacheTtl = DEFAULT_CACHE_TTL;

        private RetryPolicy retryPolicy = RetryPolicy.defaults();

        private KvMounts kvMounts = KvMounts.defaults();

        private Builder() {}

        /** The Vault address, {@code http(s)://host[:port][/path]}; required. */
        public Builder address(String address) {
            this.address = address;
            return this;
        }

        /** The namespace sent as {@code X-Vault-Namespace}. */
        public Builder namespace(String namespace) {
            this.namespace = namespace == null || namespace.isBlank() ? null : namespace.strip();
            return this;
        }

        /** Whether the server certificate is verified; default {@code true}. Turn off only for local tests. */
        public Builder tlsVerify(boolean tlsVerify) {
            this.tlsVerify = tlsVerify;
            return this;
        }

        /** A PEM file of one or more CA certificates to trust instead of the JDK trust store. */
        public Builder caCertFile(Path caCertFile) {
            this.caCertFile = caCertFile;
            return this;
        }

        /** A PEM client certificate (chain) and its PEM PKCS#8 key, for Vault listeners that require mutual TLS. */
        public Builder clientCertificate(Path certificateFile, Path keyFile) {
            this.clientCertFile = certificateFile;
            this.clientKeyFile = keyFile;
            return this;
        }

        /** Connect timeout; default 5 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Timeout of one request once connected; default 30 s. The driver counts whole seconds, rounded up. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** How long a read is served from memory; default 5 minutes; zero turns caching off. */
        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
            return this;
        }

        /** How calls to an unavailable Vault are retried; default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** The KV mounts and their versions; default {@link KvMounts#defaults()}. */
        public Builder kvMounts(KvMounts kvMounts) {
            this.kvMounts = kvMounts;
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws CredentialsException with reason {@code CONFIGURATION} if a setting is missing or out of range
         */
        public VaultOptions build() {
            return new VaultOptions(this);
        }
    }
}
