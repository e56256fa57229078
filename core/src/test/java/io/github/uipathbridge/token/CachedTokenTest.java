package io.github.uipathbridge.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CachedTokenTest {

    @RegisterExtension
    final CanaryLog log = new CanaryLog();

    private final StubServer server = StubServer.start().on(IdentityStub.TOKEN_PATH, IdentityStub.tokens(3600));

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
    void cachedTokenIsServedWithoutReadingTheStoreOrCallingTheServer() {
        AccessToken first = provider.get();

        for (int i = 0; i < 100; i++) {
            assertThat(provider.get()).isSameAs(first);
        }

        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(1);
        assertThat(store.reads()).isEqualTo(1);
    }

    @Test
    void providersForTheSameOptionsShareTheCachedToken() {
        AccessToken first = provider.get();

        AccessToken second = service.provider(provider.options()).get();

        assertThat(second).isSameAs(first);
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(1);
    }

    @Test
    void tokenIsNotHandedOutWithinTheExpiryMargin() {
        AccessToken first = provider.get();

        clock.set(first.expiresAt().minus(Duration.ofSeconds(30)));
        AccessToken second = provider.get();

        assertThat(second).isNotSameAs(first);
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(2);
    }
}
