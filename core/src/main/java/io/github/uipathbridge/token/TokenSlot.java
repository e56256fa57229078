package io.github.uipathbridge.token;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The cached token of one {@link TokenKey} and the one request in flight for it.
 *
 * <p>The lock guards only the swap of the in-flight future, never the HTTP call: callers that arrive while a request
 * runs wait on its future, not on a monitor, and all of them get its token or its failure.
 */
final class TokenSlot {

    private final TokenKey key;

    private final AtomicReference<AccessToken> current = new AtomicReference<>();

    private final AtomicBoolean refreshing = new AtomicBoolean();

    private volatile Instant backgroundPausedUntil = Instant.MIN;

    private CompletableFuture<Fetched> inFlight;

    TokenSlot(TokenKey key) {
        this.key = key;
    }

    TokenKey key() {
        return key;
    }

    AccessToken current() {
        return current.get();
    }

    void install(AccessToken token) {
        current.set(token);
    }

    /** Clears the cached token only if it is {@code sent} (identity), so a newer token survives a late 401. */
    boolean evict(AccessToken sent) {
        return current.compareAndSet(sent, null);
    }

    void clear() {
        current.set(null);
    }

    /**
     * Joins the request in flight, or starts {@code task} on {@code runner} if there is none. The future is cleared
     * before it completes, so a failure is never cached and the next caller starts afresh.
     */
    CompletableFuture<Fetched> fetch(Supplier<Fetched> task, Executor runner) {
        CompletableFuture<Fetched> mine;
        synchronized (this) {
            if (inFlight != null) {
                return inFlight;
            }
            mine = new CompletableFuture<>();
            inFlight = mine;
        }
        runner.execute(() -> run(task, mine));
        return mine;
    }

    /** Claims the background refresh of this slot; false if one runs already or failures paused it. */
    boolean tryStartBackgroundRefresh(Instant now) {
        return !now.isBefore(backgroundPausedUntil) && refreshing.compareAndSet(false, true);
    }

    void backgroundRefreshDone(Instant pausedUntil) {
        backgroundPausedUntil = pausedUntil;
        refreshing.set(false);
    }

    private void run(Supplier<Fetched> task, CompletableFuture<Fetched> mine) {
        try {
            Fetched fetched = task.get();
            finish();
            mine.complete(fetched);
        } catch (RuntimeException | Error e) {
            finish();
            mine.completeExceptionally(e);
        }
    }

    private synchronized void finish() {
        inFlight = null;
    }
}
