package io.github.uipathbridge.credentials.vault;

import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.credentials.Versions;
import io.github.uipathbridge.credentials.vault.VaultApi.Reply;
import io.github.uipathbridge.credentials.vault.VaultApi.VaultCallException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code vault:} store: reads a client id and secret from a KV secret in Vault (or OpenBao).
 *
 * <p>The credential's version is the KV v2 version number, so a rotation written to Vault shows as a new version; KV v1
 * keeps no versions, so there the version is a digest of the pair. Reads are cached for
 * {@link VaultOptions#cacheTtl()}; {@link #readFresh()} always asks Vault and refreshes the cache. A read that finds
 * Vault unreachable, sealed or overloaded is tried again per {@link RetryPolicy}; once the cache has expired, nothing
 * stale is served: the read fails with {@code UNAVAILABLE}.
 *
 * <p>Thread-safe. Reads from Vault run one at a time per store; callers that find a fresh cached pair never wait.
 */
public final class VaultCredentialStore implements CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(VaultCredentialStore.class);

    private final VaultOptions options;

    private final KvSecret secret;

    private final VaultApi api;

    private final VaultSession session;

    private final Clock clock;

    private final RetryPolicy.Sleeper sleeper;

    private final Random random = new Random();

    private final ReentrantLock readLock = new ReentrantLock();

    private final AtomicLong vaultReads = new AtomicLong();

    private volatile Cached cached;

    VaultCredentialStore(
            VaultOptions options,
            KvSecret secret,
            VaultApi api,
            VaultLogin login,
            Clock clock,
            RetryPolicy.Sleeper sleeper) {
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.secret = Objects.requireNonNull(secret, "secret must not be null");
        this.api = Objects.requireNonNull(api, "api must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
        this.session = new VaultSession(login, api, clock, options.retryPolicy());
    }

    @Override
    public ClientCredentials read() {
        Cached entry = cached;
        if (isFresh(entry)) {
            return entry.credentials();
        }
        readLock.lock();
        try {
            entry = cached;
            return isFresh(entry) ? entry.credentials() : fetch();
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public ClientCredentials readFresh() {
        readLock.lock();
        try {
            return fetch();
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public String describe() {
        return "vault:" + secret.mount() + "/" + secret.path()
                + secret.pinnedVersion().stream()
                        .mapToObj(v -> "?version=" + v)
                        .findFirst()
                        .orElse("")
                + " (KV v" + secret.kvVersion() + ", fields " + secret.idField() + ", " + secret.secretField()
                + ") at " + options.describe();
    }

    /** Logins so far, counting the lookup of a fixed token as one; for metrics and tests. */
    public long loginCount() {
        return session.logins();
    }

    /** Token renewals so far; for metrics and tests. */
    public long renewalCount() {
        return session.renewals();
    }

    /** KV reads sent to Vault so far (cache hits excluded); for metrics and tests. */
    public long vaultReadCount() {
        return vaultReads.get();
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "VaultCredentialStore[" + describe() + "]";
    }

    private boolean isFresh(Cached entry) {
        return entry != null
                && !options.cacheTtl().isZero()
                && clock.instant().isBefore(entry.readAt().plus(options.cacheTtl()));
    }

    /** Reads Vault, with retries, and caches the result; the caller holds the read lock. */
    private ClientCredentials fetch() {
        Instant readAt = clock.instant();
        ClientCredentials credentials = options.retryPolicy().run(this::readOnce, sleeper, random);
        Cached previous = cached;
        cached = new Cached(credentials, readAt);
        if (previous != null && !previous.credentials().version().equals(credentials.version())) {
            LOG.info(
                    "Vault {}: {} changed from version {} to {}",
                    options.describe(),
                    secret.reference(),
                    previous.credentials().version(),
                    credentials.version());
        } else {
            LOG.debug("Vault {}: read {} version {}", options.describe(), secret.reference(), credentials.version());
        }
        return credentials;
    }

    private ClientCredentials readOnce() {
        VaultToken token = session.token();
        Reply reply = call(token);
        if (reply.status() == 403) {
            Optional<VaultToken> again = session.replaceRejected(token);
            if (again.isPresent()) {
                reply = call(again.get());
            }
        }
        if (reply.status() != 200) {
            throw VaultErrors.readRefused(options.describe(), secret, reply);
        }
        return credentialsFrom(reply);
    }

    private Reply call(VaultToken token) {
        vaultReads.incrementAndGet();
        try {
            Reply reply = api.read(secret.readPath(), token.value());
            if (VaultErrors.reasonFor(reply.status()) == CredentialsException.Reason.UNAVAILABLE) {
                throw VaultErrors.readFailed(
                        options.describe(), secret, new VaultCallException("read", reply.status(), null));
            }
            return reply;
        } catch (VaultCallException e) {
            throw VaultErrors.readFailed(options.describe(), secret, e);
        }
    }

    private ClientCredentials credentialsFrom(Reply reply) {
        JsonObject data = reply.object("data");
        JsonObject values = data;
        String version = null;
        if (secret.kvVersion() == 2) {
            JsonValue inner = data.get("data");
            if (inner == null || !inner.isObject()) {
                throw VaultErrors.malformed(
                        options.describe(), secret, "has no data.data object; is the mount really KV version 2?");
            }
            values = inner.asObject();
            version = kvVersionOf(data);
        }
        String clientId = field(values, secret.idField());
        Secret clientSecret = Secret.of(field(values, secret.secretField()));
        if (version == null) {
            version = Versions.digestOf(clientId, clientSecret);
        }
        return ClientCredentials.of(clientId, clientSecret, version, describe());
    }

    private String kvVersionOf(JsonObject data) {
        JsonValue metadata = data.get("metadata");
        JsonValue version =
                metadata != null && metadata.isObject() ? metadata.asObject().get("version") : null;
        if (version == null || !version.isNumber()) {
            throw VaultErrors.malformed(options.describe(), secret, "has no data.metadata.version number");
        }
        return Long.toString(version.asLong());
    }

    private String field(JsonObject values, String name) {
        JsonValue value = values.get(name);
        if (value == null) {
            throw VaultErrors.badField(options.describe(), secret, name, "is missing");
        }
        if (!value.isString()) {
            throw VaultErrors.badField(options.describe(), secret, name, "is not a string (" + kindOf(value) + ")");
        }
        if (value.asString().isBlank()) {
            throw VaultErrors.badField(options.describe(), secret, name, "is empty");
        }
        return value.asString();
    }

    private static String kindOf(JsonValue value) {
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isNull()) {
            return "null";
        }
        return value.isArray() ? "an array" : "an object";
    }

    /** A pair and when it was read; a class rather than a record, since it holds a secret. */
    private static final class Cached {

        private final ClientCredentials credentials;

        private final Instant readAt;

        Cached(ClientCredentials credentials, Instant readAt) {
            this.credentials = credentials;
            this.readAt = readAt;
        }

        ClientCredentials credentials() {
            return credentials;
        }

        Instant readAt() {
            return readAt;
        }
    }
}
