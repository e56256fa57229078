package io.github.uipathbridge.credentials;

/** Versions for stores whose backing service keeps none (environment, files, Vault KV version 1). */
public final class Versions {

    private Versions() {}

    /**
     * A short digest of a pair, so a changed secret gives a changed version without the version revealing anything
     * about the secret beyond what its SHA-256 fingerprint does.
     */
    public static String digestOf(String clientId, Secret clientSecret) {
        return Secret.of(clientId + '\u0000' + clientSecret.fingerprint())
                .fingerprint()
                .substring(0, 16);
    }
}
