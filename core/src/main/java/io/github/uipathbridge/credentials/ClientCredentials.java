package io.github.uipathbridge.credentials;

import java.util.Objects;

/**
 * An OAuth2 client id and secret pair as read from a {@link CredentialStore}, with the version the store gave it.
 *
 * <p>The version changes when the secret is rotated in the store (the Vault KV version, the AWS {@code VersionId}, a
 * digest for environment and file stores), so a token cache can tell a rotated secret from the one it already holds.
 * {@link #toString()} shows the client id, the version and where the pair came from, never the secret.
 */
public final class ClientCredentials {

    private final String clientId;

    private final Secret clientSecret;

    private final String version;

    private final String source;

    private ClientCredentials(String clientId, Secret clientSecret, String version, String source) {
        this.clientId = Secret.requireText(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret must not be null");
        this.version = Secret.requireText(version, "version");
        this.source = Secret.requireText(source, "source");
    }

    /**
     * Creates a pair.
     *
     * @param clientId the OAuth2 client id (the UiPath external application's app id)
     * @param clientSecret the client secret
     * @param version the store's version of this pair; changes when the secret is rotated
     * @param source a description of where the pair was read, safe to log (a credential reference, never a value)
     */
    public static ClientCredentials of(String clientId, Secret clientSecret, String version, String source) {
        return new ClientCredentials(clientId, clientSecret, version, source);
    }

    public String clientId() {
        return clientId;
    }

    public Secret clientSecret() {
        return clientSecret;
    }

    public String version() {
        return version;
    }

    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof ClientCredentials that
                && clientId.equals(that.clientId)
                && clientSecret.equals(that.clientSecret)
                && version.equals(that.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, clientSecret, version);
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=" + clientSecret + ", version=" + version
                + ", source=" + source + "]";
    }
}
