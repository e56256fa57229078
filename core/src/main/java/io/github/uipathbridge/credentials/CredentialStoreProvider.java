package io.github.uipathbridge.credentials;

/**
 * Opens {@link CredentialStore}s for one reference scheme ({@code env}, {@code file}, {@code vault}, {@code aws}).
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}: a module that adds a store lists its provider in
 * {@code META-INF/services/io.github.uipathbridge.credentials.CredentialStoreProvider}. A provider has a public
 * no-argument constructor and is stateless; each {@link #open} call returns a store of its own.
 */
public interface CredentialStoreProvider {

    /** The scheme this provider serves, lower case, without the colon. */
    String scheme();

    /**
     * Opens a store for a reference of this provider's scheme. Configuration errors (a missing address, a bad option in
     * the reference) are raised here, not on the first read.
     *
     * @param reference the parsed reference; its scheme is {@link #scheme()}
     * @param config settings for the store (addresses, timeouts, login), looked up by key
     * @throws CredentialsException with reason {@code INVALID_REFERENCE} or {@code CONFIGURATION} if the store cannot
     *     be opened as asked
     */
    CredentialStore open(CredentialReference reference, StoreConfig config);
}
