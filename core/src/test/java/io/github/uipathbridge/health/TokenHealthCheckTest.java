package io.github.uipathbridge.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.token.CanaryLog;
import io.github.uipathbridge.token.DrivenClock;
import io.github.uipathbridge.token.IdentityStub;
import io.github.uipathbridge.token.StubServer;
import io.github.uipathbridge.token.StubServer.Reply;
import io.github.uipathbridge.token.TestCredentialStore;
import io.github.uipathbridge.token.TokenService;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenHealthCheckTest {

    @RegisterExtension
    final CanaryLog log = new CanaryLog();

    private final StubServer server = StubServer.start().on(IdentityStub.TOKEN_PATH, IdentityStub.tokens(3600));

    private final TokenService service = IdentityStub.service(DrivenClock.atEpochSecond(1_700_000_000));

    private final TestCredentialStore store = IdentityStub.store();

    private final TokenHealthCheck check = new TokenHealthCheck(
            "uipath-token-test",
            service.provider(IdentityStub.options(server, store).build()));

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    @Test
    void upWhenTheStoreIsReadableAndATokenIsAtHand() {
        HealthCheck.Result result = check.call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("credential.store", "test:store");
        assertThat(result.getDetails()).containsKey("token.expiresAt");
    }

    @Test
    void downWithTheStoreReasonWhenTheStoreFails() {
        store.failWith(new CredentialsException(CredentialsException.Reason.ACCESS_DENIED, "denied"));

        HealthCheck.Result result = check.call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("credential.store.reason", "ACCESS_DENIED");
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isZero();
    }

    @Test
    void downWithTheErrorCodeWhenTheIdentityServerRefuses() {
        server.on(IdentityStub.TOKEN_PATH, request -> Reply.json(401, "{\"error\":\"invalid_client\"}"));

        HealthCheck.Result result = check.call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("token.error", "INVALID_CLIENT");
        assertThat(result.getDetails().values()).allSatisfy(value -> log.assertClean(String.valueOf(value)));
    }

    @Test
    void isAReadinessCheckOnly() {
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
        assertThat(check.getGroup()).isEqualTo(TokenHealthCheck.GROUP);
    }
}
