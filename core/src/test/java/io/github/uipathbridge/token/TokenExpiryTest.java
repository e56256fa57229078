package io.github.uipathbridge.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.token.StubServer.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenExpiryTest {

    private static final Instant START = Instant.ofEpochSecond(1_700_000_000);

    @RegisterExtension
    final CanaryLog log = new CanaryLog();

    private final StubServer server = StubServer.start();

    private final DrivenClock clock = new DrivenClock(START);

    private final TokenService service = IdentityStub.service(clock);

    private final TokenOptions options = IdentityStub.options(server, IdentityStub.store())
            .defaultLifetime(Duration.ofMinutes(5))
            .build();

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    @Test
    void expiresInAsNumberAndAsStringGiveTheSameExpiry() {
        Instant fromNumber = expiryFor("3599");
        Instant fromString = expiryFor("\"3599\"");

        assertThat(fromNumber).isEqualTo(START.plusSeconds(3599)).isEqualTo(fromString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "\"abc\"", "null", "\"\""})
    void unusableExpiresInFallsBackToTheJwtExpClaim(String expiresIn) {
        answer(IdentityStub.jwt(START.getEpochSecond() + 1200), expiresIn);

        AccessToken token = service.token(options);

        assertThat(token.expiresAt()).isEqualTo(START.plusSeconds(1200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "\"abc\""})
    void unusableExpiresInWithoutJwtFallsBackToTheConfiguredDefault(String expiresIn) {
        answer(CanaryLog.TOKEN + "opaque", expiresIn);

        AccessToken token = service.token(options);

        assertThat(token.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void jwtExpInThePastFallsBackToTheConfiguredDefault() {
        answer(IdentityStub.jwt(START.getEpochSecond() - 10), "");

        assertThat(service.token(options).expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void tokenOfUnknownLifetimeIsReplacedOnceTheDefaultLifetimeHasPassed() {
        answer(CanaryLog.TOKEN + "opaque", "\"abc\"");
        TokenProvider provider = service.provider(options);
        provider.get();

        clock.advance(Duration.ofMinutes(5));
        provider.get();

        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(2);
    }

    @Test
    void expiryCountsFromTheMomentTheRequestWasSent() {
        server.on(IdentityStub.TOKEN_PATH, request -> {
            clock.advance(Duration.ofSeconds(7));
            return Reply.json(200, IdentityStub.tokenJson(CanaryLog.TOKEN + "1", 3600));
        });

        AccessToken token = service.token(options);

        assertThat(token.issuedAt()).isEqualTo(START);
        assertThat(token.expiresAt()).isEqualTo(START.plusSeconds(3600));
    }

    @Test
    void marginIsNeverMoreThanHalfTheLifetime() {
        answer(CanaryLog.TOKEN + "short", "20");

        AccessToken token = service.token(options);

        assertThat(token.usableUntil()).isEqualTo(START.plusSeconds(10));
    }

    @Test
    void refreshIsDueAtMostAtEightyPercentOfTheLifetime() {
        answer(CanaryLog.TOKEN + "1", "3600");

        AccessToken token = service.token(options);

        assertThat(token.refreshAt()).isBetween(START.plusSeconds(2520), START.plusSeconds(2880));
    }

    private Instant expiryFor(String expiresIn) {
        answer(CanaryLog.TOKEN + expiresIn.length(), expiresIn);
        TokenService fresh = IdentityStub.service(clock);
        try {
            return fresh.token(options).expiresAt();
        } finally {
            fresh.close();
        }
    }

    private void answer(String token, String expiresIn) {
        String field = expiresIn.isEmpty() ? "" : ",\"expires_in\":" + expiresIn;
        String body = "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\"" + field + "}";
        server.on(IdentityStub.TOKEN_PATH, request -> Reply.json(200, body));
    }
}
