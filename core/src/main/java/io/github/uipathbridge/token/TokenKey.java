package io.github.uipathbridge.token;

import io.github.uipathbridge.credentials.ClientCredentials;
import java.net.URI;
import java.util.SortedSet;

/**
 * What a cached token is for: endpoint, client id, sorted scopes and the secret's SHA-256 fingerprint. The fingerprint
 * makes a rotated secret a new key; the secret itself is never part of a key.
 */
record TokenKey(URI endpoint, String clientId, SortedSet<String> scopes, String secretFingerprint) {

    static TokenKey of(TokenOptions options, ClientCredentials credentials) {
        return new TokenKey(
                options.tokenEndpoint(),
                credentials.clientId(),
                options.scopes(),
                credentials.clientSecret().fingerprint());
    }

    /** Whether both keys name the same endpoint, client and scopes, whatever the secret. */
    boolean sameClientAs(TokenKey other) {
        return endpoint.equals(other.endpoint) && clientId.equals(other.clientId) && scopes.equals(other.scopes);
    }

    /** Endpoint, client and scopes; the fingerprint is left out to keep log lines short. */
    @Override
    public String toString() {
        return endpoint + " client " + clientId + " scopes " + scopes;
    }
}
