package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.credentials.StoreConfig;
import io.github.uipathbridge.credentials.vault.VaultApi.VaultCallException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Logs in with an AppRole role id and secret id at {@code auth/approle} unless {@code auth-mount} says otherwise.
 *
 * <p>The role id comes from {@code uipath.credentials.vault.role-id} (else {@code VAULT_ROLE_ID}) or the file
 * {@code role-id-file}; the secret id from {@code secret-id} (else {@code VAULT_SECRET_ID}) or the file
 * {@code secret-id-file}, read again at every login so a deployment tool can replace it. With
 * {@code secret-id-wrapped=true} the value is a response-wrapping token: it is unwrapped once and the secret id inside
 * is kept in memory for later logins, until the value changes (a wrapping token can be unwrapped only once).
 *
 * <p>A role whose secret ids allow a single use cannot log in twice; give the role {@code secret_id_num_uses=0} (or
 * enough uses) since the store logs in again whenever a token reaches its max TTL.
 */
final class AppRoleLogin implements VaultLogin {

    static final String ROLE_ID_KEY = VaultOptions.PREFIX + "role-id";

    static final String ROLE_ID_FILE_KEY = VaultOptions.PREFIX + "role-id-file";

    static final String SECRET_ID_KEY = VaultOptions.PREFIX + "secret-id";

    static final String SECRET_ID_FILE_KEY = VaultOptions.PREFIX + "secret-id-file";

    static final String SECRET_ID_WRAPPED_KEY = VaultOptions.PREFIX + "secret-id-wrapped";

    private final String mount;

    private final Source roleId;

    private final Source secretId;

    private final boolean wrapped;

    /** The last wrapping token seen (by fingerprint) and what it unwrapped to; guarded by {@code this}. */
    private String unwrappedFrom;

    private Secret unwrapped;

    AppRoleLogin(String mount, Source roleId, Source secretId, boolean wrapped) {
        this.mount = Objects.requireNonNull(mount, "mount must not be null");
        this.roleId = Objects.requireNonNull(roleId, "roleId must not be null");
        this.secretId = Objects.requireNonNull(secretId, "secretId must not be null");
        this.wrapped = wrapped;
    }

    static AppRoleLogin from(StoreConfig config) {
        return new AppRoleLogin(
                VaultLogin.mount(config, "approle"),
                Source.from(config, ROLE_ID_KEY, "VAULT_ROLE_ID", ROLE_ID_FILE_KEY, "the AppRole role id"),
                Source.from(config, SECRET_ID_KEY, "VAULT_SECRET_ID", SECRET_ID_FILE_KEY, "the AppRole secret id"),
                config.getBoolean(SECRET_ID_WRAPPED_KEY, false));
    }

    @Override
    public synchronized VaultToken login(VaultApi api) throws VaultCallException {
        Secret secret = secretId.read();
        if (wrapped) {
            secret = unwrap(api, secret);
        }
        return api.loginByAppRole(mount, roleId.read().reveal(), secret);
    }

    private Secret unwrap(VaultApi api, Secret wrappingToken) throws VaultCallException {
        if (!wrappingToken.fingerprint().equals(unwrappedFrom)) {
            unwrapped = api.unwrapSecretId(wrappingToken);
            unwrappedFrom = wrappingToken.fingerprint();
        }
        return unwrapped;
    }

    @Override
    public boolean canLogInAgain() {
        return true;
    }

    @Override
    public String describe() {
        return "AppRole login at auth/" + mount;
    }

    @Override
    public String toString() {
        return "AppRoleLogin[mount=" + mount + ", roleId=" + roleId + ", secretId=" + secretId + ", wrapped=" + wrapped
                + "]";
    }

    /** A value given directly (configuration or environment) or in a file read at each use. */
    static final class Source {

        private final Secret value;

        private final Path file;

        private final String fileKey;

        private Source(Secret value, Path file, String fileKey) {
            this.value = value;
            this.file = file;
            this.fileKey = fileKey;
        }

        static Source of(Secret value) {
            return new Source(Objects.requireNonNull(value, "value must not be null"), null, null);
        }

        static Source file(Path file, String fileKey) {
            return new Source(null, LoginFiles.requireReadable(file, fileKey), fileKey);
        }

        static Source from(StoreConfig config, String key, String environmentVariable, String fileKey, String what) {
            Optional<String> file = config.get(fileKey);
            if (file.isPresent()) {
                return file(Path.of(file.get()), fileKey);
            }
            return of(Secret.of(config.get(key, environmentVariable)
                    .orElseThrow(() -> VaultOptions.configuration("Setting " + key + " (or " + environmentVariable
                            + ") or " + fileKey + " is required with auth=approle: " + what))));
        }

        Secret read() {
            return file == null ? value : LoginFiles.read(file, fileKey);
        }

        @Override
        public String toString() {
            return file == null ? "******" : "file " + file;
        }
    }
}
