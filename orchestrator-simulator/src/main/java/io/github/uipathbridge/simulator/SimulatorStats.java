package io.github.uipathbridge.simulator;

/**
 * A snapshot of the simulator's counters, the same figures {@code GET /__sandbox/stats} returns.
 *
 * @param tokenRequests requests that reached a token endpoint (answered, refused or faulted)
 * @param apiRequests requests that reached the Orchestrator API
 * @param rateLimited API requests answered with 429 by the rate limiter or an injected 429
 * @param webhooksSent webhook deliveries the receiver accepted with a 2xx
 * @param webhooksFailed webhook deliveries that failed (non-2xx, refused connection, timeout)
 * @param tokensIssued access tokens issued
 * @param faultsInjected requests answered by an injected fault
 */
public record SimulatorStats(
        long tokenRequests,
        long apiRequests,
        long rateLimited,
        long webhooksSent,
        long webhooksFailed,
        long tokensIssued,
        long faultsInjected) {}
