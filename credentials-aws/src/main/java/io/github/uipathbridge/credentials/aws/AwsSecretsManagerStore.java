package io.github.uipathbridge.credentials.aws;

import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialsException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The {@code aws:} store: a client id and secret pair from one AWS Secrets Manager secret.
 *
 * <p>A read value is served from the cache for the configured time. After that, one {@code DescribeSecret} call
 * tells whether the followed stage ({@code AWSCURRENT} unless pinned) still points at the cached {@code VersionId};
 * only when it moved is {@code GetSecretValue} called again. {@link #readFresh()} calls {@code GetSecretValue}
 * straight away. {@link #readPending()} reads the {@code AWSPENDING} version while a rotation is half way, and caches
 * nothing. The pair's version is the secret's {@code VersionId}.
 *
 * <p>Thread-safe. Reads that find the cache stale wait for the one refresh in flight instead of each calling AWS. When
 * that refresh finds Secrets Manager unavailable (unreachable, timed out, throttled or failing after the SDK's
 * retries), the value already read is served for up to 30 more seconds before the next check, with a warning; any
 * other failure (the secret deleted, access revoked) is reported to the caller. {@link #readFresh()} and
 * {@link #readPending()} always report failures.
 */
public final class AwsSecretsManagerStore implements CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(AwsSecretsManagerStore.class);

    // While Secrets Manager cannot be reached, the cached value is served and the check repeated this often (or at
    // the cache time, if shorter): often enough to notice the service is back soon, rarely enough that each read
    // does not wait for the SDK's connect timeouts and retries.
    private static final Duration UNAVAILABLE_RETRY_PAUSE = Duration.ofSeconds(30);

    private final SecretsManagerClient client;

    private final List<SdkAutoCloseable> resources;

    private final AwsSecretReference secret;

    private final Duration cacheTtl;

    private final Clock clock;

    private final String description;

    private final String where;

    private final ReentrantLock refreshLock = new ReentrantLock();

    private volatile CachedSecret cached;

    /**
     * Creates a store over an SDK client built for it; {@link AwsSecretsManagerStoreProvider} is the public way in.
     *
     * @param client the SDK client, closed with this store
     * @param resources further resources closed with this store, such as a credentials provider the client was given
     */
    AwsSecretsManagerStore(
            SecretsManagerClient client,
            List<? extends SdkAutoCloseable> resources,
            AwsSecretReference secret,
            Duration cacheTtl,
            Clock clock) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        this.resources = List.copyOf(resources);
        this.secret = Objects.requireNonNull(secret, "secret must not be null");
        this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        String region = String.valueOf(client.serviceClientConfiguration().region());
        Optional<URI> endpoint = client.serviceClientConfiguration().endpointOverride();
        String location = "region " + region + endpoint.map(uri -> " at " + uri).orElse("");
        this.description = "aws:" + secret.secretId() + " (" + secret.selector() + ", " + location + ")";
        this.where = "secret '" + secret.secretId() + "' (" + secret.selector() + ") in " + location;
    }

    @Override
    public ClientCredentials read() {
        CachedSecret entry = cached;
        if (entry != null && entry.isFreshAt(clock.instant())) {
            return entry.credentials;
        }
        refreshLock.lock();
        try {
            return doRead();
        } finally {
            refreshLock.unlock();
        }
    }

    @Override
    public ClientCredentials readFresh() {
        refreshLock.lock();
        try {
            CachedSecret entry = fetch();
            cached = entry;
            return entry.credentials;
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * The {@code AWSPENDING} version when {@code DescribeSecret} shows one apart from {@code AWSCURRENT}; {@code null}
     * when none is staged or when the reference pins a stage or version id, since a pinned reference has no next
     * version to try.
     */
    @Override
    public ClientCredentials readPending() {
        if (!secret.followsCurrent()) {
            return null;
        }
        Optional<String> pending = versionWithOnly(describeSecret(), AwsSecretReference.PENDING_STAGE);
        if (pending.isEmpty()) {
            LOG.debug("No AWSPENDING version apart from AWSCURRENT for {}", where);
            return null;
        }
        GetSecretValueResponse response = getSecretValue(b -> b.versionId(pending.get()));
        ClientCredentials credentials = SecretContentParser.parse(secret, response, description);
        LOG.info("Read AWSPENDING version {} of {}: a rotation is in progress", response.versionId(), where);
        return credentials;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Closes the SDK client, its HTTP connections and the credentials provider it was given. */
    @Override
    public void close() {
        client.close();
        resources.forEach(SdkAutoCloseable::close);
    }

    @Override
    public String toString() {
        return "AwsSecretsManagerStore[" + description + "]";
    }

    private ClientCredentials doRead() {
        CachedSecret entry = cached;
        Instant now = clock.instant();
        if (entry != null && entry.isFreshAt(now)) {
            return entry.credentials;
        }
        CachedSecret next = entry == null ? fetch() : revalidateOrKeep(entry);
        cached = next;
        return next.credentials;
    }

    /**
     * Revalidates; while Secrets Manager is unavailable, keeps serving the value already read and asks again after a
     * short pause, since a secret that could not be checked is far more likely unchanged than rotated.
     */
    private CachedSecret revalidateOrKeep(CachedSecret entry) {
        try {
            return revalidate(entry);
        } catch (CredentialsException e) {
            if (!e.isTransient()) {
                throw e;
            }
            Duration pause = cacheTtl.compareTo(UNAVAILABLE_RETRY_PAUSE) < 0 ? cacheTtl : UNAVAILABLE_RETRY_PAUSE;
            LOG.warn("Serving cached version {} for {} s more: {}", entry.versionId, pause.toSeconds(), e.getMessage());
            LOG.debug("Secrets Manager unavailable for {}", where, e);
            return new CachedSecret(
                    entry.credentials, entry.versionId, clock.instant().plus(pause));
        }
    }

    private CachedSecret revalidate(CachedSecret entry) {
        Optional<String> expected = selectedVersion(describeSecret());
        if (expected.isPresent() && expected.get().equals(entry.versionId)) {
            LOG.debug("Version {} of {} is unchanged; cached value kept", entry.versionId, where);
            return new CachedSecret(
                    entry.credentials, entry.versionId, clock.instant().plus(cacheTtl));
        }
        CachedSecret next = fetch();
        if (!next.versionId.equals(entry.versionId)) {
            LOG.info("{} changed from version {} to {}", where, entry.versionId, next.versionId);
        }
        return next;
    }

    private CachedSecret fetch() {
        Instant requested = clock.instant();
        GetSecretValueResponse response = getSecretValue(b -> {
            secret.versionStage().ifPresent(b::versionStage);
            secret.versionId().ifPresent(b::versionId);
        });
        ClientCredentials credentials = SecretContentParser.parse(secret, response, description);
        LOG.debug("Read version {} of {} ({})", response.versionId(), where, SecretContentParser.formatOf(response));
        return new CachedSecret(credentials, response.versionId(), requested.plus(cacheTtl));
    }

    /** The version id the reference points at now, if {@code DescribeSecret} lists it. */
    private Optional<String> selectedVersion(DescribeSecretResponse described) {
        if (secret.versionId().isPresent()) {
            // A version's value never changes; a pinned id only needs to be still there.
            return secret.versionId().filter(described.versionIdsToStages()::containsKey);
        }
        String stage = secret.versionStage().orElseThrow();
        return described.versionIdsToStages().entrySet().stream()
                .filter(version -> version.getValue().contains(stage))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static Optional<String> versionWithOnly(DescribeSecretResponse described, String stage) {
        return described.versionIdsToStages().entrySet().stream()
                .filter(version -> hasStageButNotCurrent(version.getValue(), stage))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static boolean hasStageButNotCurrent(List<String> stages, String stage) {
        return stages.contains(stage) && !stages.contains(AwsSecretReference.CURRENT_STAGE);
    }

    private DescribeSecretResponse describeSecret() {
        try {
            return client.describeSecret(b -> b.secretId(secret.secretId()));
        } catch (SdkException e) {
            throw SecretsManagerErrors.translate(e, "DescribeSecret", where);
        }
    }

    private GetSecretValueResponse getSecretValue(Consumer<GetSecretValueRequest.Builder> version) {
        try {
            return client.getSecretValue(b -> version.accept(b.secretId(secret.secretId())));
        } catch (SdkException e) {
            throw SecretsManagerErrors.translate(e, "GetSecretValue", where);
        }
    }

    /** One read value and until when it is served without asking AWS. Holds the pair; never logged. */
    private static final class CachedSecret {

        private final ClientCredentials credentials;

        private final String versionId;

        private final Instant freshUntil;

        private CachedSecret(ClientCredentials credentials, String versionId, Instant freshUntil) {
            this.credentials = credentials;
            this.versionId = versionId;
            this.freshUntil = freshUntil;
        }

        private boolean isFreshAt(Instant now) {
            return now.isBefore(freshUntil);
        }
    }
}
