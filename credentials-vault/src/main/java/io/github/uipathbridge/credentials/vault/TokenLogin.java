package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.credentials.StoreConfig;
import io.github.uipathbridge.credentials.vault.VaultApi.VaultCallException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed token from {@code uipath.credentials.vault.token}, else {@code VAULT_TOKEN}. Its lease is learnt with
 * {@code auth/token/lookup-self}; a renewable token is then renewed like any other, but once it expires or is revoked
 * there is no way to get another, and reads fail with {@code ACCESS_DENIED}.
 */
final class TokenLogin implements VaultLogin {

    static final String TOKEN_KEY = VaultOptions.PREFIX + "token";

    private static final Logger LOG = LoggerFactory.getLogger(TokenLogin.class);

    private final Secret token;

    TokenLogin(Secret token) {
        this.token = Objects.requireNonNull(token, "token must not be null");
    }

    static TokenLogin from(StoreConfig config) {
        return new TokenLogin(Secret.of(config.get(TOKEN_KEY, "VAULT_TOKEN")
                .orElseThrow(() -> VaultOptions.configuration("Setting " + TOKEN_KEY
                        + " (or VAULT_TOKEN) is required with auth=token; for other methods set " + AUTH_KEY))));
    }

    @Override
    public VaultToken login(VaultApi api) throws VaultCallException {
        try {
            return api.lookupSelf(token);
        } catch (VaultCallException e) {
            if (e.status() != 403) {
                throw e;
            }
            // A token made with no_default_policy may not look itself up; use it as it is and let reads tell.
            LOG.debug(
                    "Vault {}: the configured token may not look itself up (HTTP 403); using it without lease"
                            + " information, so it is not renewed",
                    api.describe());
            return VaultToken.issued(token, Instant.EPOCH, Duration.ZERO, Duration.ZERO, false);
        }
    }

    @Override
    public boolean canLogInAgain() {
        return false;
    }

    @Override
    public String describe() {
        return "token lookup";
    }

    @Override
    public String toString() {
        return "TokenLogin[token=" + token + "]";
    }
}
