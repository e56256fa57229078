package io.github.uipathbridge.benchmarks.export;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap while a phase runs: the largest heap in use seen by sampling every 10 ms, and the largest heap still in
 * use right after a garbage collection (what the phase really keeps alive, which must not grow with the record count).
 */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong peakUsed = new AtomicLong();

    private final AtomicLong peakAfterGc = new AtomicLong();

    private final Thread sampler;

    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long after = 0;
            for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                after += usage.getUsed();
            }
            peakAfterGc.accumulateAndGet(after, Math::max);
        }
    };

    HeapSampler() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        sampler = new Thread(this::sample, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakUsedBytes() {
        return peakUsed.get();
    }

    /** Includes non-heap pools' after-GC figures only for heap pools; metaspace is not a heap pool and is skipped. */
    long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            peakUsed.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws Exception {
        sampler.interrupt();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).removeNotificationListener(listener);
        }
    }
}
