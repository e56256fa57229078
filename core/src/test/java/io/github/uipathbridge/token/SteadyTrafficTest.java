package io.github.uipathbridge.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.uipathbridge.metrics.TokenMetrics;
import io.github.uipathbridge.token.StubServer.Reply;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Steady traffic across several lifetimes. Each refresh request is held by the stub until the test releases it, and
 * callers must get a usable token while it is held: if a caller waited on the identity server, it would return only
 * after the release, and the check that the server had not answered yet would fail.
 */
class SteadyTrafficTest {

    private static final int LIFETIMES = 5;

    private static final long EXPIRES_IN = 600;

    @RegisterExtension
    final CanaryLog log = new CanaryLog();

    private final StubServer server = StubServer.start();

    private final DrivenClock clock = DrivenClock.atEpochSecond(1_700_000_000);

    private final TokenService service = IdentityStub.service(clock);

    private final TokenProvider provider =
            service.provider(IdentityStub.options(server, IdentityStub.store()).build());

    private final AtomicInteger issued = new AtomicInteger();

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    @Test
    void afterTheFirstTokenNoCallerWaitsOnTheIdentityServer() {
        server.on(IdentityStub.TOKEN_PATH, request -> token());
        AccessToken current = provider.get();

        for (int lifetime = 1; lifetime < LIFETIMES; lifetime++) {
            current = refreshWhileServing(current, lifetime);
        }

        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(LIFETIMES);
        assertThat(service.meterRegistry()
                        .get(TokenMetrics.REFRESHES)
                        .tag("mode", "background")
                        .counter()
                        .count())
                .isEqualTo(LIFETIMES - 1);
        assertThat(log.lines()).anyMatch(line -> line.startsWith("INFO") && line.contains("ahead of expiry"));
    }

    private AccessToken refreshWhileServing(AccessToken current, int lifetime) {
        CountDownLatch release = server.gate();
        AtomicBoolean answered = new AtomicBoolean();
        server.on(IdentityStub.TOKEN_PATH, request -> {
            awaitQuietly(release);
            answered.set(true);
            return token();
        });
        clock.set(current.refreshAt());

        for (int call = 0; call < 20; call++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(provider.get()).isSameAs(current);
        }

        assertThat(answered)
                .as("identity server answered before the callers were served")
                .isFalse();
        await().until(() -> server.count(IdentityStub.TOKEN_PATH) == lifetime + 1);
        release.countDown();
        await().until(() -> provider.get() != current);
        AccessToken next = provider.get();
        assertThat(next.reveal()).isEqualTo(CanaryLog.TOKEN + (lifetime + 1));
        assertThat(next.isUsableAt(clock.instant())).isTrue();
        return next;
    }

    private Reply token() {
        return Reply.json(200, IdentityStub.tokenJson(CanaryLog.TOKEN + issued.incrementAndGet(), EXPIRES_IN));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
