package io.github.uipathbridge.credentials.aws;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Turns AWS SDK exceptions into {@link CredentialsException}s whose message names the operation, the secret id, the
 * region and, for service errors, the AWS error code, HTTP status and request id.
 *
 * <p>The SDK has already retried throttling, 5xx answers and I/O errors by its retry strategy when an exception gets
 * here. Messages carry the service's error message, which describes the request and never holds the secret value.
 */
final class SecretsManagerErrors {

    // Error codes the AWS signature and IAM layers answer with for a refused caller; they reach the SDK as the
    // service's generic exception, not as a modelled Secrets Manager exception.
    private static final Set<String> ACCESS_DENIED_CODES = Set.of(
            "AccessDeniedException",
            "AccessDenied",
            "UnrecognizedClientException",
            "InvalidSignatureException",
            "SignatureDoesNotMatch",
            "IncompleteSignature",
            "InvalidClientTokenId",
            "MissingAuthenticationToken",
            "ExpiredTokenException",
            "KMSAccessDeniedException");

    private SecretsManagerErrors() {}

    /**
     * Translates one failed call.
     *
     * @param e what the SDK threw
     * @param operation the API operation, such as {@code GetSecretValue}
     * @param where the secret id, version and region in words, such as {@code secret 'prod/uipath' (versionStage
     *     AWSCURRENT) in region eu-west-1}
     */
    static CredentialsException translate(SdkException e, String operation, String where) {
        String prefix = "Secrets Manager " + operation + " for " + where;
        if (e instanceof AwsServiceException service) {
            return fromService(service, prefix);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new CredentialsException(
                    Reason.UNAVAILABLE, prefix + " timed out (" + e.getClass().getSimpleName() + ")", e);
        }
        IOException io = ioCause(e);
        if (io != null) {
            return new CredentialsException(
                    Reason.UNAVAILABLE,
                    prefix + " could not reach the endpoint: " + io.getClass().getSimpleName()
                            + (io.getMessage() == null ? "" : ": " + io.getMessage()),
                    e);
        }
        if (e instanceof SdkClientException) {
            // Typically no AWS credentials in the default chain or profile, or a bad endpoint setting; the SDK's
            // message names what it tried.
            return new CredentialsException(Reason.CONFIGURATION, prefix + " failed: " + e.getMessage(), e);
        }
        return new CredentialsException(
                Reason.UNAVAILABLE, prefix + " failed: " + e.getClass().getSimpleName(), e);
    }

    private static CredentialsException fromService(AwsServiceException e, String prefix) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code =
                details == null || details.errorCode() == null ? e.getClass().getSimpleName() : details.errorCode();
        String serviceMessage = details == null || details.errorMessage() == null ? "" : ": " + details.errorMessage();
        String suffix =
                serviceMessage + " (" + code + ", HTTP " + e.statusCode() + ", request id " + e.requestId() + ")";
        if (e instanceof ResourceNotFoundException) {
            return new CredentialsException(Reason.NOT_FOUND, prefix + " found no such secret or version" + suffix, e);
        }
        if (e instanceof InvalidRequestException) {
            // Most often the secret is scheduled for deletion, which makes it unreadable as if it were gone.
            return new CredentialsException(
                    Reason.NOT_FOUND, prefix + " was refused for the secret's state" + suffix, e);
        }
        if (e instanceof DecryptionFailureException) {
            return new CredentialsException(
                    Reason.ACCESS_DENIED, prefix + " could not decrypt the secret with its KMS key" + suffix, e);
        }
        if (e instanceof InvalidParameterException) {
            return new CredentialsException(Reason.INVALID_REFERENCE, prefix + " was refused as malformed" + suffix, e);
        }
        if (ACCESS_DENIED_CODES.contains(code) || e.statusCode() == 401 || e.statusCode() == 403) {
            return new CredentialsException(Reason.ACCESS_DENIED, prefix + " was denied" + suffix, e);
        }
        String why = e.isThrottlingException() ? " was throttled after the SDK's retries" : " failed";
        return new CredentialsException(Reason.UNAVAILABLE, prefix + why + suffix, e);
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
