package io.github.uipathbridge.token;

import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.metrics.TokenMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends token requests: one HTTP exchange per attempt, retried with exponential backoff and full jitter when the
 * server answers 5xx, times out or cannot be reached; never retried on 4xx, which would fail the same way again.
 */
final class TokenClient {

    private static final Logger LOG = LoggerFactory.getLogger(TokenClient.class);

    private final HttpClient http;

    private final Clock clock;

    private final RandomGenerator random;

    private final TokenService.Sleeper sleeper;

    private final TokenMetrics metrics;

    TokenClient(
            HttpClient http, Clock clock, RandomGenerator random, TokenService.Sleeper sleeper, TokenMetrics metrics) {
        this.http = http;
        this.clock = clock;
        this.random = random;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    /**
     * A new token for these credentials.
     *
     * @throws TokenException when every attempt failed or the first failure is not worth retrying
     */
    AccessToken fetch(TokenOptions options, ClientCredentials credentials) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(options, credentials);
            } catch (TokenException e) {
                if (!e.code().retryable() || attempt >= options.maxAttempts()) {
                    throw e;
                }
                LOG.warn(
                        "Token request to {} failed with {}; attempt {} of {}",
                        options.tokenEndpoint(),
                        e.code(),
                        attempt + 1,
                        options.maxAttempts());
                LOG.debug("Token request failure", e);
                pause(backoff(options, attempt), e);
            }
        }
    }

    private AccessToken attempt(TokenOptions options, ClientCredentials credentials) {
        HttpRequest request = TokenRequests.build(options, credentials);
        Instant sentAt = clock.instant();
        HttpResponse<String> response = send(request, options.tokenEndpoint());
        try {
            AccessToken token = TokenLifetimes.token(TokenResponses.read(response, options), sentAt, options, random);
            metrics.request(options.tokenEndpoint(), "success");
            return token;
        } catch (TokenException e) {
            metrics.request(options.tokenEndpoint(), e.code().name());
            throw e;
        }
    }

    private HttpResponse<String> send(HttpRequest request, URI endpoint) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw unanswered(TokenException.Code.TIMEOUT, endpoint, "no answer in time", e);
        } catch (IOException e) {
            throw unanswered(
                    TokenException.Code.UNAVAILABLE, endpoint, e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException(TokenException.Code.UNAVAILABLE, endpoint, -1, null, "interrupted", e);
        }
    }

    private TokenException unanswered(TokenException.Code code, URI endpoint, String detail, IOException cause) {
        metrics.request(endpoint, code.name());
        return new TokenException(code, endpoint, -1, null, detail, cause);
    }

    /** Full jitter (a random pause up to the exponential bound) spreads out instances that failed together. */
    private Duration backoff(TokenOptions options, int attempt) {
        long bound = options.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(bound, options.maxBackoff().toMillis());
        return Duration.ofMillis(capped <= 0 ? 0 : random.nextLong(capped + 1));
    }

    private void pause(Duration duration, TokenException last) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw last;
        }
    }
}
