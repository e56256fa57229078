package io.github.uipathbridge.http;

import io.github.uipathbridge.token.AccessToken;
import io.github.uipathbridge.token.TokenProvider;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends API requests with {@code Authorization: Bearer} from a {@link TokenProvider}, over a {@link HttpClient} that
 * follows no redirects (a redirect would carry the token to another host).
 *
 * <p>On HTTP 401 it evicts exactly the token it sent, gets a new one and sends the request once more; a second 401
 * raises {@link ApiUnauthorizedException}. The caller's {@link HttpResponse.BodyHandler} sees only the answer it gets
 * back, so streaming handlers work; the body of a 401 is discarded. Because the request may be sent twice, its body
 * publisher must be repeatable (every {@link HttpRequest.BodyPublishers} publisher except {@code ofInputStream} is).
 *
 * <p>Thread-safe; keep one per API endpoint.
 */
public final class AuthorizedHttpClient {

    /** Time allowed to open a connection to the API. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final int UNAUTHORIZED = 401;

    private final HttpClient http;

    private final TokenProvider tokens;

    private AuthorizedHttpClient(HttpClient http, TokenProvider tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /** A client over a new {@link HttpClient} with no redirects and a 10 s connect timeout. */
    public static AuthorizedHttpClient create(TokenProvider tokens) {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                .build();
        return create(http, tokens);
    }

    /**
     * A client over the given {@link HttpClient}.
     *
     * @throws IllegalArgumentException if {@code http} follows redirects
     */
    public static AuthorizedHttpClient create(HttpClient http, TokenProvider tokens) {
        Objects.requireNonNull(http, "http must not be null");
        Objects.requireNonNull(tokens, "tokens must not be null");
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("http must not follow redirects (HttpClient.Redirect.NEVER)");
        }
        return new AuthorizedHttpClient(http, tokens);
    }

    /**
     * Sends the request with a bearer token; on 401 once more with a new token.
     *
     * @param request the request without {@code Authorization}; it is copied, not changed
     * @param handler reads the body of the answer handed back
     * @return the answer, never a 401
     * @throws ApiUnauthorizedException if the request with a new token is refused as well
     * @throws io.github.uipathbridge.token.TokenException if no token could be obtained
     * @throws IOException if sending failed
     * @throws InterruptedException if interrupted while waiting
     */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        AccessToken first = tokens.get();
        HttpResponse<T> answer = sendWith(request, first, handler);
        if (answer.statusCode() != UNAUTHORIZED) {
            return answer;
        }
        tokens.invalidate(first);
        AccessToken second = tokens.get();
        HttpResponse<T> retried = sendWith(request, second, handler);
        if (retried.statusCode() == UNAUTHORIZED) {
            tokens.invalidate(second);
            throw new ApiUnauthorizedException(
                    retried.request().method(), retried.request().uri(), UNAUTHORIZED, challenge(retried));
        }
        return retried;
    }

    /**
     * Sends the request without blocking on the answer; on 401 once more with a new token. Getting a token blocks only
     * when none is cached (a cold start or a refused token), as {@link TokenProvider#get()} does.
     *
     * @param request the request without {@code Authorization}; it is copied, not changed
     * @param handler reads the body of the answer handed back
     * @return the answer, never a 401; completes exceptionally with {@link ApiUnauthorizedException} if the request
     *     with a new token is refused as well, or with a {@code TokenException} if no token could be obtained
     */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        CompletableFuture<HttpResponse<T>> answer;
        AccessToken first;
        try {
            first = tokens.get();
            answer = sendAsyncWith(request, first, handler);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return answer.thenCompose(response -> response.statusCode() == UNAUTHORIZED
                ? retryAsync(request, first, handler)
                : CompletableFuture.completedFuture(response));
    }

    /** The provider this client takes tokens from. */
    public TokenProvider tokenProvider() {
        return tokens;
    }

    private <T> HttpResponse<T> sendWith(
            HttpRequest.Builder request, AccessToken token, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return http.send(authorize(request, token), discardingUnauthorized(handler));
    }

    private <T> CompletableFuture<HttpResponse<T>> retryAsync(
            HttpRequest.Builder request, AccessToken refused, HttpResponse.BodyHandler<T> handler) {
        tokens.invalidate(refused);
        AccessToken second = tokens.get();
        return sendAsyncWith(request, second, handler).thenApply(retried -> {
            if (retried.statusCode() == UNAUTHORIZED) {
                tokens.invalidate(second);
                throw new ApiUnauthorizedException(
                        retried.request().method(), retried.request().uri(), UNAUTHORIZED, challenge(retried));
            }
            return retried;
        });
    }

    private <T> CompletableFuture<HttpResponse<T>> sendAsyncWith(
            HttpRequest.Builder request, AccessToken token, HttpResponse.BodyHandler<T> handler) {
        return http.sendAsync(authorize(request, token), discardingUnauthorized(handler));
    }

    private static HttpRequest authorize(HttpRequest.Builder request, AccessToken token) {
        return request.copy()
                .setHeader("Authorization", token.authorizationHeaderValue())
                .build();
    }

    private static <T> HttpResponse.BodyHandler<T> discardingUnauthorized(HttpResponse.BodyHandler<T> handler) {
        return info ->
                info.statusCode() == UNAUTHORIZED ? HttpResponse.BodySubscribers.replacing(null) : handler.apply(info);
    }

    /** The {@code WWW-Authenticate} challenge (RFC 6750 section 3), which names an error but never the token. */
    private static String challenge(HttpResponse<?> response) {
        return response.headers()
                .firstValue("WWW-Authenticate")
                .map(value -> "WWW-Authenticate " + value)
                .orElse(null);
    }
}
