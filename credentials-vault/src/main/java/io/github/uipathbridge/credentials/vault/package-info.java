/**
 * The {@code vault:} credential store: UiPath client credentials read from a KV secret in HashiCorp Vault or OpenBao.
 *
 * <p>{@link io.github.uipathbridge.credentials.vault.VaultCredentialStoreProvider} is found through
 * {@link java.util.ServiceLoader}; settings are described on
 * {@link io.github.uipathbridge.credentials.vault.VaultOptions} and
 * {@link io.github.uipathbridge.credentials.vault.KvMounts}, and in the module's README.
 */
package io.github.uipathbridge.credentials.vault;
