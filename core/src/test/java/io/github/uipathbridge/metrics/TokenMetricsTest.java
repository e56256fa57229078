package io.github.uipathbridge.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.uipathbridge.token.CanaryLog;
import io.github.uipathbridge.token.DrivenClock;
import io.github.uipathbridge.token.IdentityStub;
import io.github.uipathbridge.token.StubServer;
import io.github.uipathbridge.token.StubServer.Reply;
import io.github.uipathbridge.token.TestCredentialStore;
import io.github.uipathbridge.token.TokenProvider;
import io.github.uipathbridge.token.TokenService;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenMetricsTest {

    @RegisterExtension
    final CanaryLog log = new CanaryLog();

    private final StubServer server = StubServer.start().on(IdentityStub.TOKEN_PATH, IdentityStub.tokens(3600));

    private final DrivenClock clock = DrivenClock.atEpochSecond(1_700_000_000);

    private final MeterRegistry registry = new SimpleMeterRegistry();

    private final TestCredentialStore store = IdentityStub.store();

    private final TokenService service = TokenService.builder()
            .clock(clock)
            .meterRegistry(registry)
            .random(new Random(3))
            .sleeper(duration -> {})
            .build();

    private final TokenProvider provider =
            service.provider(IdentityStub.options(server, store).build());

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    @Test
    void countsOneTokenRequestAndACacheHitForEveryLaterCall() {
        provider.get();
        provider.get();
        provider.get();

        assertThat(registry.get(TokenMetrics.REQUESTS)
                        .tag("outcome", "success")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(TokenMetrics.CACHE_HITS).counter().count()).isEqualTo(2);
    }

    @Test
    void countsAFailedFetchOnceWithItsErrorCode() {
        server.on(IdentityStub.TOKEN_PATH, request -> Reply.json(400, "{\"error\":\"invalid_scope\"}"));

        catchThrowable(provider::get);

        assertThat(registry.get(TokenMetrics.FAILURES)
                        .tag("code", "INVALID_SCOPE")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(TokenMetrics.REQUESTS)
                        .tag("outcome", "INVALID_SCOPE")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void countsABlockingRefreshWhenAnExpiredTokenIsReplaced() {
        provider.get();

        clock.advance(Duration.ofHours(1));
        provider.get();

        assertThat(registry.get(TokenMetrics.REFRESHES)
                        .tag("mode", "blocking")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void countsABlockingRefreshWhenARefusedTokenIsReplaced() {
        provider.invalidate(provider.get());

        provider.get();

        assertThat(registry.get(TokenMetrics.REFRESHES)
                        .tag("mode", "blocking")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void gaugeShowsSecondsToExpiryOnTheDrivenClock() {
        provider.get();

        clock.advance(Duration.ofSeconds(600));

        assertThat(registry.get(TokenMetrics.SECONDS_TO_EXPIRY)
                        .tag("client", IdentityStub.CLIENT_ID)
                        .tag("scopes", "OR.Jobs")
                        .gauge()
                        .value())
                .isEqualTo(3000.0);
    }

    @Test
    void closingTheServiceRemovesTheExpiryGauge() {
        provider.get();

        service.close();

        assertThat(registry.find(TokenMetrics.SECONDS_TO_EXPIRY).gauges()).isEmpty();
    }

    @Test
    void noTagCarriesASecretAFingerprintOrAToken() {
        provider.get();
        String fingerprint = store.read().clientSecret().fingerprint();

        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                log.assertClean(tag.getValue());
                assertThat(tag.getValue()).doesNotContain(fingerprint.substring(0, 12));
            }
        }
        assertThat(registry.getMeters()).isNotEmpty();
    }
}
