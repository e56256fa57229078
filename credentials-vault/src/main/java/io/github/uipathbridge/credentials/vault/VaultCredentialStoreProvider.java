package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.CredentialReference;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialStoreProvider;
import io.github.uipathbridge.credentials.StoreConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code vault:} references, for example {@code vault:secret/uipath/prod} or
 * {@code vault:team/apps/kv/uipath?mount=team/apps/kv&version=3}. Settings are listed on {@link VaultOptions} (address,
 * TLS, timeouts, cache, retries), {@link KvMounts} (KV versions per mount) and {@link VaultLogin} (auth method).
 *
 * <p>Everything that can be checked without Vault is checked here: the address, the reference, the KV versions, the
 * login settings and their files, the TLS files. Vault itself is first contacted on the first read.
 */
public final class VaultCredentialStoreProvider implements CredentialStoreProvider {

    private static final Logger LOG = LoggerFactory.getLogger(VaultCredentialStoreProvider.class);

    @Override
    public String scheme() {
        return "vault";
    }

    @Override
    public CredentialStore open(CredentialReference reference, StoreConfig config) {
        return open(reference, config, Clock.systemUTC());
    }

    /** Opens a store whose cache, token leases and retries count time on {@code clock}. */
    VaultCredentialStore open(CredentialReference reference, StoreConfig config, Clock clock) {
        VaultOptions options = VaultOptions.from(config);
        KvSecret secret = KvSecret.parse(reference, options.kvMounts());
        VaultLogin login = VaultLogin.from(config);
        VaultApi api = new VaultApi(options, VaultTls.sslContext(options), clock);
        warnAboutTransport(options);
        LOG.debug("Opened {} with {}", reference, login.describe());
        return new VaultCredentialStore(options, secret, api, login, clock, RetryPolicy.Sleeper.REAL);
    }

    private static void warnAboutTransport(VaultOptions options) {
        if (!options.tlsVerify()) {
            LOG.warn(
                    "Vault {}: TLS certificate verification is off; use this only for local tests", options.describe());
        }
        if (options.address().getScheme().toLowerCase(Locale.ROOT).equals("http") && !isLoopback(options)) {
            LOG.warn("Vault {}: plain http sends the Vault token and the secrets unencrypted", options.describe());
        }
    }

    private static boolean isLoopback(VaultOptions options) {
        String host = options.address().getHost();
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Only literal addresses are checked, so opening a store never waits on DNS.
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]")
                    && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
