package io.github.uipathbridge.health;

import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.token.AccessToken;
import io.github.uipathbridge.token.TokenException;
import io.github.uipathbridge.token.TokenProvider;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A Camel readiness check for one {@link TokenProvider}: UP when its credential store can be read and a token is at
 * hand (cached, or fetched now from the identity server), DOWN otherwise with the store's reason or the token error
 * code. Not a liveness check: restarting the application does not bring an identity server back.
 *
 * <p>Details name the store, the endpoint, the error code and the token's expiry; never a secret or a token. Register
 * it with {@code HealthCheckRegistry.register(check)}.
 */
public final class TokenHealthCheck extends AbstractHealthCheck {

    /** The health check group of every check here. */
    public static final String GROUP = "uipath";

    private final TokenProvider provider;

    /**
     * Creates a check.
     *
     * @param id a name unique among the application's checks, for example {@code uipath-token-prod}
     * @param provider the provider whose store and identity server are checked
     */
    public TokenHealthCheck(String id, TokenProvider provider) {
        super(GROUP, Objects.requireNonNull(id, "id must not be null"));
        this.provider = Objects.requireNonNull(provider, "provider must not be null");
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        CredentialStore store = provider.options().credentialStore();
        builder.detail("credential.store", store.describe());
        builder.detail("token.endpoint", provider.options().tokenEndpoint().toString());
        if (checkStore(builder, store)) {
            checkToken(builder);
        }
    }

    private static boolean checkStore(HealthCheckResultBuilder builder, CredentialStore store) {
        try {
            store.read();
            return true;
        } catch (CredentialsException e) {
            builder.down().message("Credential store failed with " + e.reason()).error(e);
            builder.detail("credential.store.reason", e.reason().name());
            return false;
        }
    }

    private void checkToken(HealthCheckResultBuilder builder) {
        try {
            AccessToken token = provider.get();
            builder.up().detail("token.expiresAt", token.expiresAt().toString());
        } catch (TokenException e) {
            builder.down().message("No token: " + e.code()).error(e);
            builder.detail("token.error", e.code().name());
        }
    }
}
