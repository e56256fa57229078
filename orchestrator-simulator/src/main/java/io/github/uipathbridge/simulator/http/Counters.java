package io.github.uipathbridge.simulator.http;

import io.github.uipathbridge.simulator.SimulatorStats;
import java.util.concurrent.atomic.LongAdder;

/** The simulator's counters. Thread-safe. */
public final class Counters {

    public final LongAdder tokenRequests = new LongAdder();
    public final LongAdder apiRequests = new LongAdder();
    public final LongAdder rateLimited = new LongAdder();
    public final LongAdder webhooksSent = new LongAdder();
    public final LongAdder webhooksFailed = new LongAdder();
    public final LongAdder tokensIssued = new LongAdder();
    public final LongAdder faultsInjected = new LongAdder();

    public SimulatorStats snapshot() {
        return new SimulatorStats(
                tokenRequests.sum(),
                apiRequests.sum(),
                rateLimited.sum(),
                webhooksSent.sum(),
                webhooksFailed.sum(),
                tokensIssued.sum(),
                faultsInjected.sum());
    }
}
