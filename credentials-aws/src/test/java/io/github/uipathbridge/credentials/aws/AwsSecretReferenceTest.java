package io.github.uipathbridge.credentials.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.uipathbridge.credentials.CredentialReference;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import org.junit.jupiter.api.Test;

class AwsSecretReferenceTest {

    private final SecretsManagerOptions defaults =
            SecretsManagerOptions.builder().build();

    @Test
    void shouldFollowCurrentStageWithDefaultKeysWhenNoOptionIsGiven() {
        AwsSecretReference secret = parse("aws:prod/uipath");

        assertThat(secret.secretId()).isEqualTo("prod/uipath");
        assertThat(secret.idKey()).isEqualTo("client_id");
        assertThat(secret.secretKey()).isEqualTo("client_secret");
        assertThat(secret.versionStage()).contains("AWSCURRENT");
        assertThat(secret.versionId()).isEmpty();
        assertThat(secret.clientId()).isEmpty();
        assertThat(secret.followsCurrent()).isTrue();
    }

    @Test
    void shouldKeepColonsOfArn() {
        AwsSecretReference secret =
                parse("aws:arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/uipath-AbCdEf?versionStage=BLUE");

        assertThat(secret.secretId())
                .isEqualTo("arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/uipath-AbCdEf");
        assertThat(secret.versionStage()).contains("BLUE");
    }

    @Test
    void shouldTakeKeysAndClientIdFromReferenceBeforeSettings() {
        SecretsManagerOptions options = SecretsManagerOptions.builder()
                .clientIdKey("settingsId")
                .clientSecretKey("settingsSecret")
                .clientId("settings-app")
                .build();

        AwsSecretReference secret = AwsSecretReference.parse(
                CredentialReference.parse("aws:x?idKey=appId&secretKey=appSecret&clientId=ref-app"), options);

        assertThat(secret.idKey()).isEqualTo("appId");
        assertThat(secret.secretKey()).isEqualTo("appSecret");
        assertThat(secret.clientId()).contains("ref-app");
    }

    @Test
    void shouldTakeKeysAndClientIdFromSettingsWhenReferenceHasNone() {
        SecretsManagerOptions options = SecretsManagerOptions.builder()
                .clientIdKey("settingsId")
                .clientSecretKey("settingsSecret")
                .clientId("settings-app")
                .build();

        AwsSecretReference secret = AwsSecretReference.parse(CredentialReference.parse("aws:x"), options);

        assertThat(secret.idKey()).isEqualTo("settingsId");
        assertThat(secret.secretKey()).isEqualTo("settingsSecret");
        assertThat(secret.clientId()).contains("settings-app");
    }

    @Test
    void shouldPinVersionIdInsteadOfStage() {
        AwsSecretReference secret = parse("aws:x?versionId=0f1e2d3c");

        assertThat(secret.versionId()).contains("0f1e2d3c");
        assertThat(secret.versionStage()).isEmpty();
        assertThat(secret.followsCurrent()).isFalse();
        assertThat(secret.selector()).isEqualTo("versionId 0f1e2d3c");
    }

    @Test
    void shouldNotFollowCurrentWhenAnotherStageIsPinned() {
        assertThat(parse("aws:x?versionStage=AWSPREVIOUS").followsCurrent()).isFalse();
    }

    @Test
    void shouldRefuseBothVersionPins() {
        CredentialsException e = refused("aws:x?versionStage=AWSCURRENT&versionId=1");

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REFERENCE);
        assertThat(e.getMessage()).contains("versionStage or versionId, not both");
    }

    @Test
    void shouldRefuseUnknownOptionNamingKnownOnes() {
        CredentialsException e = refused("aws:x?stage=AWSCURRENT");

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REFERENCE);
        assertThat(e.getMessage()).contains("unknown option 'stage'", "versionStage", "clientId");
    }

    @Test
    void shouldRefuseMissingSecretId() {
        CredentialsException e = refused("aws:?versionStage=AWSCURRENT");

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REFERENCE);
        assertThat(e.getMessage()).contains("name the secret");
    }

    @Test
    void shouldRefuseEmptyOption() {
        CredentialsException e = refused("aws:x?idKey=");

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REFERENCE);
        assertThat(e.getMessage()).contains("option 'idKey' is empty");
    }

    private AwsSecretReference parse(String reference) {
        return AwsSecretReference.parse(CredentialReference.parse(reference), defaults);
    }

    private CredentialsException refused(String reference) {
        return catchThrowableOfType(CredentialsException.class, () -> parse(reference));
    }
}
