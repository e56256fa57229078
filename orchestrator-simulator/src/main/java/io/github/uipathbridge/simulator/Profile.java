package io.github.uipathbridge.simulator;

/** Which deployment the simulator imitates; it decides the URL layout and the cloud-only limits. */
public enum Profile {
    /**
     * Automation Cloud: {@code /{org}/identity_/connect/token}, {@code /{org}/{tenant}/orchestrator_/}, rate limits.
     */
    CLOUD,
    /** Standalone Orchestrator: {@code /identity/connect/token} and the API at the root, no rate limits. */
    ONPREM
}
