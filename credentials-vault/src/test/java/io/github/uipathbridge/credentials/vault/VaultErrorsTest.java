package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jopenlibs.vault.json.Json;
import io.github.uipathbridge.credentials.CredentialReference;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import io.github.uipathbridge.credentials.vault.VaultApi.Reply;
import io.github.uipathbridge.credentials.vault.VaultApi.VaultCallException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class VaultErrorsTest {

    private static final String VAULT = "https://vault.example:8200";

    private static final KvSecret SECRET =
            KvSecret.parse(CredentialReference.parse("vault:secret/uipath/prod"), KvMounts.defaults());

    private static Reply reply(int status, String body) {
        return new Reply(status, Json.parse(body).asObject());
    }

    @Test
    void shouldMapStatusesToReasons() {
        assertThat(VaultErrors.reasonFor(0)).isEqualTo(Reason.UNAVAILABLE);
        assertThat(VaultErrors.reasonFor(503)).isEqualTo(Reason.UNAVAILABLE);
        assertThat(VaultErrors.reasonFor(500)).isEqualTo(Reason.UNAVAILABLE);
        assertThat(VaultErrors.reasonFor(429)).isEqualTo(Reason.UNAVAILABLE);
        assertThat(VaultErrors.reasonFor(412)).isEqualTo(Reason.UNAVAILABLE);
        assertThat(VaultErrors.reasonFor(403)).isEqualTo(Reason.ACCESS_DENIED);
        assertThat(VaultErrors.reasonFor(401)).isEqualTo(Reason.ACCESS_DENIED);
        assertThat(VaultErrors.reasonFor(404)).isEqualTo(Reason.NOT_FOUND);
        assertThat(VaultErrors.reasonFor(400)).isEqualTo(Reason.CONFIGURATION);
    }

    @Test
    void shouldNameAddressMountPathAndPolicyPathWhenPermissionDenied() {
        VaultStoreException e =
                VaultErrors.readRefused(VAULT, SECRET, reply(403, "{\"errors\":[\"permission denied\"]}"));

        assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage())
                .isEqualTo("Vault https://vault.example:8200: permission denied reading mount 'secret', path"
                        + " 'uipath/prod' (KV v2) (HTTP 403): the token's policies do not allow read on"
                        + " secret/data/uipath/prod, or the token was revoked");
    }

    @Test
    void shouldHintAtMultiSegmentMountWhenGuessedMountFindsNothing() {
        VaultStoreException e = VaultErrors.readRefused(VAULT, SECRET, reply(404, "{\"errors\":[]}"));

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage())
                .startsWith("Vault https://vault.example:8200: no secret at mount 'secret', path 'uipath/prod'")
                .contains("?mount=", "uipath.credentials.vault.kv-mounts");
    }

    @Test
    void shouldHintAtKvVersion2WhenVaultWarnsAboutVersionedPath() {
        KvSecret v1 = KvSecret.parse(
                CredentialReference.parse("vault:secret/uipath"),
                KvMounts.defaults().withMount("secret", 1));

        VaultStoreException e = VaultErrors.readRefused(
                VAULT,
                v1,
                reply(404, "{\"errors\":[],\"warnings\":[\"Invalid path for a versioned K/V secrets engine.\"]}"));

        assertThat(e.getMessage()).contains("set uipath.credentials.vault.kv-version.secret=2");
    }

    @Test
    void shouldSayWhenVersionWasDeleted() {
        VaultStoreException e = VaultErrors.readRefused(
                VAULT,
                SECRET,
                reply(
                        404,
                        "{\"data\":{\"data\":null,\"metadata\":{\"deletion_time\":\"2026-01-01T00:00:00Z\","
                                + "\"destroyed\":false,\"version\":3}}}"));

        assertThat(e.getMessage()).endsWith("mount 'secret', path 'uipath/prod' (KV v2) was deleted");
    }

    @Test
    void shouldSayWhenVersionWasDestroyed() {
        VaultStoreException e = VaultErrors.readRefused(
                VAULT,
                SECRET,
                reply(404, "{\"data\":{\"data\":null,\"metadata\":{\"deletion_time\":\"\",\"destroyed\":true}}}"));

        assertThat(e.getMessage()).endsWith("was destroyed");
    }

    @Test
    void shouldReportUnreachableVaultAsUnavailableWithCauseChained() {
        ConnectException refused = new ConnectException();

        VaultStoreException e = VaultErrors.readFailed(VAULT, SECRET, new VaultCallException("read", 0, refused));

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.isTransient()).isTrue();
        assertThat(e.getMessage())
                .endsWith(
                        "cannot read mount 'secret', path 'uipath/prod' (KV v2): unreachable" + " (ConnectException)");
        assertThat(e.getCause()).hasCause(refused);
    }

    @Test
    void shouldReportSealedVaultAsUnavailable() {
        VaultStoreException e = VaultErrors.readFailed(VAULT, SECRET, new VaultCallException("read", 503, null));

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.getMessage()).endsWith("sealed, or no active node, or under maintenance (HTTP 503)");
    }

    @Test
    void shouldNameFieldAndProblemForBadField() {
        VaultStoreException e = VaultErrors.badField(VAULT, SECRET, "client_secret", "is not a string (a number)");

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT);
        assertThat(e.getMessage())
                .isEqualTo("Vault https://vault.example:8200: field 'client_secret' of mount 'secret', path"
                        + " 'uipath/prod' (KV v2) is not a string (a number)");
    }

    @Test
    void shouldReportRefusedLoginAsAccessDenied() {
        VaultStoreException e = VaultErrors.loginFailed(
                VAULT, "AppRole login at auth/approle", new VaultCallException("log in at auth/approle", 400, null));

        assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
        assertThat(e.getMessage())
                .isEqualTo("Vault https://vault.example:8200: AppRole login at auth/approle failed (log in at"
                        + " auth/approle): unexpected answer (HTTP 400); check the role and its credentials");
    }

    @Test
    void shouldReportLoginAtMissingMountAsConfiguration() {
        VaultStoreException e = VaultErrors.loginFailed(
                VAULT, "JWT login at auth/jwt", new VaultCallException("log in at auth/jwt", 404, null));

        assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
        assertThat(e.getMessage()).endsWith("is the auth method mounted there?");
    }

    @Test
    void shouldReportLoginAgainstDownVaultAsUnavailable() {
        VaultStoreException e = VaultErrors.loginFailed(
                VAULT, "AppRole login at auth/approle", new VaultCallException("log in", 0, new ConnectException()));

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
    }
}
