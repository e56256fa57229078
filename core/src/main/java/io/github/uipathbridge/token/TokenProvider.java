package io.github.uipathbridge.token;

/**
 * Hands out tokens for one {@link TokenOptions}: the handle a route, a processor or an HTTP client keeps. Obtained from
 * {@link TokenService#provider(TokenOptions)}.
 *
 * <p>Implementations are thread-safe. A cached token is returned without any I/O or lock; a token that is due for
 * refresh is still returned while the next one is fetched in the background; only when no usable token exists does
 * {@link #get()} wait, and then at most one request per key is in flight however many callers wait.
 */
public interface TokenProvider {

    /**
     * A token usable now.
     *
     * @throws TokenException if none is cached and fetching one failed; every caller waiting on the same request gets
     *     the failure, and the next call tries again
     */
    AccessToken get();

    /**
     * Evicts {@code sent} after the API refused it (HTTP 401), so the next {@link #get()} fetches a new token. Does
     * nothing if the cache already holds another token, so a late 401 for an old token never evicts a newer one.
     *
     * @param sent the token that was on the refused request, as returned by {@link #get()}
     */
    void invalidate(AccessToken sent);

    /** The options this provider was made for. */
    TokenOptions options();
}
