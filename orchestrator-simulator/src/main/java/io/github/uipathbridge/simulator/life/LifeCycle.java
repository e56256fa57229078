package io.github.uipathbridge.simulator.life;

import io.github.uipathbridge.simulator.data.Entity;
import io.github.uipathbridge.simulator.data.Folder;
import io.github.uipathbridge.simulator.data.TenantData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Moves the tenant forward one step per {@link #advance()}: running jobs finish (every fifth faults), pending jobs
 * start, stopping jobs stop, up to {@value #ITEMS_PER_TICK} new queue items are processed (every tenth fails), and
 * one session changes state. Each change sends its webhook event. Thread-safe (one step at a time).
 *
 * <p>Known shortcoming: states move one step per tick, not after realistic durations, so a job's run time is the
 * tick interval and tests that want timing must drive ticks themselves.
 */
public final class LifeCycle {

    static final int ITEMS_PER_TICK = 5;

    private final TenantData data;
    private final WebhookSender webhooks;
    private final Clock clock;
    private final ConcurrentSkipListSet<Long> activeJobs = new ConcurrentSkipListSet<>();
    private final ConcurrentLinkedQueue<Long> addedItems = new ConcurrentLinkedQueue<>();
    private long nextSeededItem;
    private long ticks;

    public LifeCycle(TenantData data, WebhookSender webhooks, Clock clock) {
        this.data = data;
        this.webhooks = webhooks;
        this.clock = clock;
        this.nextSeededItem = data.firstNewSeededItem();
        data.jobs().all().forEach(job -> {
            Object state = job.get("State");
            if ("Pending".equals(state) || "Running".equals(state)) {
                activeJobs.add(Entity.id(job));
            }
        });
    }

    /** Tracks a job created by StartJobs or being stopped. */
    public void jobActive(long id) {
        activeJobs.add(id);
    }

    /** Tracks a queue item added through the API. */
    public void itemAdded(long id) {
        addedItems.add(id);
    }

    /** Sends an event for a change made by an API call. */
    public CompletableFuture<Void> publish(String type, String entityName, Map<String, Object> entity) {
        return webhooks.publish(type, entityName, entity, Entity.folder(entity));
    }

    /** One step of life; the returned future completes when its webhook deliveries have finished. */
    public synchronized CompletableFuture<Void> advance() {
        Instant now = clock.instant();
        List<CompletableFuture<Void>> events = new ArrayList<>();
        advanceJobs(now, events);
        processItems(now, events);
        changeSession(now, events);
        ticks++;
        return CompletableFuture.allOf(events.toArray(CompletableFuture[]::new));
    }

    private void advanceJobs(Instant now, List<CompletableFuture<Void>> events) {
        for (Long id : List.copyOf(activeJobs)) {
            Map<String, Object> job = data.jobs().byId(id);
            String next = job == null ? null : nextJobState(job);
            if (next == null) {
                activeJobs.remove(id);
                continue;
            }
            Map<String, Object> changed = data.withJobState(job, next, now);
            data.jobs().put(changed);
            if (!"Running".equals(next)) {
                activeJobs.remove(id);
            }
            events.add(publish(jobEvent(next), "Job", changed));
        }
    }

    private static String nextJobState(Map<String, Object> job) {
        return switch ((String) job.get("State")) {
            case "Pending" -> "Running";
            case "Running" -> Entity.id(job) % 5 == 0 ? "Faulted" : "Successful";
            case "Stopping", "Terminating" -> "Stopped";
            default -> null;
        };
    }

    private static String jobEvent(String state) {
        return switch (state) {
            case "Running" -> "job.started";
            case "Faulted" -> "job.faulted";
            case "Stopped" -> "job.stopped";
            default -> "job.completed";
        };
    }

    private void processItems(Instant now, List<CompletableFuture<Void>> events) {
        for (int i = 0; i < ITEMS_PER_TICK; i++) {
            Long id = addedItems.poll();
            if (id == null && nextSeededItem <= data.queueItems().generatedCount()) {
                id = nextSeededItem++;
            }
            if (id == null) {
                return;
            }
            Map<String, Object> item = data.queueItems().byId(id);
            if (item != null && "New".equals(item.get("Status"))) {
                String status = id % 10 == 3 ? "Failed" : "Successful";
                Map<String, Object> changed = data.withItemStatus(item, status, now, ticks);
                data.queueItems().update(changed);
                String type =
                        "Failed".equals(status) ? "queueItem.transactionFailed" : "queueItem.transactionCompleted";
                events.add(publish(type, "QueueItem", changed));
            }
        }
    }

    @SuppressWarnings("unchecked") // a session's Robot is the map TenantData.session put there
    private void changeSession(Instant now, List<CompletableFuture<Void>> events) {
        long count = data.sessions().count(null);
        if (count == 0) {
            return;
        }
        long id = ticks % count + 1;
        Map<String, Object> session = data.sessions().byId(id);
        if (session == null) {
            return;
        }
        Map<String, Object> changed = Entity.copy(session);
        changed.put("State", "Available".equals(session.get("State")) ? "Busy" : "Available");
        changed.put("ReportingTime", now);
        data.sessions().put(changed);
        Folder folder = Entity.folder(session);
        Map<String, Object> robot = Entity.copy((Map<String, Object>) session.get("Robot"));
        robot.put("State", changed.get("State"));
        events.add(webhooks.publish("robot.status", "Robot", robot, folder));
    }
}
