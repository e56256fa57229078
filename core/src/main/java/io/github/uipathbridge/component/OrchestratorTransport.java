package io.github.uipathbridge.component;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends one request to Orchestrator with a valid bearer token: the seam between the component and the token service.
 * Implementations add the {@code Authorization} header themselves, so it never passes through a Camel message, and
 * after a 401 get a new token and send once more.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface OrchestratorTransport {

    /**
     * Sends the request (the builder is copied, not changed); the caller closes the body.
     *
     * @throws IOException if the request cannot be sent or the token cannot be had
     * @throws InterruptedException if interrupted while waiting
     */
    HttpResponse<InputStream> send(HttpRequest.Builder request) throws IOException, InterruptedException;
}
