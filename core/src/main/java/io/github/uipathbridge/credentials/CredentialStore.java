package io.github.uipathbridge.credentials;

/**
 * Reads one client id and secret pair from where a credential reference points.
 *
 * <p>A store is opened for one reference by its {@link CredentialStoreProvider}. Implementations may cache what they
 * read; {@link #read()} may answer from that cache, {@link #readFresh()} must not. Implementations are thread-safe.
 * No method puts a secret value in an exception message or a log line.
 */
public interface CredentialStore extends AutoCloseable {

    /**
     * The pair, possibly from the store's cache.
     *
     * @throws CredentialsException if the pair cannot be read
     */
    ClientCredentials read();

    /**
     * The pair read again from the backing service, bypassing and then refreshing any cache. The token service calls
     * this after the identity server answered {@code invalid_client}, which usually means the secret was rotated.
     *
     * @throws CredentialsException if the pair cannot be read
     */
    ClientCredentials readFresh();

    /**
     * A pair staged for rotation but not yet current, if the backing service has such a thing and one is staged (the
     * AWS Secrets Manager {@code AWSPENDING} stage). The token service tries it once when the current pair, read
     * fresh, is still refused. The default has none.
     *
     * @return the pending pair, or {@code null} if there is none
     * @throws CredentialsException if a pending pair exists but cannot be read
     */
    default ClientCredentials readPending() {
        return null;
    }

    /** A description of the reference this store reads, safe to log and to show in a health check. */
    String describe();

    /** Releases connections and background tasks. The default does nothing. */
    @Override
    default void close() {}
}
