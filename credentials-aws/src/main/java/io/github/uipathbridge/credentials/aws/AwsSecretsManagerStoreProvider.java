package io.github.uipathbridge.credentials.aws;

import io.github.uipathbridge.credentials.CredentialReference;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialStoreProvider;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.StoreConfig;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * Serves {@code aws:} references: opens an {@link AwsSecretsManagerStore} with an SDK client of its own, configured
 * from {@link SecretsManagerOptions}.
 *
 * <p>The client uses the JDK's {@code HttpURLConnection} through the SDK's url-connection-client, which writes no
 * message bodies to any log. Settings left unset are resolved by the SDK itself (region, endpoint, profile, retry
 * mode, credentials), as described on {@link SecretsManagerOptions}.
 */
public final class AwsSecretsManagerStoreProvider implements CredentialStoreProvider {

    private static final Logger LOG = LoggerFactory.getLogger(AwsSecretsManagerStoreProvider.class);

    @Override
    public String scheme() {
        return "aws";
    }

    /**
     * Opens a store. Building the client resolves the region, so a missing region is reported here.
     *
     * @throws CredentialsException with reason {@code INVALID_REFERENCE} for a malformed reference, or
     *     {@code CONFIGURATION} for a setting that cannot be used or a region that cannot be resolved
     */
    @Override
    public CredentialStore open(CredentialReference reference, StoreConfig config) {
        return open(reference, config, Clock.systemUTC(), List.of());
    }

    /** Opens a store with a given clock and extra SDK interceptors, for tests that drive time or count calls. */
    CredentialStore open(
            CredentialReference reference, StoreConfig config, Clock clock, List<ExecutionInterceptor> interceptors) {
        Objects.requireNonNull(reference, "reference must not be null");
        Objects.requireNonNull(config, "config must not be null");
        SecretsManagerOptions options = SecretsManagerOptions.from(config);
        AwsSecretReference secret = AwsSecretReference.parse(reference, options);
        List<ProfileCredentialsProvider> profileCredentials = profileCredentials(options);
        SecretsManagerClient client = buildClient(reference, options, profileCredentials, interceptors);
        AwsSecretsManagerStore store =
                new AwsSecretsManagerStore(client, profileCredentials, secret, options.cacheTtl(), clock);
        LOG.debug("Opened credential store {}", store.describe());
        return store;
    }

    /**
     * The named profile's credentials provider, if a profile is set. It replaces the whole default chain: with only the
     * profile name handed to the SDK, credentials in the environment would still win over the profile. The store closes
     * it, since the SDK does not close a provider it was given.
     */
    private static List<ProfileCredentialsProvider> profileCredentials(SecretsManagerOptions options) {
        if (options.profile().isEmpty()) {
            return List.of();
        }
        return List.of(ProfileCredentialsProvider.builder()
                .profileName(options.profile().get())
                .build());
    }

    private static SecretsManagerClient buildClient(
            CredentialReference reference,
            SecretsManagerOptions options,
            List<ProfileCredentialsProvider> profileCredentials,
            List<ExecutionInterceptor> interceptors) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(options.connectTimeout())
                        .socketTimeout(options.readTimeout()))
                .overrideConfiguration(override -> configure(override, options, interceptors));
        options.region().map(Region::of).ifPresent(builder::region);
        options.endpoint().ifPresent(builder::endpointOverride);
        profileCredentials.forEach(builder::credentialsProvider);
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new CredentialsException(
                    CredentialsException.Reason.CONFIGURATION,
                    "Credential reference '" + reference + "': cannot set up the Secrets Manager client (set "
                            + SecretsManagerOptions.REGION + " or AWS_REGION if the region is missing): "
                            + e.getMessage(),
                    e);
        }
    }

    private static void configure(
            ClientOverrideConfiguration.Builder override,
            SecretsManagerOptions options,
            List<ExecutionInterceptor> interceptors) {
        override.apiCallTimeout(options.apiCallTimeout());
        options.profile().ifPresent(override::defaultProfileName);
        // Throttling and 5xx answers are retried with back-off by the SDK's own strategy (AWS_RETRY_MODE or the
        // profile's retry_mode unless set here); only the mode and the number of attempts are adjustable.
        if (options.retryMode().isPresent()) {
            RetryStrategy.Builder<?, ?> strategy =
                    AwsRetryStrategy.forRetryMode(options.retryMode().get()).toBuilder();
            options.maxAttempts().ifPresent(strategy::maxAttempts);
            override.retryStrategy(strategy.build());
        } else {
            options.maxAttempts().ifPresent(attempts -> override.retryStrategy(b -> b.maxAttempts(attempts)));
        }
        interceptors.forEach(override::addExecutionInterceptor);
    }
}
