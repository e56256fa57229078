package io.github.uipathbridge.credentials.aws;

import io.github.uipathbridge.credentials.CredentialReference;
import io.github.uipathbridge.credentials.CredentialsException;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@code aws:} reference asks for: {@code aws:<secret id or ARN>?idKey=&secretKey=&versionStage=&versionId=
 * &clientId=}, with the options not given taken from {@link SecretsManagerOptions}.
 *
 * <p>Without {@code versionStage} or {@code versionId} the store follows {@code AWSCURRENT}. The two pins exclude
 * each other. A reference holds no secret value.
 */
final class AwsSecretReference {

    static final String CURRENT_STAGE = "AWSCURRENT";

    static final String PENDING_STAGE = "AWSPENDING";

    private static final String[] OPTIONS = {"idKey", "secretKey", "versionStage", "versionId", "clientId"};

    private final String secretId;

    private final String idKey;

    private final String secretKey;

    private final String versionStage;

    private final String versionId;

    private final String clientId;

    private AwsSecretReference(
            String secretId, String idKey, String secretKey, String versionStage, String versionId, String clientId) {
        this.secretId = secretId;
        this.idKey = idKey;
        this.secretKey = secretKey;
        this.versionStage = versionStage;
        this.versionId = versionId;
        this.clientId = clientId;
    }

    /**
     * Reads an {@code aws:} reference.
     *
     * @throws CredentialsException with reason {@code INVALID_REFERENCE} for a missing secret id, an unknown or empty
     *     option, or both version pins
     */
    static AwsSecretReference parse(CredentialReference reference, SecretsManagerOptions options) {
        Objects.requireNonNull(reference, "reference must not be null");
        Objects.requireNonNull(options, "options must not be null");
        reference.requireOnlyOptions(OPTIONS);
        for (String name : OPTIONS) {
            if (reference.option(name).filter(String::isBlank).isPresent()) {
                throw invalid(reference, "option '" + name + "' is empty");
            }
        }
        String secretId = reference.path().strip();
        if (secretId.isEmpty()) {
            throw invalid(reference, "name the secret, for example aws:prod/uipath or aws:arn:aws:secretsmanager:...");
        }
        if (reference.option("versionStage").isPresent()
                && reference.option("versionId").isPresent()) {
            throw invalid(reference, "give versionStage or versionId, not both");
        }
        return new AwsSecretReference(
                secretId,
                reference.option("idKey").orElse(options.clientIdKey()),
                reference.option("secretKey").orElse(options.clientSecretKey()),
                reference.option("versionStage").orElse(null),
                reference.option("versionId").orElse(null),
                reference.option("clientId").or(options::clientId).orElse(null));
    }

    String secretId() {
        return secretId;
    }

    String idKey() {
        return idKey;
    }

    String secretKey() {
        return secretKey;
    }

    /** The stage to read: the pinned one, or {@code AWSCURRENT} unless a version id is pinned. */
    Optional<String> versionStage() {
        return versionId != null ? Optional.empty() : Optional.of(versionStage != null ? versionStage : CURRENT_STAGE);
    }

    Optional<String> versionId() {
        return Optional.ofNullable(versionId);
    }

    /** The client id for plain-text secrets, from the reference or the settings. */
    Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    /** Whether this reference follows {@code AWSCURRENT}, so that a staged {@code AWSPENDING} version is its next. */
    boolean followsCurrent() {
        return versionStage().filter(CURRENT_STAGE::equals).isPresent();
    }

    /** The version this reference reads, for messages: {@code versionStage AWSCURRENT} or {@code versionId ...}. */
    String selector() {
        return versionId != null
                ? "versionId " + versionId
                : "versionStage " + versionStage().orElseThrow();
    }

    private static CredentialsException invalid(CredentialReference reference, String why) {
        return new CredentialsException(
                CredentialsException.Reason.INVALID_REFERENCE, "Credential reference '" + reference + "': " + why);
    }
}
