package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.CredentialsException.Reason;
import io.github.uipathbridge.credentials.vault.VaultApi.VaultCallException;

/**
 * Turns Vault answers and failed calls into {@link VaultStoreException}s whose messages say where (Vault address,
 * mount, path, field) and what happened (status, what it usually means), and never hold a value or a token.
 */
final class VaultErrors {

    private VaultErrors() {}

    /** The reason for an HTTP status; 0 means no answer. */
    static Reason reasonFor(int status) {
        if (status == 0 || status >= 500 || status == 429 || status == 412) {
            return Reason.UNAVAILABLE;
        }
        return switch (status) {
            case 401, 403 -> Reason.ACCESS_DENIED;
            case 404 -> Reason.NOT_FOUND;
            default -> Reason.CONFIGURATION;
        };
    }

    /** What a status usually means at Vault, for messages. */
    static String meaning(int status) {
        return switch (status) {
            case 0 -> "no answer";
            case 403 -> "permission denied";
            case 404 -> "not found";
            case 412 -> "a standby node has not caught up yet";
            case 429 -> "rate limited";
            case 500 -> "internal error";
            case 502, 504 -> "a proxy in front of Vault could not reach it";
            case 503 -> "sealed, or no active node, or under maintenance";
            default -> "unexpected answer";
        };
    }

    /** A read that got no answer or a 5xx. */
    static VaultStoreException readFailed(String vault, KvSecret secret, VaultCallException e) {
        return new VaultStoreException(
                isTlsFailure(e) ? Reason.CONFIGURATION : reasonFor(e.status()),
                "Vault " + vault + ": cannot read " + secret.describeLocation() + ": " + why(e),
                e.status(),
                e);
    }

    /** A read Vault answered with a 4xx. */
    static VaultStoreException readRefused(String vault, KvSecret secret, VaultApi.Reply reply) {
        int status = reply.status();
        String location = secret.describeLocation();
        String message =
                switch (status) {
                    case 403 ->
                        "Vault " + vault + ": permission denied reading " + location
                                + " (HTTP 403): the token's policies do not allow read on "
                                + secret.policyPath() + ", or the token was revoked";
                    case 404 -> notFound(vault, secret, reply);
                    default -> "Vault " + vault + ": cannot read " + location + ": " + statusText(status);
                };
        return new VaultStoreException(reasonFor(status), message, status, null);
    }

    /** A secret that was read but lacks a usable field; {@code problem} says how, without the value. */
    static VaultStoreException badField(String vault, KvSecret secret, String field, String problem) {
        return new VaultStoreException(
                Reason.INVALID_CONTENT,
                "Vault " + vault + ": field '" + field + "' of " + secret.describeLocation() + " " + problem,
                200,
                null);
    }

    /** An answer that is not what a KV read returns. */
    static VaultStoreException malformed(String vault, KvSecret secret, String problem) {
        return new VaultStoreException(
                Reason.INVALID_CONTENT,
                "Vault " + vault + ": the answer for " + secret.describeLocation() + " " + problem,
                200,
                null);
    }

    /**
     * A login, renewal or lookup that failed.
     *
     * @param action what was attempted, for example {@code AppRole login at auth/approle}
     */
    static VaultStoreException loginFailed(String vault, String action, VaultCallException e) {
        int status = e.status();
        Reason reason;
        String hint;
        if (isTlsFailure(e)) {
            reason = Reason.CONFIGURATION;
            hint = "";
        } else if (status == 404) {
            reason = Reason.CONFIGURATION;
            hint = "; is the auth method mounted there?";
        } else if (reasonFor(status) == Reason.UNAVAILABLE) {
            reason = Reason.UNAVAILABLE;
            hint = "";
        } else {
            reason = Reason.ACCESS_DENIED;
            hint = "; check the role and its credentials";
        }
        return new VaultStoreException(
                reason,
                "Vault " + vault + ": " + action + " failed (" + e.operation() + "): " + why(e) + hint,
                status,
                e);
    }

    private static String notFound(String vault, KvSecret secret, VaultApi.Reply reply) {
        String location = secret.describeLocation();
        // KV v2 answers 404 with the version's metadata when that version was deleted or destroyed.
        var metadata = reply.object("data").get("metadata");
        if (metadata != null && metadata.isObject()) {
            var fields = metadata.asObject();
            var destroyed = fields.get("destroyed");
            if (destroyed != null && destroyed.isBoolean() && destroyed.asBoolean()) {
                return "Vault " + vault + ": " + location + " was destroyed";
            }
            var deleted = fields.get("deletion_time");
            if (deleted != null && deleted.isString() && !deleted.asString().isEmpty()) {
                return "Vault " + vault + ": " + location + " was deleted";
            }
        }
        String message = "Vault " + vault + ": no secret at " + location + " (HTTP 404)";
        if (reply.warnings().contains("versioned K/V")) {
            message += "; Vault says mount '" + secret.mount() + "' is KV version 2: set " + KvMounts.VERSION_KEY + "."
                    + secret.mount() + "=2";
        } else if (secret.mountGuessed()) {
            message += "; the mount was taken to be '" + secret.mount()
                    + "', the first path segment: for a mount of several segments add ?mount= to the reference or set "
                    + KvMounts.LIST_KEY;
        }
        return message;
    }

    private static String why(VaultCallException e) {
        if (isTlsFailure(e)) {
            return "the TLS handshake failed (" + e.getCause().getClass().getSimpleName()
                    + "): check ca-cert (VAULT_CACERT) and that the address's host name is in the server certificate";
        }
        return e.status() == 0 && e.getCause() != null
                ? "unreachable (" + e.getCause().getClass().getSimpleName() + ")"
                : statusText(e.status());
    }

    /**
     * An untrusted or mismatched server certificate is a setting to fix, not an outage to wait out, so it is not
     * reported as {@code UNAVAILABLE} and not retried.
     */
    static boolean isTlsFailure(VaultCallException e) {
        return e.status() == 0 && e.getCause() instanceof javax.net.ssl.SSLException;
    }

    private static String statusText(int status) {
        return status == 0 ? meaning(0) : meaning(status) + " (HTTP " + status + ")";
    }
}
