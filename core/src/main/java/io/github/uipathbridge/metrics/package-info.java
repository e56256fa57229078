/**
 * Micrometer meters of the token service; {@link io.github.uipathbridge.metrics.TokenMetrics} lists names and tags.
 */
package io.github.uipathbridge.metrics;
