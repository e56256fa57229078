/**
 * The {@code aws:} credential store: client id and secret pairs from AWS Secrets Manager, on AWS SDK v2.
 *
 * <p>{@link io.github.uipathbridge.credentials.aws.AwsSecretsManagerStoreProvider} is found through
 * {@link java.util.ServiceLoader}; its settings are listed on
 * {@link io.github.uipathbridge.credentials.aws.SecretsManagerOptions}.
 */
package io.github.uipathbridge.credentials.aws;
