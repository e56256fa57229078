package io.github.uipathbridge.credentials.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialReference;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialStores;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import io.github.uipathbridge.credentials.StoreConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The {@code aws:} store against a moto server (an AWS API emulator) started by scripts/test.sh. */
class AwsSecretsManagerStoreIT {

    private final SecretsManagerClient admin = Moto.adminClient();

    private final MutableClock clock = new MutableClock();

    private final CallCounter calls = new CallCounter();

    private final List<CredentialStore> stores = new ArrayList<>();

    @AfterEach
    void closeClients() {
        stores.forEach(CredentialStore::close);
        admin.close();
    }

    @Test
    void shouldReadClientIdAndSecretFromJsonSecretString() {
        String name = Moto.uniqueName("json");
        String versionId = Moto.createString(admin, name, Moto.json("app-json", "secret-json"));

        ClientCredentials credentials = open("aws:" + name).read();

        assertThat(credentials.clientId()).isEqualTo("app-json");
        assertThat(credentials.clientSecret().reveal()).isEqualTo("secret-json");
        assertThat(credentials.version()).isEqualTo(versionId);
        assertThat(credentials.source()).startsWith("aws:" + name + " (versionStage AWSCURRENT, region us-east-1");
    }

    @Test
    void shouldReadJsonDocumentFromSecretBinary() {
        String name = Moto.uniqueName("binary");
        String versionId = Moto.createBinary(admin, name, Moto.json("app-binary", "secret-binary"));

        ClientCredentials credentials = open("aws:" + name).read();

        assertThat(credentials.clientId()).isEqualTo("app-binary");
        assertThat(credentials.clientSecret().reveal()).isEqualTo("secret-binary");
        assertThat(credentials.version()).isEqualTo(versionId);
    }

    @Test
    void shouldReadPlainTextSecretWithClientIdFromReference() {
        String name = Moto.uniqueName("plain");
        Moto.createString(admin, name, "secret-plain");

        ClientCredentials credentials =
                open("aws:" + name + "?clientId=app-plain").read();

        assertThat(credentials.clientId()).isEqualTo("app-plain");
        assertThat(credentials.clientSecret().reveal()).isEqualTo("secret-plain");
    }

    @Test
    void shouldReadPlainTextSecretWithClientIdFromSettings() {
        String name = Moto.uniqueName("plain-settings");
        Moto.createString(admin, name, "secret-plain-settings");

        ClientCredentials credentials = open("aws:" + name, SecretsManagerOptions.CLIENT_ID, "app-from-settings")
                .read();

        assertThat(credentials.clientId()).isEqualTo("app-from-settings");
        assertThat(credentials.clientSecret().reveal()).isEqualTo("secret-plain-settings");
    }

    @Test
    void shouldRefusePlainTextSecretWithoutClientIdNamingSecretAndFormat() {
        String name = Moto.uniqueName("plain-no-id");
        Moto.createString(admin, name, "secret-without-id");
        CredentialStore store = open("aws:" + name);

        CredentialsException e = catchThrowableOfType(CredentialsException.class, store::read);

        assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
        assertThat(e.getMessage())
                .contains("'" + name + "'", "plain text in SecretString", "?clientId=")
                .doesNotContain("secret-without-id");
    }

    @Test
    void shouldReadKeyNamesGivenInReference() {
        String name = Moto.uniqueName("keys-reference");
        Moto.createString(admin, name, "{\"appId\":\"app-keys\",\"appSecret\":\"secret-keys\"}");

        ClientCredentials credentials =
                open("aws:" + name + "?idKey=appId&secretKey=appSecret").read();

        assertThat(credentials.clientId()).isEqualTo("app-keys");
        assertThat(credentials.clientSecret().reveal()).isEqualTo("secret-keys");
    }

