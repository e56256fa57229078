package io.github.uipathbridge.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uipathbridge.token.StubServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SingleFlightTest {

    private static final int CALLERS = 50;

    @RegisterExtension
    final CanaryLog log = new CanaryLog();

    private final StubServer server = StubServer.start();

    private final TokenService service = IdentityStub.service(DrivenClock.atEpochSecond(1_700_000_000));

    private final TokenProvider provider = service.provider(
            IdentityStub.options(server, IdentityStub.store()).maxAttempts(1).build());

    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        service.close();
        server.close();
    }

    @Test
    void fiftyConcurrentCallersOnAnEmptyCacheShareOneSlowTokenRequest() throws Exception {
        server.on(IdentityStub.TOKEN_PATH, slow(IdentityStub.tokens(3600)));

        List<Object> results = callAllAtOnce();

        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(1);
        assertThat(results)
                .hasSize(CALLERS)
                .allSatisfy(result ->
                        assertThat(result).isInstanceOf(AccessToken.class).isSameAs(results.get(0)));
    }

    @Test
    void failureOfTheSharedRequestReachesEveryCallerAndIsNotCached() throws Exception {
        server.on(
                IdentityStub.TOKEN_PATH,
                request -> Reply.json(400, "{\"error\":\"invalid_request\"}").after(Duration.ofMillis(500)));

        List<Object> results = callAllAtOnce();

        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(1);
        assertThat(results)
                .hasSize(CALLERS)
                .allSatisfy(result -> assertThat(result)
                        .isInstanceOfSatisfying(
                                TokenException.class,
                                e -> assertThat(e.code()).isEqualTo(TokenException.Code.INVALID_REQUEST)));
        server.on(IdentityStub.TOKEN_PATH, IdentityStub.tokens(3600));
        assertThat(provider.get().reveal()).isEqualTo(CanaryLog.TOKEN + "1");
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(2);
    }

    @Test
    void noCallerIsBlockedOnALockWhileTheRequestRuns() throws Exception {
        CountDownLatch release = server.gate();
        server.on(
                IdentityStub.TOKEN_PATH,
                request -> IdentityStub.tokens(3600).apply(request).when(release));
        Future<AccessToken> waiting = callers.submit(provider::get);

        server.on(IdentityStub.TOKEN_PATH + "-other", IdentityStub.tokens(3600));
        TokenProvider unrelated = service.provider(provider.options().toBuilder()
                .tokenEndpoint(server.uri(IdentityStub.TOKEN_PATH + "-other"))
                .build());

        assertThat(unrelated.get().reveal()).isEqualTo(CanaryLog.TOKEN + "1");
        assertThat(waiting.isDone()).isFalse();
        release.countDown();
        assertThat(waiting.get(10, TimeUnit.SECONDS).reveal()).isEqualTo(CanaryLog.TOKEN + "1");
    }

    private List<Object> callAllAtOnce() throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            futures.add(callers.submit(() -> {
                ready.countDown();
                start.await();
                return provider.get();
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).as("all callers ready").isTrue();
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> future : futures) {
            results.add(outcome(future));
        }
        return results;
    }

    private Object outcome(Future<Object> future) throws InterruptedException {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            log.assertClean(e.getCause());
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("a caller did not finish", e);
        }
    }

    private static Function<StubServer.Recorded, Reply> slow(Function<StubServer.Recorded, Reply> responder) {
        return request -> responder.apply(request).after(Duration.ofMillis(200));
    }

    @Test
    void closedServiceRefusesNewProviders() {
        service.close();

        assertThatThrownBy(() -> service.provider(provider.options())).isInstanceOf(IllegalStateException.class);
    }
}
