package io.github.uipathbridge.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialReferenceTest {

    @Test
    void parsesSchemePathAndDecodedOptions() {
        CredentialReference reference =
                CredentialReference.parse("vault:secret/uipath/prod?version=3&idField=app%20id");

        assertThat(reference.scheme()).isEqualTo("vault");
        assertThat(reference.path()).isEqualTo("secret/uipath/prod");
        assertThat(reference.options()).containsExactly(Map.entry("version", "3"), Map.entry("idField", "app id"));
    }

    @Test
    void arnKeepsItsColonsInThePath() {
        CredentialReference reference =
                CredentialReference.parse("aws:arn:aws:secretsmanager:eu-west-1:123456789012:secret:uipath-AbC");

        assertThat(reference.path()).isEqualTo("arn:aws:secretsmanager:eu-west-1:123456789012:secret:uipath-AbC");
    }

    @Test
    void emptyPathIsAllowed() {
        assertThat(CredentialReference.parse("env:").path()).isEmpty();
    }

    @Test
    void schemeIsLowerCased() {
        assertThat(CredentialReference.parse("ENV:PROD").scheme()).isEqualTo("env");
    }

    @Test
    void referenceWithoutSchemeIsRejected() {
        CredentialsException e = catchThrowableOfType(
                CredentialsException.class, () -> CredentialReference.parse("/run/secrets/uipath"));

        assertThat(e.reason()).isEqualTo(CredentialsException.Reason.INVALID_REFERENCE);
        assertThat(e.getMessage()).contains("expected scheme:path");
    }

    @Test
    void optionGivenTwiceIsRejected() {
        CredentialsException e = catchThrowableOfType(
                CredentialsException.class, () -> CredentialReference.parse("vault:a?version=1&version=2"));

        assertThat(e.getMessage()).contains("'version' is given twice");
    }

    @Test
    void unknownOptionIsRejectedNamingTheKnownOnes() {
        CredentialReference reference = CredentialReference.parse("file:/x?idFlie=a");

        CredentialsException e = catchThrowableOfType(
                CredentialsException.class, () -> reference.requireOnlyOptions("idFile", "secretFile"));

        assertThat(e.getMessage()).contains("unknown option 'idFlie'").contains("idFile, secretFile");
    }

    @Test
    void unknownSchemeListsTheAvailableStores() {
        CredentialsException e = catchThrowableOfType(
                CredentialsException.class, () -> CredentialStores.open("nope:x", StoreConfig.of(Map.of(), Map.of())));

        assertThat(e.reason()).isEqualTo(CredentialsException.Reason.INVALID_REFERENCE);
        assertThat(e.getMessage()).contains("available: env, file");
    }
}
