package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.StoreConfig;
import io.github.uipathbridge.credentials.vault.VaultApi.VaultCallException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the store gets a Vault token: one implementation per auth method ({@link TokenLogin}, {@link AppRoleLogin},
 * {@link JwtLogin}, {@link KubernetesLogin}).
 *
 * <p>Chosen by {@code uipath.credentials.vault.auth} = {@code token} (default), {@code approle}, {@code jwt} or
 * {@code kubernetes}; {@code uipath.credentials.vault.auth-mount} names the auth mount when it is not the method's
 * default path. Implementations are thread-safe; {@link VaultSession} calls {@link #login} one at a time.
 */
interface VaultLogin {

    String AUTH_KEY = VaultOptions.PREFIX + "auth";

    String MOUNT_KEY = VaultOptions.PREFIX + "auth-mount";

    String ROLE_KEY = VaultOptions.PREFIX + "role";

    String JWT_FILE_KEY = VaultOptions.PREFIX + "jwt-file";

    /**
     * Obtains a token (or, for {@link TokenLogin}, learns the lease of the configured one).
     *
     * @throws VaultCallException if Vault refused or did not answer
     * @throws CredentialsException with reason {@code CONFIGURATION} if local material (a file) cannot be read
     */
    VaultToken login(VaultApi api) throws VaultCallException;

    /** Whether {@link #login} can yield a new token once the current one is gone; false for a fixed token. */
    boolean canLogInAgain();

    /** The method and mount, safe to log: {@code AppRole login at auth/approle}. */
    String describe();

    /**
     * Chooses and configures the login from settings.
     *
     * @throws CredentialsException with reason {@code CONFIGURATION} naming the key that is missing or wrong
     */
    static VaultLogin from(StoreConfig config) {
        String method = config.get(AUTH_KEY).orElse("token").toLowerCase(Locale.ROOT);
        return switch (method) {
            case "token" -> TokenLogin.from(config);
            case "approle" -> AppRoleLogin.from(config);
            case "jwt" ->
                new JwtLogin(
                        mount(config, "jwt"),
                        require(config, ROLE_KEY, "the jwt auth role"),
                        LoginFiles.requireReadable(
                                Path.of(require(config, JWT_FILE_KEY, "the file holding the JWT")), JWT_FILE_KEY));
            case "kubernetes" ->
                new KubernetesLogin(
                        mount(config, "kubernetes"),
                        require(config, ROLE_KEY, "the kubernetes auth role"),
                        LoginFiles.requireReadable(
                                Path.of(config.get(JWT_FILE_KEY).orElse(KubernetesLogin.SERVICE_ACCOUNT_TOKEN)),
                                JWT_FILE_KEY));
            default ->
                throw VaultOptions.configuration("Setting " + AUTH_KEY + " must be token, approle, jwt or"
                        + " kubernetes, not '" + method + "'");
        };
    }

    /** The auth mount from {@code auth-mount}, else the method's default path. */
    static String mount(StoreConfig config, String defaultMount) {
        String mount = KvMounts.normalize(config.get(MOUNT_KEY).orElse(defaultMount));
        if (mount.isEmpty()) {
            throw VaultOptions.configuration("Setting " + MOUNT_KEY + " must name an auth mount");
        }
        return mount;
    }

    /** A required setting. */
    static String require(StoreConfig config, String key, String what) {
        return config.get(key)
                .orElseThrow(() -> VaultOptions.configuration("Setting " + key + " is required: " + what));
    }
}
