package io.github.uipathbridge.credentials.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialStores;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import io.github.uipathbridge.credentials.StoreConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opening stores and failing without any server. */
class AwsSecretsManagerStoreProviderTest {

    @Test
    void shouldServeAwsSchemeThroughServiceLoader() {
        assertThat(CredentialStores.providers()).containsKey("aws");
        assertThat(CredentialStores.providers().get("aws")).isInstanceOf(AwsSecretsManagerStoreProvider.class);
    }

    @Test
    void shouldDescribeSecretStageRegionAndEndpoint() {
        try (CredentialStore store = CredentialStores.open(
                "aws:prod/uipath?versionStage=BLUE",
                config(Map.of(
                        "uipath.credentials.aws.region", "eu-west-1",
                        "uipath.credentials.aws.endpoint", "http://127.0.0.1:4566")))) {

            assertThat(store.describe())
                    .isEqualTo("aws:prod/uipath (versionStage BLUE, region eu-west-1 at http://127.0.0.1:4566)");
        }
    }

    @Test
    void shouldRefuseBadReferenceWhenOpening() {
        CredentialsException e = catchThrowableOfType(
                CredentialsException.class,
                () -> CredentialStores.open(
                        "aws:prod/uipath?version=3", config(Map.of("uipath.credentials.aws.region", "eu-west-1"))));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_REFERENCE);
        assertThat(e.getMessage()).contains("unknown option 'version'");
    }

    @Test
    void shouldReportUnreachableEndpointAsUnavailableNamingSecretAndRegion() throws IOException {
        String endpoint = "http://127.0.0.1:" + closedPort();
        try (CredentialStore store = CredentialStores.open(
                "aws:prod/uipath",
                config(Map.of(
                        "uipath.credentials.aws.region", "eu-west-1",
                        "uipath.credentials.aws.endpoint", endpoint,
                        // fake keys from src/test/resources/aws/credentials, so that signing gets as far as connecting
                        "uipath.credentials.aws.profile", "uipath-it",
                        "uipath.credentials.aws.max-attempts", "1")))) {

            CredentialsException e = catchThrowableOfType(CredentialsException.class, store::read);

            assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
            assertThat(e.getMessage())
                    .startsWith("Secrets Manager GetSecretValue for secret 'prod/uipath' (versionStage AWSCURRENT) in"
                            + " region eu-west-1 at " + endpoint + " could not reach the endpoint: ConnectException");
        }
    }

    @Test
    void shouldShipNoHttpClientThatLogsMessageBodies() {
        // Apache HttpClient 5 and 4 print whole response bodies, SecretString included, on their wire loggers at DEBUG.
        assertThat(isOnClassPath("software.amazon.awssdk.http.apache5.Apache5HttpClient"))
                .isFalse();
        assertThat(isOnClassPath("software.amazon.awssdk.http.apache.ApacheHttpClient"))
                .isFalse();
        assertThat(isOnClassPath("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient"))
                .isTrue();
    }

    private static StoreConfig config(Map<String, String> settings) {
        return StoreConfig.of(settings, Map.of());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isOnClassPath(String className) {
        try {
            Class.forName(className, false, AwsSecretsManagerStoreProviderTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
