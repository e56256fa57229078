/**
 * Camel health checks: {@link io.github.uipathbridge.health.TokenHealthCheck} for a credential store and its identity
 * server.
 */
package io.github.uipathbridge.health;
