package io.github.uipathbridge.simulator.http;

import java.time.Duration;

/**
 * A fault to answer a request with instead of (or, for latency, before) the normal answer.
 *
 * @param kind what happens
 * @param status the HTTP status for {@link Kind#STATUS} and {@link Kind#HTML}
 * @param duration the delay for {@link Kind#LATENCY}, the Retry-After for {@link Kind#RATE_LIMIT}
 */
public record Fault(Kind kind, int status, Duration duration) {

    /** Kinds of fault. */
    public enum Kind {
        /** Wait, then answer normally. */
        LATENCY,
        /** Answer with the status and an error body. */
        STATUS,
        /** Answer 429 with Retry-After. */
        RATE_LIMIT,
        /** Close the connection without an answer. */
        DROP,
        /** Answer with an HTML page and the status (a proxy or login page instead of JSON). */
        HTML
    }
}
