package io.github.uipathbridge.token;

import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialsException;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TokenProvider} of a {@link TokenService}: remembers its cache slot so the hot path is a volatile read and
 * a clock read; reads the credential store only when a token must be fetched.
 */
final class CachingTokenProvider implements TokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(CachingTokenProvider.class);

    /** After a failed background refresh, wait this long before the next, so a down server is not hammered. */
    private static final Duration BACKGROUND_RETRY_PAUSE = Duration.ofSeconds(5);

    private final TokenOptions options;

    private final TokenService service;

    private final Counter cacheHits;

    private final RotatedSecretRetry rotation;

    private volatile TokenSlot slot;

    CachingTokenProvider(TokenOptions options, TokenService service) {
        this.options = options;
        this.service = service;
        this.cacheHits = service.metrics().cacheHits(options.tokenEndpoint());
        this.rotation = new RotatedSecretRetry(options, service, this::readStore);
    }

    @Override
    public AccessToken get() {
        TokenSlot known = slot;
        AccessToken token = known == null ? null : known.current();
        long now = service.clock().millis();
        if (token != null && token.isUsableAtMillis(now)) {
            cacheHits.increment();
            if (token.isRefreshDueAtMillis(now)) {
                refreshInBackground(known, Instant.ofEpochMilli(now));
            }
            return token;
        }
        service.requireOpen();
        // A provider that held a slot before is replacing an expired or refused token: a blocking refresh.
        return fetchNow(known != null);
    }

    @Override
    public void invalidate(AccessToken sent) {
        Objects.requireNonNull(sent, "sent must not be null");
        TokenSlot known = slot;
        if (known != null && known.evict(sent)) {
            LOG.info("Token for {} was refused by the API; the next call fetches a new one", known.key());
        }
    }

    @Override
    public TokenOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "TokenProvider[" + options + "]";
    }

    private AccessToken fetchNow(boolean replacing) {
        ClientCredentials credentials = readCurrent();
        TokenSlot target = slotFor(credentials);
        AccessToken cached = target.current();
        if (cached != null && cached.isUsableAt(service.clock().instant())) {
            slot = target;
            cacheHits.increment();
            return cached;
        }
        Fetched fetched = await(target.fetch(() -> fetchAndInstall(target, credentials), Runnable::run));
        slot = fetched.slot();
        if (replacing) {
            service.metrics().refresh(options.tokenEndpoint(), "blocking");
        }
        return fetched.token();
    }

    private void refreshInBackground(TokenSlot known, Instant now) {
        if (!known.tryStartBackgroundRefresh(now)) {
            return;
        }
        try {
            service.refreshExecutor().execute(() -> backgroundRefresh(known));
        } catch (RejectedExecutionException e) {
            known.backgroundRefreshDone(Instant.MIN);
        }
    }

    private void backgroundRefresh(TokenSlot known) {
        Instant pausedUntil = Instant.MIN;
        try {
            ClientCredentials credentials = readCurrent();
            TokenSlot target = slotFor(credentials);
            Fetched fetched = await(target.fetch(() -> fetchAndInstall(target, credentials), Runnable::run));
            slot = fetched.slot();
            service.metrics().refresh(options.tokenEndpoint(), "background");
            LOG.info(
                    "Refreshed token for {} ahead of expiry; it expires at {}",
                    target.key(),
                    fetched.token().expiresAt());
        } catch (TokenException e) {
            pausedUntil = service.clock().instant().plus(BACKGROUND_RETRY_PAUSE);
            logBackgroundFailure(e);
        } finally {
            known.backgroundRefreshDone(pausedUntil);
        }
    }

    private void logBackgroundFailure(TokenException e) {
        if (service.isClosed()) {
            LOG.debug("Background token refresh for {} stopped: the service is closed", options.tokenEndpoint());
            return;
        }
        LOG.warn("Background token refresh for {} failed: {}", options.tokenEndpoint(), e.getMessage());
        LOG.debug("Background token refresh failure", e);
    }

    /** Runs as the single request in flight for {@code target}; counts a failure once, whatever the waiters. */
    private Fetched fetchAndInstall(TokenSlot target, ClientCredentials credentials) {
        try {
            return doFetch(target, credentials);
        } catch (TokenException e) {
            throw failed(e);
        }
    }

    private Fetched doFetch(TokenSlot target, ClientCredentials credentials) {
        try {
            AccessToken token = service.client().fetch(options, credentials);
            target.install(token);
            return new Fetched(token, target);
        } catch (TokenException e) {
            if (e.code() != TokenException.Code.INVALID_CLIENT) {
                throw e;
            }
            return rotation.retry(target, credentials, e);
        }
    }

    private TokenSlot slotFor(ClientCredentials credentials) {
        TokenKey key = TokenKey.of(options, credentials);
        TokenSlot known = slot;
        if (known != null && known.key().sameClientAs(key) && !known.key().equals(key)) {
            LOG.info(
                    "Credential store {} holds a new secret (version {}) for client {}; the next token uses it",
                    options.credentialStore().describe(),
                    credentials.version(),
                    credentials.clientId());
        }
        return service.cache().slot(key);
    }

    private ClientCredentials readCurrent() {
        try {
            return Objects.requireNonNull(
                    readStore(() -> options.credentialStore().read()), "read() gave null");
        } catch (TokenException e) {
            throw failed(e);
        }
    }

    private TokenException failed(TokenException e) {
        service.metrics().failure(options.tokenEndpoint(), e.code().name());
        return e;
    }

    /** Reads the store, turning its failure into a {@link TokenException}; may return null if the read does. */
    ClientCredentials readStore(Supplier<ClientCredentials> read) {
        try {
            return read.get();
        } catch (CredentialsException e) {
            throw new TokenException(
                    TokenException.Code.CREDENTIALS,
                    options.tokenEndpoint(),
                    -1,
                    null,
                    "credential store " + options.credentialStore().describe() + " failed with " + e.reason(),
                    e);
        }
    }

    private static Fetched await(CompletableFuture<Fetched> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
