package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.vault.VaultApi.VaultCallException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Vault token alive for a store: logs in on first use, renews the token in the background after two thirds
 * of its lease, and logs in again when Vault refuses the renewal, when a renewal comes back cut short by the token's
 * max TTL, when the token is not renewable, or when Vault answers 403 to a call made with it. A path the policy denies
 * thus costs one extra login per read from Vault before the permission error is reported.
 *
 * <p>Thread-safety: logins and renewals run one at a time under one lock, whether a caller or the background thread
 * starts them, and a caller that finds a valid token never takes that lock. A renewal that fails because Vault is
 * unavailable is tried again with the {@link RetryPolicy}'s backoff; the current token stays in use until it expires.
 */
final class VaultSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VaultSession.class);

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final VaultLogin login;

    private final VaultApi api;

    private final Clock clock;

    private final RetryPolicy retryPolicy;

    private final Random random = new Random();

    private final ReentrantLock lock = new ReentrantLock();

    private final ScheduledThreadPoolExecutor scheduler;

    private final AtomicLong logins = new AtomicLong();

    private final AtomicLong renewals = new AtomicLong();

    private volatile VaultToken current;

    /** Guarded by {@link #lock}. */
    private ScheduledFuture<?> refreshTask;

    /** Background refreshes that failed in a row; guarded by {@link #lock}. */
    private int failuresInRow;

    private volatile boolean closed;

    VaultSession(VaultLogin login, VaultApi api, Clock clock, RetryPolicy retryPolicy) {
        this.login = Objects.requireNonNull(login, "login must not be null");
        this.api = Objects.requireNonNull(api, "api must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "uipath-vault-session-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * A token valid now: the current one, or a new one if there is none yet or it has expired.
     *
     * @throws CredentialsException if a login is needed and fails
     */
    VaultToken token() {
        VaultToken token = current;
        if (token != null && !token.isExpired(clock.instant())) {
            return token;
        }
        lock.lock();
        try {
            return doToken();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Vault answered 403 to a call made with {@code used}: the token may have expired or been revoked early. Logs in
     * again unless another caller already replaced the token.
     *
     * @return a token to try once more, or empty if there is no other token to try (a fixed token)
     * @throws CredentialsException if the new login fails
     */
    Optional<VaultToken> replaceRejected(VaultToken used) {
        lock.lock();
        try {
            VaultToken token = current;
            if (token != null && token != used && !token.isExpired(clock.instant())) {
                return Optional.of(token);
            }
            if (!login.canLogInAgain()) {
                return Optional.empty();
            }
            LOG.info(
                    "Vault {}: a call was refused with HTTP 403; logging in again ({})",
                    api.describe(),
                    login.describe());
            return Optional.of(logIn());
        } finally {
            lock.unlock();
        }
    }

    /** Successful logins so far (lookups of a fixed token count as logins). */
    long logins() {
        return logins.get();
    }

    /** Successful renewals so far. */
    long renewals() {
        return renewals.get();
    }

    /**
     * Stops the background refresh and revokes the current token if this session obtained it by logging in (a
     * configured token belongs to whoever configured it), so it does not stay valid after the application stopped.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            scheduler.shutdownNow();
            VaultToken token = current;
            current = null;
            if (token != null && login.canLogInAgain() && !token.isExpired(clock.instant())) {
                revoke(token);
            }
        } finally {
            lock.unlock();
        }
    }

    private void revoke(VaultToken token) {
        try {
            api.revokeSelf(token.value());
            LOG.debug("Vault {}: token revoked on close", api.describe());
        } catch (VaultCallException e) {
            // Best effort: the token still expires at its TTL.
            LOG.debug("Vault {}: could not revoke the token on close ({})", api.describe(), e.getMessage());
        }
    }

    private VaultToken doToken() {
        VaultToken token = current;
        if (token != null && !token.isExpired(clock.instant())) {
            return token;
        }
        if (token != null && !login.canLogInAgain()) {
            throw new VaultStoreException(
                    CredentialsException.Reason.ACCESS_DENIED,
                    "Vault " + api.describe() + ": the configured token expired at " + token.expiresAt()
                            + "; configure a new one or use a login method (" + VaultLogin.AUTH_KEY + ")",
                    0,
                    null);
        }
        return logIn();
    }

    /** Logs in and installs the new token; the caller holds the lock. */
    private VaultToken logIn() {
        VaultToken token;
        try {
            token = login.login(api);
        } catch (VaultCallException e) {
            throw VaultErrors.loginFailed(api.describe(), login.describe(), e);
        }
        logins.incrementAndGet();
        install(token);
        LOG.info(
                "Vault {}: {} succeeded; token {}",
                api.describe(),
                login.describe(),
                token.expires() ? "TTL " + token.ttl() + (token.renewable() ? ", renewable" : "") : "without expiry");
        return token;
    }

    /** Makes {@code token} current and schedules its refresh; the caller holds the lock. */
    private void install(VaultToken token) {
        current = token;
        failuresInRow = 0;
        if (refreshTask != null) {
            refreshTask.cancel(false);
            refreshTask = null;
        }
        if (token.expires()) {
            long delay = Math.max(
                    0, Duration.between(clock.instant(), token.refreshAt()).toMillis());
            schedule(token, delay);
        }
    }

    private void schedule(VaultToken token, long delayMillis) {
        if (closed) {
            return;
        }
        refreshTask = scheduler.schedule(() -> refresh(token), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs the refresh of the current token now, as the background thread would; for tests. */
    void refreshNow() {
        VaultToken token = current;
        if (token != null) {
            refresh(token);
        }
    }

    /** The background refresh of {@code expected}: renew it, or log in again; a newer token makes it moot. */
    private void refresh(VaultToken expected) {
        lock.lock();
        try {
            if (closed || current != expected) {
                return;
            }
            doRefresh(expected);
        } catch (RuntimeException e) {
            // A background thread has no caller to tell; the next read logs in again if the token expires.
            LOG.warn(
                    "Vault {}: refreshing the token failed unexpectedly ({})",
                    api.describe(),
                    e.getClass().getName());
            LOG.debug("Vault token refresh failure", e);
        } finally {
            lock.unlock();
        }
    }

    private void doRefresh(VaultToken expected) {
        if (expected.shouldRenew()) {
            try {
                VaultToken renewed = api.renewSelf(expected);
                renewals.incrementAndGet();
                if (renewed.ttl().isZero()) {
                    LOG.info("Vault {}: the renewal granted no time; logging in again", api.describe());
                } else {
                    install(renewed);
                    LOG.debug(
                            "Vault {}: token renewed, TTL {}{}",
                            api.describe(),
                            renewed.ttl(),
                            renewed.atMaxTtl() ? " (max TTL reached; the next refresh logs in again)" : "");
                    return;
                }
            } catch (VaultCallException e) {
                if (VaultErrors.reasonFor(e.status()) == CredentialsException.Reason.UNAVAILABLE) {
                    retryLater(expected, e.getMessage());
                    return;
                }
                LOG.info("Vault {}: renewal refused ({}); logging in again", api.describe(), e.getMessage());
            }
        }
        if (!login.canLogInAgain()) {
            LOG.debug(
                    "Vault {}: the configured token cannot be renewed; it expires at {}",
                    api.describe(),
                    expected.expiresAt());
            return;
        }
        try {
            logIn();
        } catch (CredentialsException e) {
            retryLater(expected, e.getMessage());
        }
    }

    private void retryLater(VaultToken expected, String failure) {
        if (expected.isExpired(clock.instant())) {
            LOG.warn(
                    "Vault {}: could not refresh the token ({}) and it has expired; the next read logs in again",
                    api.describe(),
                    failure);
            return;
        }
        failuresInRow++;
        Duration delay = retryPolicy.delayAfter(failuresInRow, random);
        LOG.warn(
                "Vault {}: could not refresh the token ({}); trying again in {} ms",
                api.describe(),
                failure,
                delay.toMillis());
        schedule(expected, delay.toMillis());
    }
}
