package io.github.uipathbridge.simulator.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * A registered external application (confidential client) with its granted scopes. The secret can be rotated;
 * {@link #toString()} never shows it. Thread-safe.
 */
public final class App {

    private final String clientId;
    private final Set<String> scopes;
    private final boolean clientCredentialsAllowed;
    private volatile String secret;

    public App(String clientId, String secret, Set<String> scopes, boolean clientCredentialsAllowed) {
        this.clientId = clientId;
        this.secret = secret;
        this.scopes = Set.copyOf(scopes);
        this.clientCredentialsAllowed = clientCredentialsAllowed;
    }

    public String clientId() {
        return clientId;
    }

    public Set<String> scopes() {
        return scopes;
    }

    /** False for apps registered without the client credentials grant (a token request gets unauthorized_client). */
    public boolean clientCredentialsAllowed() {
        return clientCredentialsAllowed;
    }

    /** Compares in constant time. */
    public boolean secretMatches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(
                        secret.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    String secret() {
        return secret;
    }

    void rotate(String newSecret) {
        this.secret = newSecret;
    }

    @Override
    public String toString() {
        return "App[clientId=" + clientId + ", scopes=" + scopes + ", secret=****]";
    }
}
