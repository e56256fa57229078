/**
 * OAuth2 client-credentials tokens for the UiPath identity server, cached and refreshed ahead of expiry.
 *
 * <p>Start with {@link io.github.uipathbridge.token.TokenService} (one per application), describe each client and scope
 * set with {@link io.github.uipathbridge.token.TokenOptions}, and keep the
 * {@link io.github.uipathbridge.token.TokenProvider} it gives for them. Failures are
 * {@link io.github.uipathbridge.token.TokenException}s with a code.
 */
package io.github.uipathbridge.token;
