package io.github.uipathbridge.credentials.aws;

import static org.assertj.core.api.Assertions.fail;

import io.github.uipathbridge.credentials.StoreConfig;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The moto server that scripts/test.sh starts, and a client to arrange secrets in it. */
final class Moto {

    static final String REGION = "us-east-1";

    private Moto() {}

    /** The moto address from {@code UIPATH_IT_AWS_ENDPOINT}; fails the test with directions when it is unset. */
    static String endpoint() {
        String endpoint = System.getenv("UIPATH_IT_AWS_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            fail("UIPATH_IT_AWS_ENDPOINT is not set: run the tests through scripts/test.sh, which starts a moto server,"
                    + " or start one (moto_server -H 127.0.0.1 -p PORT) and export its http://127.0.0.1:PORT");
        }
        return endpoint;
    }

    /** A client for arranging secrets, with static fake keys, independent of the store under test. */
    static SecretsManagerClient adminClient() {
        return SecretsManagerClient.builder()
                .region(Region.of(REGION))
                .endpointOverride(URI.create(endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    /** Store settings pointing at moto, plus the extra settings given as key, value pairs. */
    static StoreConfig config(String... keysAndValues) {
        Map<String, String> settings = new HashMap<>();
        settings.put(SecretsManagerOptions.REGION, REGION);
        settings.put(SecretsManagerOptions.ENDPOINT, endpoint());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return StoreConfig.of(settings, Map.of());
    }

    /** A secret name no other test uses. */
    static String uniqueName(String prefix) {
        return "it/" + prefix + "-" + UUID.randomUUID();
    }

    static String json(String clientId, String clientSecret) {
        return "{\"client_id\":\"" + clientId + "\",\"client_secret\":\"" + clientSecret + "\"}";
    }

    /** Creates a secret with a SecretString and returns its first version id. */
    static String createString(SecretsManagerClient admin, String name, String value) {
        return admin.createSecret(b -> b.name(name).secretString(value)).versionId();
    }

    static String createBinary(SecretsManagerClient admin, String name, String value) {
        return admin.createSecret(b -> b.name(name).secretBinary(SdkBytes.fromUtf8String(value)))
                .versionId();
    }

    /** Puts a new value under the given stages and returns its version id. */
    static String put(SecretsManagerClient admin, String name, String value, String... stages) {
        return admin.putSecretValue(b -> b.secretId(name).secretString(value).versionStages(List.of(stages)))
                .versionId();
    }
}
