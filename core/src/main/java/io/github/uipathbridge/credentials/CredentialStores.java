package io.github.uipathbridge.credentials;

import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds the {@link CredentialStoreProvider} for a reference's scheme through {@link ServiceLoader} and opens a store.
 *
 * <p>{@code env} and {@code file} come with the core; {@code vault} and {@code aws} arrive when their modules are on
 * the class path.
 */
public final class CredentialStores {

    private CredentialStores() {}

    /**
     * Opens a store for a reference string.
     *
     * @throws CredentialsException with reason {@code INVALID_REFERENCE} if the reference is malformed or its scheme
     *     has no provider (the message lists the schemes that do), or whatever the provider raises on open
     */
    public static CredentialStore open(String reference, StoreConfig config) {
        return open(CredentialReference.parse(reference), config);
    }

    /** Opens a store for a parsed reference; see {@link #open(String, StoreConfig)}. */
    public static CredentialStore open(CredentialReference reference, StoreConfig config) {
        Objects.requireNonNull(config, "config must not be null");
        Map<String, CredentialStoreProvider> providers = providers();
        CredentialStoreProvider provider = providers.get(reference.scheme());
        if (provider == null) {
            throw CredentialReference.invalid(
                    reference.toString(),
                    "no credential store for scheme '" + reference.scheme() + "'; available: "
                            + String.join(", ", providers.keySet())
                            + " (vault: and aws: need their modules on the class path)");
        }
        return provider.open(reference, config);
    }

    /** The providers on the class path, by scheme. */
    public static Map<String, CredentialStoreProvider> providers() {
        Map<String, CredentialStoreProvider> providers = new TreeMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader<CredentialStoreProvider> services = ServiceLoader.load(
                CredentialStoreProvider.class, loader != null ? loader : CredentialStores.class.getClassLoader());
        for (CredentialStoreProvider provider : services) {
            providers.putIfAbsent(provider.scheme(), provider);
        }
        return providers;
    }
}
