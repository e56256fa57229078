package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.CredentialReference;
import io.github.uipathbridge.credentials.CredentialStores;
import io.github.uipathbridge.credentials.StoreConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Opens {@code vault:} stores through the ServiceLoader, as the application does, and closes them after a test. */
final class VaultStores implements AutoCloseable {

    private final List<VaultCredentialStore> opened = new ArrayList<>();

    private final String address;

    VaultStores(String address) {
        this.address = address;
    }

    /** Opens a store with the given settings (keys without the {@code uipath.credentials.vault.} prefix). */
    VaultCredentialStore open(String reference, Map<String, String> settings) {
        return open(reference, settings, null);
    }

    /** Opens a store whose cache and token leases count time on {@code clock}; the system clock if null. */
    VaultCredentialStore open(String reference, Map<String, String> settings, Clock clock) {
        Map<String, String> all = new HashMap<>();
        all.put(VaultOptions.PREFIX + "address", address);
        // Short waits so failure tests stay fast; retries still happen.
        all.put(VaultOptions.PREFIX + "retry.initial-delay", "50ms");
        all.put(VaultOptions.PREFIX + "retry.max-delay", "200ms");
        settings.forEach((key, value) -> all.put(VaultOptions.PREFIX + key, value));
        StoreConfig config = StoreConfig.of(all, Map.of());
        VaultCredentialStore store = clock == null
                ? (VaultCredentialStore) CredentialStores.open(reference, config)
                : new VaultCredentialStoreProvider().open(CredentialReference.parse(reference), config, clock);
        opened.add(store);
        return store;
    }

    @Override
    public void close() {
        opened.forEach(VaultCredentialStore::close);
        opened.clear();
    }
}
