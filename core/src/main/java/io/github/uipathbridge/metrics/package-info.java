/** Micrometer meters of the token service; see {@link io.github.uipathbridge.metrics.TokenMetrics} for names and tags. */
package io.github.uipathbridge.metrics;
