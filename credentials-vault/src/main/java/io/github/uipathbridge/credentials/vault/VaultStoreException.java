package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.CredentialsException;

/**
 * A {@link CredentialsException} from the {@code vault:} store, with the HTTP status Vault answered (0 when no answer
 * came). The message names the Vault address, mount, path and field involved, never a value or a token.
 */
public final class VaultStoreException extends CredentialsException {

    private static final long serialVersionUID = 1L;

    private final int status;

    VaultStoreException(Reason reason, String message, int status, Throwable cause) {
        super(reason, message, cause);
        this.status = status;
    }

    /** The HTTP status Vault answered, or 0 if Vault did not answer (refused, reset, timed out) or was not asked. */
    public int status() {
        return status;
    }
}