    @Test
    void shouldReadKeyNamesGivenInSettings() {
        String name = Moto.uniqueName("keys-settings");
        Moto.createString(admin, name, "{\"id\":\"app-settings\",\"password\":\"secret-settings\"}");

        ClientCredentials credentials = open(
                        "aws:" + name,
                        SecretsManagerOptions.CLIENT_ID_KEY,
                        "id",
                        SecretsManagerOptions.CLIENT_SECRET_KEY,
                        "password")
                .read();

        assertThat(credentials.clientId()).isEqualTo("app-settings");
        assertThat(credentials.clientSecret().reveal()).isEqualTo("secret-settings");
    }

    @Test
    void shouldRefuseJsonWithoutSecretKeyNamingSecretAndKeysFound() {
        String name = Moto.uniqueName("keys-missing");
        Moto.createString(admin, name, "{\"client_id\":\"app\",\"password\":\"secret-under-other-key\"}");
        CredentialStore store = open("aws:" + name);

        CredentialsException e = catchThrowableOfType(CredentialsException.class, store::read);

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT);
        assertThat(e.getMessage())
                .contains("'" + name + "'", "no key 'client_secret'", "'client_id', 'password'")
                .doesNotContain("secret-under-other-key");
    }

    @Test
    void shouldReadSecretByArn() {
        String name = Moto.uniqueName("arn");
        String arn = admin.createSecret(b -> b.name(name).secretString(Moto.json("app-arn", "secret-arn")))
                .arn();

        ClientCredentials credentials = open("aws:" + arn).read();

        assertThat(credentials.clientId()).isEqualTo("app-arn");
    }

    @Test
    void shouldReadPinnedVersionStage() {
        String name = Moto.uniqueName("stage");
        String first = Moto.createString(admin, name, Moto.json("app", "secret-first"));
        Moto.put(admin, name, Moto.json("app", "secret-second"), "AWSCURRENT");

        ClientCredentials credentials =
                open("aws:" + name + "?versionStage=AWSPREVIOUS").read();

        assertThat(credentials.clientSecret().reveal()).isEqualTo("secret-first");
        assertThat(credentials.version()).isEqualTo(first);
    }

    @Test
    void shouldReadPinnedVersionId() {
        String name = Moto.uniqueName("version-id");
        String first = Moto.createString(admin, name, Moto.json("app", "secret-first"));
        Moto.put(admin, name, Moto.json("app", "secret-second"), "AWSCURRENT");

        ClientCredentials credentials =
                open("aws:" + name + "?versionId=" + first).read();

        assertThat(credentials.clientSecret().reveal()).isEqualTo("secret-first");
        assertThat(credentials.version()).isEqualTo(first);
    }

    @Test
    void shouldServeReadsWithinCacheTimeWithoutCallingAws() {
        String name = Moto.uniqueName("cache");
        Moto.createString(admin, name, Moto.json("app", "secret-cached"));
        CredentialStore store = open("aws:" + name, SecretsManagerOptions.CACHE_TTL, "60s");
        store.read();

        clock.advance(Duration.ofSeconds(59));
        ClientCredentials again = store.read();

        assertThat(again.clientSecret().reveal()).isEqualTo("secret-cached");
        assertThat(calls.total()).isEqualTo(1);
    }

    @Test
    void shouldOnlyDescribeSecretAfterCacheTimeWhenVersionIsUnchanged() {
        String name = Moto.uniqueName("unchanged");
        Moto.createString(admin, name, Moto.json("app", "secret-unchanged"));
        CredentialStore store = open("aws:" + name, SecretsManagerOptions.CACHE_TTL, "60s");
        store.read();

        clock.advance(Duration.ofSeconds(60));
        ClientCredentials again = store.read();

        assertThat(again.clientSecret().reveal()).isEqualTo("secret-unchanged");
        assertThat(calls.count("GetSecretValue")).isEqualTo(1);
        assertThat(calls.count("DescribeSecret")).isEqualTo(1);
    }

    @Test
    void shouldReadNewCurrentVersionAfterCacheTimeWhenSecretWasRotated() {
        String name = Moto.uniqueName("rotated");
        Moto.createString(admin, name, Moto.json("app", "secret-old"));
        CredentialStore store = open("aws:" + name, SecretsManagerOptions.CACHE_TTL, "60s");
        store.read();
        String second = Moto.put(admin, name, Moto.json("app", "secret-new"), "AWSCURRENT");

        clock.advance(Duration.ofSeconds(60));
        ClientCredentials again = store.read();

        assertThat(again.clientSecret().reveal()).isEqualTo("secret-new");
        assertThat(again.version()).isEqualTo(second);
        assertThat(calls.count("GetSecretValue")).isEqualTo(2);
    }

    @Test
    void shouldCallAwsOnceForConcurrentReadsOfEmptyCache() throws Exception {
        String name = Moto.uniqueName("single-flight");
        Moto.createString(admin, name, Moto.json("app", "secret-shared"));
        CredentialStore store = open("aws:" + name);
        int readers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        List<Future<ClientCredentials>> results = new ArrayList<>();

        try {
            for (int i = 0; i < readers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.read();
                }));
            }
            start.countDown();
            for (Future<ClientCredentials> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).clientSecret().reveal())
                        .isEqualTo("secret-shared");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(calls.count("GetSecretValue")).isEqualTo(1);
    }

    @Test
    void shouldServeCachedValueWhileSecretsManagerIsUnreachable() throws Exception {
        String name = Moto.uniqueName("unreachable");
        Moto.createString(admin, name, Moto.json("app", "secret-kept"));
        StoppableProxy proxy = StoppableProxy.to(Moto.endpoint());
        CredentialStore store = open(
                "aws:" + name,
                SecretsManagerOptions.ENDPOINT,
                proxy.url(),
                SecretsManagerOptions.CACHE_TTL,
                "60s",
                SecretsManagerOptions.MAX_ATTEMPTS,
                "1");
        store.read();
        proxy.close();

        clock.advance(Duration.ofSeconds(60));
        ClientCredentials whileDown = store.read();
        clock.advance(Duration.ofSeconds(29));
        store.read();

        assertThat(whileDown.clientSecret().reveal()).isEqualTo("secret-kept");
        assertThat(calls.count("DescribeSecret")).isEqualTo(1);
    }

    @Test
    void shouldReportUnreachableSecretsManagerOnReadFresh() throws Exception {
        String name = Moto.uniqueName("unreachable-fresh");
        Moto.createString(admin, name, Moto.json("app", "secret"));
        StoppableProxy proxy = StoppableProxy.to(Moto.endpoint());
        CredentialStore store = open(
                "aws:" + name, SecretsManagerOptions.ENDPOINT, proxy.url(), SecretsManagerOptions.MAX_ATTEMPTS, "1");
        store.read();
        proxy.close();

        CredentialsException e = catchThrowableOfType(CredentialsException.class, store::readFresh);

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.getMessage()).contains("secret '" + name + "'", "region us-east-1", "could not reach");
    }

    @Test
    void shouldBypassCacheOnReadFreshAndKeepWhatItRead() {
        String name = Moto.uniqueName("fresh");
        Moto.createString(admin, name, Moto.json("app", "secret-old"));
        CredentialStore store = open("aws:" + name, SecretsManagerOptions.CACHE_TTL, "1h");
        store.read();
        Moto.put(admin, name, Moto.json("app", "secret-new"), "AWSCURRENT");

        ClientCredentials fresh = store.readFresh();
        ClientCredentials cachedAfterwards = store.read();

        assertThat(fresh.clientSecret().reveal()).isEqualTo("secret-new");
        assertThat(cachedAfterwards).isEqualTo(fresh);
        assertThat(calls.count("GetSecretValue")).isEqualTo(2);
    }

    @Test
    void shouldReturnPendingVersionWhileRotationIsHalfWay() {
        String name = Moto.uniqueName("pending");
        Moto.createString(admin, name, Moto.json("app", "secret-current"));
        String pending = Moto.put(admin, name, Moto.json("app", "secret-pending"), "AWSPENDING");
        CredentialStore store = open("aws:" + name);

        ClientCredentials current = store.readFresh();
        ClientCredentials next = store.readPending();

        assertThat(current.clientSecret().reveal()).isEqualTo("secret-current");
        assertThat(next.clientSecret().reveal()).isEqualTo("secret-pending");
        assertThat(next.version()).isEqualTo(pending);
    }

    @Test
    void shouldReturnNoPendingVersionWhenNoRotationIsInProgress() {
        String name = Moto.uniqueName("no-pending");
        Moto.createString(admin, name, Moto.json("app", "secret-current"));
        Moto.put(admin, name, Moto.json("app", "secret-newer"), "AWSCURRENT");
        CredentialStore store = open("aws:" + name);

        assertThat(store.readPending()).isNull();
    }

    @Test
    void shouldReportMissingSecretAsNotFoundNamingSecretAndRegion() {
        String name = Moto.uniqueName("missing");
        CredentialStore store = open("aws:" + name);

        CredentialsException e = catchThrowableOfType(CredentialsException.class, store::read);

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage())
                .contains("GetSecretValue", "secret '" + name + "'", "region us-east-1", "ResourceNotFoundException");
    }

    @Test
    void shouldKeepWorkingAfterMissingSecret() {
        String name = Moto.uniqueName("appears-later");
        CredentialStore store = open("aws:" + name);
        catchThrowableOfType(CredentialsException.class, store::read);
        Moto.createString(admin, name, Moto.json("app", "secret-appeared"));

        ClientCredentials credentials = store.read();

        assertThat(credentials.clientSecret().reveal()).isEqualTo("secret-appeared");
    }

    @Test
    void shouldFindStoreThroughServiceLoader() {
        String name = Moto.uniqueName("service-loader");
        Moto.createString(admin, name, Moto.json("app-loaded", "secret-loaded"));

        CredentialStore store = CredentialStores.open("aws:" + name, Moto.config());
        stores.add(store);

        assertThat(store).isInstanceOf(AwsSecretsManagerStore.class);
        assertThat(store.read().clientId()).isEqualTo("app-loaded");
    }

    @Test
    void shouldUseEndpointFromSdkSettingWhenNoneIsConfigured() {
        String name = Moto.uniqueName("sdk-endpoint");
        Moto.createString(admin, name, Moto.json("app-sdk-endpoint", "secret"));
        StoreConfig config = StoreConfig.of(Map.of(SecretsManagerOptions.REGION, Moto.REGION), Map.of());
        // The system property form of AWS_ENDPOINT_URL_SECRETS_MANAGER, read by the SDK itself when it builds a client.
        System.setProperty("aws.endpointUrlSecretsManager", Moto.endpoint());
        CredentialStore store;
        try {
            store = CredentialStores.open("aws:" + name, config);
        } finally {
            System.clearProperty("aws.endpointUrlSecretsManager");
        }
        stores.add(store);

        assertThat(store.read().clientId()).isEqualTo("app-sdk-endpoint");
    }

    @Test
    void shouldTakeCredentialsAndRegionFromNamedProfile() {
        String name = Moto.uniqueName("profile");
        Moto.createString(admin, name, Moto.json("app-profile", "secret"));
        StoreConfig config = StoreConfig.of(
                Map.of(SecretsManagerOptions.PROFILE, "uipath-it", SecretsManagerOptions.ENDPOINT, Moto.endpoint()),
                Map.of());

        CredentialStore store = CredentialStores.open("aws:" + name, config);
        stores.add(store);

        assertThat(store.read().clientId()).isEqualTo("app-profile");
        assertThat(store.describe()).contains("region us-east-1");
    }

    @Test
    void shouldReportProfileWithoutCredentialsAsConfigurationError() {
        String name = Moto.uniqueName("profile-missing");
        Moto.createString(admin, name, Moto.json("app", "secret"));
        CredentialStore store = open("aws:" + name, SecretsManagerOptions.PROFILE, "no-such-profile");

        CredentialsException e = catchThrowableOfType(CredentialsException.class, store::read);

        assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
        assertThat(e.getMessage()).contains("secret '" + name + "'", "no-such-profile");
    }

    private CredentialStore open(String reference, String... settings) {
        CredentialStore store = new AwsSecretsManagerStoreProvider()
                .open(CredentialReference.parse(reference), Moto.config(settings), clock, List.of(calls));
        stores.add(store);
        return store;
    }
}
