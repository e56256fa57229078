package io.github.uipathbridge.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScopeIsolationTest {

    @RegisterExtension
    final CanaryLog log = new CanaryLog();

    private final StubServer server = StubServer.start().on(IdentityStub.TOKEN_PATH, IdentityStub.tokens(3600));

    private final TokenService service = IdentityStub.service(DrivenClock.atEpochSecond(1_700_000_000));

    private final TestCredentialStore store = IdentityStub.store();

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    @Test
    void sameClientWithDifferentScopesGetsTwoTokensNeverASharedOne() {
        TokenProvider jobs = service.provider(options("OR.Jobs"));
        TokenProvider machines = service.provider(options("OR.Machines"));

        AccessToken forJobs = jobs.get();
        AccessToken forMachines = machines.get();

        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(2);
        assertThat(forJobs.reveal()).isNotEqualTo(forMachines.reveal());
        assertThat(server.requests(IdentityStub.TOKEN_PATH))
                .extracting(request -> request.field("scope"))
                .containsExactly("OR.Jobs", "OR.Machines");
    }

    @Test
    void sameScopesInAnotherOrderShareOneToken() {
        AccessToken first = service.provider(options("OR.Jobs OR.Machines")).get();
        AccessToken second = service.provider(options("OR.Machines OR.Jobs")).get();

        assertThat(second).isSameAs(first);
        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(1);
    }

    @Test
    void twoServicesNeverShareATokenCache() {
        TokenService other = IdentityStub.service(DrivenClock.atEpochSecond(1_700_000_000));
        try {
            service.token(options("OR.Jobs"));
            other.token(options("OR.Jobs"));
        } finally {
            other.close();
        }

        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(2);
    }

    @Test
    void cacheKeepsAtMostTheConfiguredNumberOfKeys() {
        TokenService small = TokenService.builder().maxCacheEntries(2).build();
        try {
            for (String scope : List.of("A", "B", "C")) {
                small.token(options(scope));
            }
            small.token(options("A"));
        } finally {
            small.close();
        }

        assertThat(server.count(IdentityStub.TOKEN_PATH)).isEqualTo(4);
    }

    private TokenOptions options(String scopes) {
        return IdentityStub.options(server, store).scopes(List.of(scopes)).build();
    }
}
