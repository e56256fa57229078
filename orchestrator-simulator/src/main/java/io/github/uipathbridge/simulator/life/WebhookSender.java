package io.github.uipathbridge.simulator.life;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.uipathbridge.simulator.data.Entity;
import io.github.uipathbridge.simulator.data.Folder;
import io.github.uipathbridge.simulator.data.Json;
import io.github.uipathbridge.simulator.data.MapSource;
import io.github.uipathbridge.simulator.data.TenantData;
import io.github.uipathbridge.simulator.http.Counters;
import io.github.uipathbridge.simulator.odata.EntityWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers Orchestrator webhook events as the real service does: a JSON body with {@code Type}, {@code EventId},
 * {@code Timestamp}, {@code TenantId} and the entity; header {@code X-UiPath-Signature} = Base64 of HMAC-SHA256 of
 * the raw body keyed with the webhook's secret; one attempt only, never retried; a receiver that fails (non-2xx,
 * refused, timeout) gets that webhook paused for the configured duration (one hour by default). Thread-safe.
 *
 * <p>Known shortcoming: the event carries the whole entity as the API shows it, where real events carry a smaller,
 * event-specific projection; receivers that rely on fields only the API has will pass here and may fail live.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MapSource webhooks;
    private final Counters counters;
    private final Clock clock;
    private final Duration disableFor;
    private final ExecutorService executor;
    private final HttpClient client;
    private final Map<Long, Instant> pausedUntil = new ConcurrentHashMap<>();

    public WebhookSender(MapSource webhooks, Counters counters, Clock clock, Duration disableFor) {
        this.webhooks = webhooks;
        this.counters = counters;
        this.clock = clock;
        this.disableFor = disableFor;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "simulator-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Until when a webhook is paused after a failed delivery, if it is. */
    public Optional<Instant> pausedUntil(long webhookId) {
        Instant until = pausedUntil.get(webhookId);
        return until != null && until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    /** Sends the event to every enabled, subscribed, unpaused webhook; returns when all attempts have finished. */
    public CompletableFuture<Void> publish(String type, String entityName, Map<String, Object> entity, Folder folder) {
        List<CompletableFuture<?>> deliveries = new ArrayList<>();
        for (Map<String, Object> webhook : webhooks.all()) {
            if (wants(webhook, type)) {
                byte[] body = body(type, entityName, entity, folder);
                deliveries.add(deliver(webhook, body));
            }
        }
        return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new));
    }

    private boolean wants(Map<String, Object> webhook, String type) {
        if (!Boolean.TRUE.equals(webhook.get("Enabled"))
                || pausedUntil(Entity.id(webhook)).isPresent()) {
            return false;
        }
        if (Boolean.TRUE.equals(webhook.get("SubscribeToAllEvents"))) {
            return true;
        }
        Object events = webhook.get("Events");
        return events instanceof List<?> list
                && list.stream().anyMatch(e -> e instanceof Map<?, ?> m && type.equals(m.get("EventType")));
    }

    private byte[] body(String type, String entityName, Map<String, Object> entity, Folder folder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("Type", type);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            gen.writeStringField("EventId", String.format("%016x%016x", random.nextLong(), random.nextLong()));
            gen.writeStringField("Timestamp", clock.instant().toString());
            gen.writeFieldName(entityName);
            EntityWriter.writeValue(gen, entity);
            gen.writeNumberField("TenantId", TenantData.TENANT_ID);
            if (folder != null) {
                gen.writeNumberField("OrganizationUnitId", folder.id());
                gen.writeStringField("FolderKey", folder.key().toString());
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write webhook body", e);
        }
        return out.toByteArray();
    }

    private CompletableFuture<?> deliver(Map<String, Object> webhook, byte[] body) {
        long id = Entity.id(webhook);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((String) webhook.get("Url")))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        Object secret = webhook.get("Secret");
        if (secret instanceof String s && !s.isEmpty()) {
            request.header("X-UiPath-Signature", sign(s, body));
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure == null && response.statusCode() / 100 == 2) {
                        counters.webhooksSent.increment();
                    } else {
                        counters.webhooksFailed.increment();
                        pausedUntil.put(id, clock.instant().plus(disableFor));
                        LOG.info(
                                "Webhook {} failed ({}); paused for {}",
                                id,
                                failure == null
                                        ? "HTTP " + response.statusCode()
                                        : failure.getClass().getSimpleName(),
                                disableFor);
                    }
                    return null;
                });
    }

    /** Base64 of HMAC-SHA256 of the raw body, keyed with the webhook secret's UTF-8 bytes. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Forgets the pause of a webhook (used when it is updated). */
    public void resume(long webhookId) {
        pausedUntil.remove(webhookId);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
