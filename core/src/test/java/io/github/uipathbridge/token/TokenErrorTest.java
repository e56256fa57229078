package io.github.uipathbridge.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.token.StubServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenErrorTest {

    @RegisterExtension
    final CanaryLog log = new CanaryLog();

    private final StubServer server = StubServer.start();

    private final List<Duration> pauses = new ArrayList<>();

    private final TestCredentialStore store = IdentityStub.store();

    private final TokenService service = IdentityStub.service(DrivenClock.atEpochSecond(1_700_000_000), pauses);

    private final TokenOptions options = IdentityStub.options(server, store)
            .scope("OR.Machines")
            .maxAttempts(3)
            .requestTimeout(Duration.ofSeconds(5))
            .build();

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    @Test
    void htmlPageWithStatus200IsAnInvalidResponseNamingEndpointStatusAndContentType() {
        answer(Reply.of(200, "text/html; charset=utf-8", "<html><body>Sign in</body></html>"));

        TokenException e = failure();

        assertThat(e.code()).isEqualTo(TokenException.Code.INVALID_RESPONSE);
        assertThat(e.getMessage())
                .contains(options.tokenEndpoint().toString())
                .contains("HTTP 200")
                .contains("text/html; charset=utf-8");
    }

    @Test
    void jsonWithoutAccessTokenIsAnInvalidResponse() {
        answer(Reply.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}"));

        assertThat(failure().code()).isEqualTo(TokenException.Code.INVALID_RESPONSE);
    }

    @Test
    void nullAccessTokenIsAnInvalidResponseSoNoBearerNullIsEverBuilt() {
        answer(Reply.json(200, "{\"access_token\":null,\"token_type\":\"Bearer\",\"expires_in\":3600}"));

        assertThat(failure().getMessage()).contains("no access_token");
    }

    @Test
    void tokenTypeOtherThanBearerIsAnInvalidResponse() {
        answer(Reply.json(200, "{\"access_token\":\"" + CanaryLog.TOKEN + "1\",\"token_type\":\"mac\"}"));

        TokenException e = failure();

        assertThat(e.code()).isEqualTo(TokenException.Code.INVALID_RESPONSE);
        assertThat(e.getMessage()).contains("token_type is 'mac'");
    }

    @Test
    void invalidResponseIsNotCached() {
        answer(Reply.of(200, "text/html", "<html/>"));
        failure();
        server.on(IdentityStub.TOKEN_PATH, IdentityStub.tokens(3600));

        AccessToken token = service.token(options);

        assertThat(token.reveal()).isEqualTo(CanaryLog.TOKEN + "1");
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(2);
    }

    @Test
    void invalidScopeIsReportedAsSuchNamingTheScopesAskedFor() {
        answer(Reply.json(400, "{\"error\":\"invalid_scope\"}"));

        TokenException e = failure();

        assertThat(e.code()).isEqualTo(TokenException.Code.INVALID_SCOPE);
        assertThat(e.getMessage()).contains("invalid_scope").contains("OR.Jobs OR.Machines");
    }

    @Test
    void oauthErrorCodesAreClassifiedPerRfc6749() {
        assertThat(codeFor(400, "unauthorized_client")).isEqualTo(TokenException.Code.UNAUTHORIZED_CLIENT);
        assertThat(codeFor(400, "unsupported_grant_type")).isEqualTo(TokenException.Code.UNSUPPORTED_GRANT_TYPE);
        assertThat(codeFor(400, "invalid_grant")).isEqualTo(TokenException.Code.INVALID_REQUEST);
        assertThat(codeFor(401, "invalid_client")).isEqualTo(TokenException.Code.INVALID_CLIENT);
    }

    @Test
    void clientErrorsAreNotRetried() {
        answer(Reply.json(400, "{\"error\":\"invalid_request\"}"));

        failure();

        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilOneSucceeds() {
        List<Reply> replies = new ArrayList<>(List.of(Reply.status(503), Reply.status(502)));
        server.on(
                IdentityStub.TOKEN_PATH,
                request -> replies.isEmpty()
                        ? Reply.json(200, IdentityStub.tokenJson(CanaryLog.TOKEN + "1", 3600))
                        : replies.remove(0));

        AccessToken token = service.token(options);

        assertThat(token.reveal()).isEqualTo(CanaryLog.TOKEN + "1");
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(3);
        assertThat(pauses).hasSize(2).allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void serverErrorOnEveryAttemptFailsAfterTheLastAttempt() {
        answer(Reply.of(500, "text/html", "<html>oops</html>"));

        TokenException e = failure();

        assertThat(e.code()).isEqualTo(TokenException.Code.SERVER_ERROR);
        assertThat(e.getMessage()).contains("HTTP 500");
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(3);
    }

    @Test
    void timeoutsAreRetried() {
        var hang = server.gate();
        List<Reply> replies = new ArrayList<>(List.of(Reply.status(200).when(hang)));
        server.on(
                IdentityStub.TOKEN_PATH,
                request -> replies.isEmpty()
                        ? Reply.json(200, IdentityStub.tokenJson(CanaryLog.TOKEN + "1", 3600))
                        : replies.remove(0));

        TokenOptions impatient =
                options.toBuilder().requestTimeout(Duration.ofSeconds(2)).build();

        AccessToken token = service.token(impatient);

        // On a loaded machine the quick second answer may time out too; what must hold is that the hung first
        // request was followed by more attempts, each after a pause.
        assertThat(token.reveal()).isEqualTo(CanaryLog.TOKEN + "1");
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isBetween(2, 3);
        assertThat(pauses).hasSize(server.count(IdentityStub.TOKEN_PATH) - 1);
    }

    @Test
    void rateLimitIsReportedWithRetryAfterAndNotRetriedAtOnce() {
        answer(Reply.json(429, "{}").header("Retry-After", "30"));

        TokenException e = failure();

        assertThat(e.code()).isEqualTo(TokenException.Code.RATE_LIMITED);
        assertThat(e.getMessage()).contains("Retry-After 30");
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(1);
    }

    @Test
    void redirectIsNotFollowed() {
        answer(Reply.status(302).header("Location", "http://127.0.0.1:9/elsewhere"));

        TokenException e = failure();

        assertThat(e.code()).isEqualTo(TokenException.Code.INVALID_RESPONSE);
        assertThat(e.getMessage()).contains("redirects are not followed");
    }

    @Test
    void credentialStoreFailureIsACredentialsErrorWithTheStoreReason() {
        store.failWith(new CredentialsException(CredentialsException.Reason.UNAVAILABLE, "vault sealed"));

        TokenException e = failure();

        assertThat(e.code()).isEqualTo(TokenException.Code.CREDENTIALS);
        assertThat(e.getMessage()).contains("test:store").contains("UNAVAILABLE");
        assertThat(e.getCause()).isInstanceOf(CredentialsException.class);
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isZero();
    }

    private TokenException.Code codeFor(int status, String error) {
        answer(Reply.json(status, "{\"error\":\"" + error + "\",\"error_description\":\"no\"}"));
        return failure().code();
    }

    private void answer(Reply reply) {
        server.on(IdentityStub.TOKEN_PATH, request -> reply);
    }

    private TokenException failure() {
        TokenException e = catchThrowableOfType(TokenException.class, () -> service.token(options));
        assertThat(e).as("a TokenException").isNotNull();
        log.assertClean(e);
        return e;
    }
}
