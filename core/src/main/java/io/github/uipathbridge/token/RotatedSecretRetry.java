package io.github.uipathbridge.token;

import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialStore;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do after {@code invalid_client}: usually the secret was rotated in the store while we held the old one. Read
 * the store again bypassing its cache and retry once with a changed secret; if that is refused too (or nothing
 * changed), try the store's pending secret once, if it has one. Never more, so a wrong secret fails fast.
 */
final class RotatedSecretRetry {

    private static final Logger LOG = LoggerFactory.getLogger(RotatedSecretRetry.class);

    private final TokenOptions options;

    private final TokenService service;

    private final Function<Supplier<ClientCredentials>, ClientCredentials> reader;

    RotatedSecretRetry(
            TokenOptions options,
            TokenService service,
            Function<Supplier<ClientCredentials>, ClientCredentials> reader) {
        this.options = options;
        this.service = service;
        this.reader = reader;
    }

    /**
     * Retries with the store's fresh, then pending, secret.
     *
     * @param refused the slot of the refused credentials
     * @param used the credentials the identity server refused
     * @param refusal the {@code invalid_client} failure, thrown again if nothing better turns up
     */
    Fetched retry(TokenSlot refused, ClientCredentials used, TokenException refusal) {
        CredentialStore store = options.credentialStore();
        ClientCredentials fresh = Objects.requireNonNull(reader.apply(store::readFresh), "readFresh() gave null");
        TokenException last = refusal;
        if (!samePair(fresh, used)) {
            LOG.info(
                    "Identity server refused client {}; store {} now has version {}, retrying once",
                    used.clientId(),
                    store.describe(),
                    fresh.version());
            try {
                return fetchWith(refused, fresh);
            } catch (TokenException e) {
                if (e.code() != TokenException.Code.INVALID_CLIENT) {
                    throw e;
                }
                last = e;
            }
        }
        ClientCredentials pending = reader.apply(store::readPending);
        if (pending == null || samePair(pending, used) || samePair(pending, fresh)) {
            throw last;
        }
        LOG.info("Trying the pending secret (version {}) of store {} once", pending.version(), store.describe());
        return fetchWith(refused, pending);
    }

    private Fetched fetchWith(TokenSlot refused, ClientCredentials credentials) {
        AccessToken token = service.client().fetch(options, credentials);
        TokenSlot target = service.cache().slot(TokenKey.of(options, credentials));
        target.install(token);
        if (target != refused) {
            service.cache().remove(refused.key());
        }
        return new Fetched(token, target);
    }

    private static boolean samePair(ClientCredentials a, ClientCredentials b) {
        return a.clientId().equals(b.clientId()) && a.clientSecret().equals(b.clientSecret());
    }
}
