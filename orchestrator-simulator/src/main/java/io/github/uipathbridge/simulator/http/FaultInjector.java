package io.github.uipathbridge.simulator.http;

import io.github.uipathbridge.simulator.FaultTarget;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults waiting to be applied, each to a number of the next matching requests, first come first served. */
public final class FaultInjector {

    private record Pending(FaultTarget target, Fault fault, AtomicInteger remaining) {}

    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();

    public void add(FaultTarget target, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        pending.add(new Pending(target, fault, new AtomicInteger(times)));
    }

    public void clear() {
        pending.clear();
    }

    /** Takes the next fault for a request of the given kind ({@link FaultTarget#TOKEN} or API), or null. */
    public Fault take(FaultTarget requestKind) {
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.target() != FaultTarget.ANY && p.target() != requestKind) {
                continue;
            }
            int left = p.remaining().getAndDecrement();
            if (left <= 1) {
                it.remove();
            }
            if (left >= 1) {
                return p.fault();
            }
        }
        return null;
    }
}
