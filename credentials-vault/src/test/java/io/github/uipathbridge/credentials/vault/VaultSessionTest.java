package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.credentials.vault.VaultApi.VaultCallException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token lifecycle decisions on a driven clock, with Vault stood in for: when to renew, when to log in again, and
 * that one login runs however many callers need a token. Refreshes are run by hand ({@link VaultSession#refreshNow()});
 * leases are an hour long so the background thread never fires during a test.
 */
class VaultSessionTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));

    private final FakeVault vault = new FakeVault();

    private final FakeLogin login = new FakeLogin();

    private final VaultSession session = new VaultSession(login, vault, clock, RetryPolicy.defaults());

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void shouldLogInOnFirstUseAndReuseTokenAfterwards() {
        VaultToken first = session.token();
        VaultToken second = session.token();

        assertThat(second).isSameAs(first);
        assertThat(session.logins()).isEqualTo(1);
    }

    @Test
    void shouldRenewRenewableTokenWhenRefreshIsDue() {
        VaultToken issued = session.token();

        session.refreshNow();

        assertThat(session.renewals()).isEqualTo(1);
        assertThat(session.logins()).isEqualTo(1);
        assertThat(session.token().value()).isEqualTo(issued.value());
    }

    @Test
    void shouldLogInAgainAtNextRefreshWhenRenewalWasCutShortByMaxTtl() {
        session.token();
        vault.grant = Duration.ofMinutes(20);
        session.refreshNow();

        session.refreshNow();

        assertThat(session.renewals()).isEqualTo(1);
        assertThat(session.logins()).isEqualTo(2);
        assertThat(session.token().value().reveal()).isEqualTo("token-2");
    }

    @Test
    void shouldLogInAgainWhenRenewalIsRefused() {
        session.token();
        vault.failure = new VaultCallException("renew the token", 403, null);

        session.refreshNow();

        assertThat(session.renewals()).isZero();
        assertThat(session.logins()).isEqualTo(2);
    }

    @Test
    void shouldKeepTokenWhenRenewalFindsVaultUnavailable() {
        VaultToken issued = session.token();
        vault.failure = new VaultCallException("renew the token", 0, new ConnectException());

        session.refreshNow();

        assertThat(session.logins()).isEqualTo(1);
        assertThat(session.token()).isSameAs(issued);
    }

    @Test
    void shouldLogInAgainInsteadOfRenewingTokenThatIsNotRenewable() {
        login.renewable = false;
        session.token();

        session.refreshNow();

        assertThat(vault.renewCalls).hasValue(0);
        assertThat(session.logins()).isEqualTo(2);
    }

    @Test
    void shouldLogInAgainWhenTokenHasExpired() {
        session.token();

        clock.advance(HOUR);
        VaultToken after = session.token();

        assertThat(session.logins()).isEqualTo(2);
        assertThat(after.value().reveal()).isEqualTo("token-2");
    }

    @Test
    void shouldFailWithAccessDeniedWhenFixedTokenHasExpired() {
        login.canLogInAgain = false;
        session.token();

        clock.advance(HOUR);

        assertThatThrownBy(session::token)
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("the configured token expired")
                .extracting(e -> ((CredentialsException) e).reason())
                .isEqualTo(Reason.ACCESS_DENIED);
    }

    @Test
    void shouldLogInAgainWhenTokenInUseIsRejected() {
        VaultToken rejected = session.token();

        VaultToken replacement = session.replaceRejected(rejected).orElseThrow();

        assertThat(replacement.value()).isNotEqualTo(rejected.value());
        assertThat(session.logins()).isEqualTo(2);
    }

    @Test
    void shouldNotLogInAgainWhenRejectedTokenWasAlreadyReplaced() {
        VaultToken old = session.token();
        VaultToken current = session.replaceRejected(old).orElseThrow();

        VaultToken again = session.replaceRejected(old).orElseThrow();

        assertThat(again).isSameAs(current);
        assertThat(session.logins()).isEqualTo(2);
    }

    @Test
    void shouldOfferNoReplacementForRejectedFixedToken() {
        login.canLogInAgain = false;

        assertThat(session.replaceRejected(session.token())).isEmpty();
    }

    @Test
    void shouldRunOneLoginForManyCallersThatNeedToken() throws Exception {
        login.gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<VaultToken>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(pool.submit(session::token));
        }

        login.entered.await(5, TimeUnit.SECONDS);
        login.gate.countDown();
        List<VaultToken> tokens = new ArrayList<>();
        for (Future<VaultToken> caller : callers) {
            tokens.add(caller.get(5, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(session.logins()).isEqualTo(1);
        assertThat(tokens).allSatisfy(token -> assertThat(token).isSameAs(tokens.get(0)));
    }

    @Test
    void shouldRevokeLoggedInTokenOnClose() {
        session.token();

        session.close();

        assertThat(vault.revoked).containsExactly("token-1");
    }

    @Test
    void shouldLeaveConfiguredTokenAloneOnClose() {
        login.canLogInAgain = false;
        session.token();

        session.close();

        assertThat(vault.revoked).isEmpty();
    }

    /** Issues hour-long tokens named token-1, token-2, ...; can hold the first login at a gate. */
    private final class FakeLogin implements VaultLogin {

        private final AtomicInteger count = new AtomicInteger();

        private final CountDownLatch entered = new CountDownLatch(1);

        private volatile CountDownLatch gate;

        private volatile boolean renewable = true;

        private volatile boolean canLogInAgain = true;

        @Override
        public VaultToken login(VaultApi api) {
            entered.countDown();
            if (gate != null) {
                try {
                    gate.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Secret token = Secret.of("token-" + count.incrementAndGet());
            return VaultToken.issued(token, clock.instant(), HOUR, HOUR, renewable);
        }

        @Override
        public boolean canLogInAgain() {
            return canLogInAgain;
        }

        @Override
        public String describe() {
            return "fake login";
        }
    }

    /** Renews by granting {@link #grant}, or fails with {@link #failure}; never opens a connection. */
    private final class FakeVault extends VaultApi {

        private final AtomicInteger renewCalls = new AtomicInteger();

        private final List<String> revoked = new ArrayList<>();

        private volatile Duration grant = HOUR;

        private volatile VaultCallException failure;

        FakeVault() {
            super(VaultOptions.builder().address("http://127.0.0.1:1").build(), null, clock);
        }

        @Override
        VaultToken renewSelf(VaultToken token) throws VaultCallException {
            renewCalls.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return token.renewed(clock.instant(), grant);
        }

        @Override
        void revokeSelf(Secret token) {
            revoked.add(token.reveal());
        }
    }
}
