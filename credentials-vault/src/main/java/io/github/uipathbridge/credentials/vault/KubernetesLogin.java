package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.vault.VaultApi.VaultCallException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Logs in with the pod's service account token, for the role {@code uipath.credentials.vault.role}, at
 * {@code auth/kubernetes} unless {@code auth-mount} says otherwise. The token file defaults to where Kubernetes
 * projects it and is read again at every login, because the kubelet rotates projected tokens.
 *
 * <p>The tests exercise this class against a JWT auth method mounted in the kubernetes method's place (the login body
 * is the same), not against a Kubernetes API server reviewing the token.
 */
final class KubernetesLogin implements VaultLogin {

    static final String SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private final String mount;

    private final String role;

    private final Path tokenFile;

    KubernetesLogin(String mount, String role, Path tokenFile) {
        this.mount = Objects.requireNonNull(mount, "mount must not be null");
        this.role = Objects.requireNonNull(role, "role must not be null");
        this.tokenFile = Objects.requireNonNull(tokenFile, "tokenFile must not be null");
    }

    @Override
    public VaultToken login(VaultApi api) throws VaultCallException {
        return api.loginByKubernetes(mount, role, LoginFiles.read(tokenFile, JWT_FILE_KEY));
    }

    @Override
    public boolean canLogInAgain() {
        return true;
    }

    @Override
    public String describe() {
        return "Kubernetes login at auth/" + mount + " (role " + role + ")";
    }

    @Override
    public String toString() {
        return "KubernetesLogin[mount=" + mount + ", role=" + role + ", tokenFile=" + tokenFile + "]";
    }
}
