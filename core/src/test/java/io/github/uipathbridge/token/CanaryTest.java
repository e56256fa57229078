package io.github.uipathbridge.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.token.StubServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The canary secret and tokens show in no {@code toString} and no exception message, whatever the answer holds. */
class CanaryTest {

    @RegisterExtension
    final CanaryLog log = new CanaryLog();

    private final StubServer server = StubServer.start().on(IdentityStub.TOKEN_PATH, IdentityStub.tokens(3600));

    private final DrivenClock clock = DrivenClock.atEpochSecond(1_700_000_000);

    private final TokenService service = IdentityStub.service(clock);

    private final TestCredentialStore store = IdentityStub.store();

    private final TokenOptions options = IdentityStub.options(server, store).build();

    private final TokenProvider provider = service.provider(options);

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    @Test
    void toStringOfEveryValueTheServiceHandlesHidesSecretAndToken() {
        AccessToken token = provider.get();
        ClientCredentials credentials = store.read();

        for (Object value : new Object[] {
            token,
            options,
            provider,
            credentials,
            credentials.clientSecret(),
            TokenKey.of(options, credentials),
            TokenRequests.build(options, credentials)
        }) {
            log.assertClean(value.toString());
        }
        assertThat(token.toString()).contains("expiresAt");
    }

    @Test
    void tokenEchoedInAMalformedAnswerStaysOutOfTheMessage() {
        answer(Reply.json(200, "{\"access_token\":\"" + CanaryLog.TOKEN + "1\",\"token_type\":"));

        log.assertClean(failure());
    }

    @Test
    void tokenBesideAWrongTokenTypeStaysOutOfTheMessage() {
        answer(Reply.json(200, "{\"access_token\":\"" + CanaryLog.TOKEN + "1\",\"token_type\":\"N_A\"}"));

        log.assertClean(failure());
    }

    @Test
    void tokenInAnHtmlPageStaysOutOfTheMessage() {
        answer(Reply.of(200, "text/html", "<html>" + CanaryLog.TOKEN + "1 " + CanaryLog.SECRET + "</html>"));

        log.assertClean(failure());
    }

    @Test
    void tokenWithAWhiteSpaceIsRefusedSoNoHeaderCanBeSplit() {
        answer(Reply.json(
                200, "{\"access_token\":\"" + CanaryLog.TOKEN + "1\\r\\nX-Evil: 1\",\"token_type\":\"Bearer\"}"));

        TokenException e = failure();

        assertThat(e.code()).isEqualTo(TokenException.Code.INVALID_RESPONSE);
    }

    @Test
    void backgroundRefreshFailureIsLoggedWithoutSecretOrToken() {
        AccessToken first = provider.get();
        answer(Reply.of(500, "text/plain", CanaryLog.SECRET + " " + CanaryLog.TOKEN));
        clock.set(first.refreshAt());

        provider.get();

        await().until(() -> log.lines().stream().anyMatch(line -> line.contains("Background token refresh")));
        assertThat(provider.get()).isSameAs(first);
    }

    private void answer(Reply reply) {
        server.on(IdentityStub.TOKEN_PATH, request -> reply);
    }

    private TokenException failure() {
        TokenException e = catchThrowableOfType(TokenException.class, provider::get);
        assertThat(e).isNotNull();
        return e;
    }
}
