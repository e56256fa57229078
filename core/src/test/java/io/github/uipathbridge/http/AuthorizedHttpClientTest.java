package io.github.uipathbridge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.uipathbridge.token.AccessToken;
import io.github.uipathbridge.token.CanaryLog;
import io.github.uipathbridge.token.DrivenClock;
import io.github.uipathbridge.token.IdentityStub;
import io.github.uipathbridge.token.StubServer;
import io.github.uipathbridge.token.StubServer.Reply;
import io.github.uipathbridge.token.TokenException;
import io.github.uipathbridge.token.TokenProvider;
import io.github.uipathbridge.token.TokenService;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthorizedHttpClientTest {

    private static final String JOBS = "/org/tenant/orchestrator_/odata/Jobs";

    private static final String UNAUTHORIZED =
            "{\"message\":\"You are not authenticated!\",\"unAuthorizedRequest\":true}";

    @RegisterExtension
    final CanaryLog log = new CanaryLog();

    private final StubServer server = StubServer.start().on(IdentityStub.TOKEN_PATH, IdentityStub.tokens(3600));

    private final TokenService service = IdentityStub.service(DrivenClock.atEpochSecond(1_700_000_000));

    private final TokenProvider tokens =
            service.provider(IdentityStub.options(server, IdentityStub.store()).build());

    private final AuthorizedHttpClient client = AuthorizedHttpClient.create(tokens);

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    @Test
    void sendsTheCachedTokenAsBearer() throws Exception {
        server.on(JOBS, request -> Reply.json(200, "{\"value\":[]}"));

        HttpResponse<String> response = client.send(jobs(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.requests(JOBS).get(0).header("Authorization")).isEqualTo("Bearer " + CanaryLog.TOKEN + "1");
    }

    @Test
    void refusedTokenIsEvictedAndTheCallRetriedOnceWithANewToken() throws Exception {
        server.on(
                JOBS,
                request -> ("Bearer " + CanaryLog.TOKEN + "1").equals(request.header("Authorization"))
                        ? Reply.json(401, UNAUTHORIZED)
                        : Reply.json(200, "{\"value\":[]}"));

        HttpResponse<String> response = client.send(jobs(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"value\":[]}");
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(2);
        assertThat(server.requests(JOBS)).hasSize(2);
        assertThat(server.requests(JOBS).get(1).header("Authorization")).isEqualTo("Bearer " + CanaryLog.TOKEN + "2");
    }

    @Test
    void manyCallersRefusedWithTheSameTokenCauseOneNewTokenRequest() throws Exception {
        server.on(
                JOBS,
                request -> ("Bearer " + CanaryLog.TOKEN + "1").equals(request.header("Authorization"))
                        ? Reply.json(401, UNAUTHORIZED)
                        : Reply.json(200, "{\"value\":[]}"));
        tokens.get();
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(callers.submit(() -> client.send(jobs(), HttpResponse.BodyHandlers.ofString())));
            }

            for (Future<HttpResponse<String>> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(2);
    }

    @Test
    void secondUnauthorizedFailsWithAClearError() {
        server.on(JOBS, request -> Reply.json(401, UNAUTHORIZED).header("WWW-Authenticate", "Bearer error=\"x\""));

        ApiUnauthorizedException e = catchThrowableOfType(
                ApiUnauthorizedException.class, () -> client.send(jobs(), HttpResponse.BodyHandlers.ofString()));

        assertThat(e.getMessage())
                .startsWith("GET " + server.uri(JOBS) + " answered HTTP 401 twice")
                .contains("WWW-Authenticate");
        assertThat(server.requests(JOBS)).hasSize(2);
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(2);
        log.assertClean(e);
    }

    @Test
    void asyncSendRetriesOnceWithANewTokenToo() throws Exception {
        server.on(
                JOBS,
                request -> ("Bearer " + CanaryLog.TOKEN + "1").equals(request.header("Authorization"))
                        ? Reply.json(401, UNAUTHORIZED)
                        : Reply.json(200, "{\"value\":[]}"));

        HttpResponse<String> response =
                client.sendAsync(jobs(), HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(2);
    }

    @Test
    void asyncSendFailsWithAClearErrorOnTheSecondUnauthorized() {
        server.on(JOBS, request -> Reply.json(401, UNAUTHORIZED));

        assertThatThrownBy(() -> client.sendAsync(jobs(), HttpResponse.BodyHandlers.ofString())
                        .get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ApiUnauthorizedException.class);
        assertThat(server.requests(JOBS)).hasSize(2);
    }

    @Test
    void lateUnauthorizedForAnOldTokenDoesNotEvictTheNewerOne() {
        AccessToken old = tokens.get();
        tokens.invalidate(old);
        AccessToken newer = tokens.get();

        tokens.invalidate(old);

        assertThat(tokens.get()).isSameAs(newer);
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(2);
    }

    @Test
    void noRequestGoesOutWhenNoTokenCouldBeObtained() {
        server.on(IdentityStub.TOKEN_PATH, request -> Reply.of(200, "text/html", "<html>login</html>"));

        assertThatThrownBy(() -> client.send(jobs(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(TokenException.class);

        assertThat(server.requests(JOBS)).isEmpty();
    }

    @Test
    void streamingBodyHandlerReadsTheRetriedAnswer() throws Exception {
        server.on(
                JOBS,
                request -> ("Bearer " + CanaryLog.TOKEN + "1").equals(request.header("Authorization"))
                        ? Reply.json(401, UNAUTHORIZED)
                        : Reply.json(200, "{\"value\":[{\"Id\":1}]}"));

        HttpResponse<InputStream> response = client.send(jobs(), HttpResponse.BodyHandlers.ofInputStream());

        try (InputStream body = response.body()) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("\"Id\":1");
        }
    }

    @Test
    void clientThatFollowsRedirectsIsRejected() {
        HttpClient following = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();

        assertThatThrownBy(() -> AuthorizedHttpClient.create(following, tokens))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redirects");
    }

    private HttpRequest.Builder jobs() {
        return HttpRequest.newBuilder(server.uri(JOBS)).GET();
    }
}
