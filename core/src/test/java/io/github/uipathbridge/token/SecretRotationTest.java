package io.github.uipathbridge.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SecretRotationTest {

    private static final String ROTATED = "CANARY-SECRET-rotated";

    private static final String PENDING = "CANARY-SECRET-pending";

    @RegisterExtension
    final CanaryLog log = new CanaryLog().forbid(ROTATED, PENDING);

    private final StubServer server = StubServer.start();

    private final DrivenClock clock = DrivenClock.atEpochSecond(1_700_000_000);

    private final TokenService service = IdentityStub.service(clock);

    private final TestCredentialStore store = IdentityStub.store();

    private final TokenProvider provider =
            service.provider(IdentityStub.options(server, store).build());

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    @Test
    void invalidClientAfterRotationReadsTheStoreAgainAndSucceedsWithTheNewSecret() {
        store.rotateBacking(ROTATED, "v2");
        server.on(IdentityStub.TOKEN_PATH, IdentityStub.acceptingOnly(ROTATED, 3600));

        AccessToken token = provider.get();

        assertThat(token.reveal()).isEqualTo(CanaryLog.TOKEN + "1");
        assertThat(store.freshReads()).isEqualTo(1);
        assertThat(server.requests(IdentityStub.TOKEN_PATH))
                .extracting(request -> request.field("client_secret"))
                .containsExactly(CanaryLog.SECRET, ROTATED);
    }

    @Test
    void rotationWhileATokenIsCachedIsPickedUpAtTheNextFetch() {
        server.on(IdentityStub.TOKEN_PATH, IdentityStub.acceptingOnly(CanaryLog.SECRET, 3600));
        provider.get();
        store.rotateBacking(ROTATED, "v2");
        server.on(IdentityStub.TOKEN_PATH, IdentityStub.acceptingOnly(ROTATED, 3600));

        clock.advance(Duration.ofHours(1));
        AccessToken token = provider.get();

        assertThat(token.reveal()).isEqualTo(CanaryLog.TOKEN + "1");
        assertThat(store.freshReads()).isEqualTo(1);
        assertThat(log.lines()).anyMatch(line -> line.startsWith("INFO") && line.contains("now has version v2"));
    }

    @Test
    void rotationSeenOnAnOrdinaryReadIsLoggedAndUsed() {
        server.on(IdentityStub.TOKEN_PATH, IdentityStub.tokens(3600));
        provider.get();
        store.rotate(ROTATED, "v2");

        clock.advance(Duration.ofHours(1));
        provider.get();

        assertThat(server.requests(IdentityStub.TOKEN_PATH).get(1).field("client_secret"))
                .isEqualTo(ROTATED);
        assertThat(log.lines()).anyMatch(line -> line.startsWith("INFO") && line.contains("new secret (version v2)"));
    }

    @Test
    void secretRefusedAgainAfterTheFreshReadFailsAsInvalidClientWithoutMoreAttempts() {
        store.rotateBacking(ROTATED, "v2");
        server.on(IdentityStub.TOKEN_PATH, IdentityStub.acceptingOnly("something-else", 3600));

        TokenException e = catchThrowableOfType(TokenException.class, provider::get);

        assertThat(e.code()).isEqualTo(TokenException.Code.INVALID_CLIENT);
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(2);
        assertThat(store.freshReads()).isEqualTo(1);
        log.assertClean(e);
    }

    @Test
    void unchangedSecretIsNotSentTwice() {
        server.on(IdentityStub.TOKEN_PATH, IdentityStub.acceptingOnly("something-else", 3600));

        TokenException e = catchThrowableOfType(TokenException.class, provider::get);

        assertThat(e.code()).isEqualTo(TokenException.Code.INVALID_CLIENT);
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(1);
    }

    @Test
    void pendingSecretIsTriedOnceWhenTheCurrentOneIsRefused() {
        store.stagePending(PENDING, "v3");
        server.on(IdentityStub.TOKEN_PATH, IdentityStub.acceptingOnly(PENDING, 3600));

        AccessToken token = provider.get();

        assertThat(token.reveal()).isEqualTo(CanaryLog.TOKEN + "1");
        assertThat(server.requests(IdentityStub.TOKEN_PATH))
                .extracting(request -> request.field("client_secret"))
                .containsExactly(CanaryLog.SECRET, PENDING);
    }
}
