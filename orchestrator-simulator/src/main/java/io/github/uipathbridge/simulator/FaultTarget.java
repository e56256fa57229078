package io.github.uipathbridge.simulator;

/** Which requests an injected fault applies to. */
public enum FaultTarget {
    /** Token endpoint requests only. */
    TOKEN,
    /** Orchestrator API requests only. */
    API,
    /** Token and API requests. */
    ANY
}
