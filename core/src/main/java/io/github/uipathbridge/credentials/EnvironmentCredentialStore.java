package io.github.uipathbridge.credentials;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code env:} store: {@code UIPATH_CLIENT_ID} and {@code UIPATH_CLIENT_SECRET}, or {@code PREFIX_CLIENT_ID} and
 * {@code PREFIX_CLIENT_SECRET} for {@code env:PREFIX}, each from a JVM system property of that name or else the process
 * environment. Nothing is cached: a read costs two look-ups.
 */
public final class EnvironmentCredentialStore implements CredentialStore {

    /** The prefix used by {@code env:} with no path. */
    public static final String DEFAULT_PREFIX = "UIPATH";

    private final StoreConfig config;

    private final String idVariable;

    private final String secretVariable;

    EnvironmentCredentialStore(String prefix, StoreConfig config) {
        this.config = config;
        this.idVariable = prefix + "_CLIENT_ID";
        this.secretVariable = prefix + "_CLIENT_SECRET";
    }

    @Override
    public ClientCredentials read() {
        String clientId = require(idVariable);
        Secret secret = Secret.of(require(secretVariable));
        return ClientCredentials.of(clientId, secret, Versions.digestOf(clientId, secret), describe());
    }

    @Override
    public ClientCredentials readFresh() {
        return read();
    }

    @Override
    public String describe() {
        return "env:" + idVariable + "," + secretVariable;
    }

    private String require(String variable) {
        Optional<String> value = config.environment(variable);
        return value.orElseThrow(() -> new CredentialsException(
                CredentialsException.Reason.NOT_FOUND,
                "Environment variable or system property " + variable + " is not set (credential store " + describe()
                        + ")"));
    }

    /** Serves {@code env:}. */
    public static final class Provider implements CredentialStoreProvider {

        @Override
        public String scheme() {
            return "env";
        }

        @Override
        public CredentialStore open(CredentialReference reference, StoreConfig config) {
            reference.requireOnlyOptions();
            String prefix = reference.path().isEmpty() ? DEFAULT_PREFIX : reference.path();
            if (!prefix.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw CredentialReference.invalid(
                        reference.toString(), "the prefix must be a variable name such as UIPATH or PROD_UIPATH");
            }
            return new EnvironmentCredentialStore(prefix.toUpperCase(Locale.ROOT), config);
        }
    }
}
