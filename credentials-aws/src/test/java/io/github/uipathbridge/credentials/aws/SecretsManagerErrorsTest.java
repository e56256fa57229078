package io.github.uipathbridge.credentials.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

class SecretsManagerErrorsTest {

    private static final String WHERE = "secret 'prod/uipath' (versionStage AWSCURRENT) in region eu-west-1";

    @Test
    void shouldReportResourceNotFoundAsNotFoundNamingSecretRegionAndCode() {
        AwsServiceException e = service(
                ResourceNotFoundException.builder(),
                "ResourceNotFoundException",
                400,
                "Secrets Manager can't find the specified secret.");

        CredentialsException translated = SecretsManagerErrors.translate(e, "GetSecretValue", WHERE);

        assertThat(translated.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(translated.getMessage())
                .isEqualTo("Secrets Manager GetSecretValue for " + WHERE + " found no such secret or version: Secrets"
                        + " Manager can't find the specified secret. (ResourceNotFoundException, HTTP 400, request id"
                        + " req-1)");
        assertThat(translated.getCause()).isSameAs(e);
    }

    @Test
    void shouldReportAccessDeniedAsAccessDenied() {
        AwsServiceException e =
                service(SecretsManagerException.builder(), "AccessDeniedException", 400, "User is not authorized");

        CredentialsException translated = SecretsManagerErrors.translate(e, "GetSecretValue", WHERE);

        assertThat(translated.reason()).isEqualTo(Reason.ACCESS_DENIED);
        assertThat(translated.getMessage()).contains(WHERE, "was denied", "AccessDeniedException");
    }

    @Test
    void shouldReportDecryptionFailureAsAccessDenied() {
        AwsServiceException e =
                service(DecryptionFailureException.builder(), "DecryptionFailure", 400, "KMS key is disabled");

        CredentialsException translated = SecretsManagerErrors.translate(e, "GetSecretValue", WHERE);

        assertThat(translated.reason()).isEqualTo(Reason.ACCESS_DENIED);
        assertThat(translated.getMessage()).contains(WHERE, "could not decrypt the secret with its KMS key");
    }

    @Test
    void shouldReportSecretScheduledForDeletionAsNotFound() {
        AwsServiceException e = service(
                InvalidRequestException.builder(),
                "InvalidRequestException",
                400,
                "You can't perform this operation on the secret because it was marked for deletion.");

        CredentialsException translated = SecretsManagerErrors.translate(e, "GetSecretValue", WHERE);

        assertThat(translated.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(translated.getMessage()).contains("marked for deletion");
    }

    @Test
    void shouldReportThrottlingLeftAfterRetriesAsUnavailable() {
        AwsServiceException e = service(SecretsManagerException.builder(), "ThrottlingException", 400, "Rate exceeded");

        CredentialsException translated = SecretsManagerErrors.translate(e, "DescribeSecret", WHERE);

        assertThat(translated.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(translated.isTransient()).isTrue();
        assertThat(translated.getMessage()).contains("DescribeSecret", "throttled after the SDK's retries");
    }

    @Test
    void shouldReportConnectionFailureAsUnavailable() {
        SdkClientException e = SdkClientException.builder()
                .message("Unable to execute HTTP request: Connection refused")
                .cause(new ConnectException("Connection refused"))
                .build();

        CredentialsException translated = SecretsManagerErrors.translate(e, "GetSecretValue", WHERE);

        assertThat(translated.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(translated.getMessage())
                .isEqualTo("Secrets Manager GetSecretValue for " + WHERE
                        + " could not reach the endpoint: ConnectException: Connection refused");
    }

    @Test
    void shouldReportTimeoutAsUnavailable() {
        ApiCallTimeoutException e = ApiCallTimeoutException.create(30_000);

        CredentialsException translated = SecretsManagerErrors.translate(e, "GetSecretValue", WHERE);

        assertThat(translated.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(translated.getMessage()).contains("timed out (ApiCallTimeoutException)");
    }

    @Test
    void shouldReportMissingAwsCredentialsAsConfiguration() {
        SdkClientException e = SdkClientException.create("Unable to load credentials from any of the providers");

        CredentialsException translated = SecretsManagerErrors.translate(e, "GetSecretValue", WHERE);

        assertThat(translated.reason()).isEqualTo(Reason.CONFIGURATION);
        assertThat(translated.getMessage()).contains(WHERE, "Unable to load credentials");
    }

    private static AwsServiceException service(
            AwsServiceException.Builder builder, String code, int status, String message) {
        return builder.awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName("SecretsManager")
                        .build())
                .statusCode(status)
                .requestId("req-1")
                .message(message)
                .build();
    }
}
