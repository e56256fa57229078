package io.github.uipathbridge.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.uipathbridge.http.ApiUnauthorizedException;
import io.github.uipathbridge.http.FolderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends calls to one Orchestrator tenant: builds the URL, adds the folder header, keeps to a {@link RequestBudget},
 * waits and retries on 429 and 5xx, and turns any other error answer into a {@link UiPathApiException}.
 *
 * <p>Retries: a 429 is retried for any method, since Orchestrator refused it before doing anything; a 5xx only for GET,
 * since a POST that failed with 5xx may have been carried out and repeating it could start a job or add an item twice;
 * a connection dropped or timed out before the answer is retried for GET only, for the same reason.
 * The wait is the answer's {@code Retry-After} (seconds or an HTTP date) when present, otherwise an exponential backoff
 * with jitter, capped at {@code maxBackoff}. Thread-safe.
 */
public final class OrchestratorClient {

    private static final Logger LOG = LoggerFactory.getLogger(OrchestratorClient.class);

    private final String baseUrl;

    private final OrchestratorTransport transport;

    private final ObjectMapper mapper;

    private final int maxRetries;

    private final Duration initialBackoff;

    private final Duration maxBackoff;

    private final Duration requestTimeout;

    private final Clock clock;

    private final Sleeper sleeper;

    public OrchestratorClient(
            URI orchestratorUrl,
            OrchestratorTransport transport,
            ObjectMapper mapper,
            int maxRetries,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration requestTimeout,
            Clock clock,
            Sleeper sleeper) {
        IdentityUrls.requireHttp(Objects.requireNonNull(orchestratorUrl, "orchestratorUrl must not be null"), "url");
        this.baseUrl = orchestratorUrl.toString().replaceAll("/+$", "");
        this.transport = Objects.requireNonNull(transport, "transport must not be null");
        this.mapper = Objects.requireNonNull(mapper, "mapper must not be null");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
    }

    /**
     * Sends a call and returns the body of its successful answer, unread: the caller streams and closes it.
     *
     * @param method GET, POST, PUT, PATCH or DELETE
     * @param path the path below the Orchestrator URL, starting with {@code /} ({@code /odata/QueueItems})
     * @param query the encoded query string without {@code ?}, or null
     * @param body a JSON body, or null
     * @param folder the folder header to send
     * @param budget the request budget to keep to
     * @throws UiPathApiException if Orchestrator answers with an error, after any retries
     * @throws IOException if the call cannot be made
     */
    public InputStream open(
            String method, String path, String query, byte[] body, FolderContext folder, RequestBudget budget)
            throws IOException {
        HttpRequest.Builder request = request(method, path, query, body, folder);
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = send(request, method, path, budget);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                // A connection dropped before an answer: safe to repeat for GET only, as for a 5xx.
                if (attempt >= maxRetries || !"GET".equals(method)) {
                    throw e;
                }
                Duration wait = backoff(attempt);
                LOG.warn(
                        "{} {} failed ({}); retrying in {} ms",
                        method,
                        path,
                        e.getClass().getSimpleName(),
                        wait.toMillis());
                pause(wait);
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            byte[] error = readAll(response.body());
            if (attempt >= maxRetries || !isRetryable(method, status)) {
                throw apiException(method, path, status, error);
            }
            Duration wait = retryWait(response, attempt);
            LOG.warn(
                    "Orchestrator answered {} {} with HTTP {}; retrying in {} ms",
                    method,
                    path,
                    status,
                    wait.toMillis());
            pause(wait);
        }
    }

    /**
     * Sends a call and reads its whole answer as a tree: for actions and single entities, whose answers are small.
     * An empty body (204) reads as null.
     *
     * @throws UiPathApiException if Orchestrator answers with an error, after any retries
     * @throws IOException if the call cannot be made or the answer is not JSON
     */
    public JsonNode call(
            String method, String path, String query, Object body, FolderContext folder, RequestBudget budget)
            throws IOException {
        byte[] json = body == null ? null : body instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(body);
        try (InputStream in = open(method, path, query, json, folder, budget)) {
            byte[] answer = readAll(in);
            return answer.length == 0 ? null : mapper.readTree(answer);
        }
    }

    /** The Orchestrator URL calls are made below, without trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    private HttpRequest.Builder request(String method, String path, String query, byte[] body, FolderContext folder) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got: " + path);
        }
        String url = baseUrl + path + (query == null || query.isEmpty() ? "" : "?" + query);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : publish(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        for (Map.Entry<String, String> header : folder.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher publish(byte[] body) {
        return HttpRequest.BodyPublishers.ofByteArray(body);
    }

    private HttpResponse<InputStream> send(
            HttpRequest.Builder request, String method, String path, RequestBudget budget) throws IOException {
        try {
            budget.acquire();
            return transport.send(request);
        } catch (ApiUnauthorizedException e) {
            throw new UiPathApiException(method, path, e.status(), null, "refused the token twice", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling " + method + " " + path);
        }
    }

    private void pause(Duration wait) throws IOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    private static boolean isRetryable(String method, int status) {
        return status == 429 || (status >= 500 && "GET".equals(method));
    }

    /** Retry-After in seconds or as an HTTP date (RFC 9110 section 10.2.3), else backoff with jitter. */
    Duration retryWait(HttpResponse<?> response, int attempt) {
        Duration told = response.headers()
                .firstValue("Retry-After")
                .map(this::parseRetryAfter)
                .orElse(null);
        if (told != null) {
            return told.compareTo(maxBackoff) > 0 ? maxBackoff : told;
        }
        return backoff(attempt);
    }

    private Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt, 16);
        long capped = Math.min(base, maxBackoff.toMillis());
        // Full jitter keeps several consumers that were refused together from coming back together.
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private Duration parseRetryAfter(String value) {
        String text = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private UiPathApiException apiException(String method, String path, int status, byte[] body) {
        Integer errorCode = null;
        String message = null;
        String traceId = null;
        try {
            JsonNode error = body.length == 0 ? null : mapper.readTree(body);
            if (error != null && error.isObject()) {
                errorCode =
                        error.hasNonNull("errorCode") ? error.get("errorCode").asInt() : null;
                message = error.hasNonNull("message") ? error.get("message").asText() : null;
                traceId = error.hasNonNull("traceId") ? error.get("traceId").asText() : null;
            }
        } catch (IOException notJson) {
            // An HTML error page from a proxy: the status says enough and the page is not worth quoting.
            message = "non-JSON error answer";
        }
        return new UiPathApiException(method, path, status, errorCode, message, traceId);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (InputStream body = in) {
            return body.readAllBytes();
        }
    }
}
