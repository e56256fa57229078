package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.vault.VaultApi.VaultCallException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Logs in with a JWT read from a file ({@code uipath.credentials.vault.jwt-file}), for the role
 * {@code uipath.credentials.vault.role}, at {@code auth/jwt} unless {@code auth-mount} says otherwise. The file is read
 * again at every login, because whoever issues the JWT (a CI system, a workload identity agent) rotates it.
 */
final class JwtLogin implements VaultLogin {

    private final String mount;

    private final String role;

    private final Path jwtFile;

    JwtLogin(String mount, String role, Path jwtFile) {
        this.mount = Objects.requireNonNull(mount, "mount must not be null");
        this.role = Objects.requireNonNull(role, "role must not be null");
        this.jwtFile = Objects.requireNonNull(jwtFile, "jwtFile must not be null");
    }

    @Override
    public VaultToken login(VaultApi api) throws VaultCallException {
        return api.loginByJwt(mount, role, LoginFiles.read(jwtFile, JWT_FILE_KEY));
    }

    @Override
    public boolean canLogInAgain() {
        return true;
    }

    @Override
    public String describe() {
        return "JWT login at auth/" + mount + " (role " + role + ")";
    }

    @Override
    public String toString() {
        return "JwtLogin[mount=" + mount + ", role=" + role + ", jwtFile=" + jwtFile + "]";
    }
}
