package io.github.uipathbridge.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.CredentialsException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.of(4, Duration.ofMillis(100), Duration.ofMillis(300));

    private final List<Duration> waits = new ArrayList<>();

    private final RetryPolicy.Sleeper recorder = waits::add;

    @Test
    void shouldDrawEachDelayFromUpperHalfOfExponentialCeilingCappedAtMax() {
        Random random = new Random(42);

        for (int i = 0; i < 200; i++) {
            assertThat(policy.delayAfter(1, random)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(policy.delayAfter(2, random)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(policy.delayAfter(3, random)).isBetween(Duration.ofMillis(150), Duration.ofMillis(300));
            assertThat(policy.delayAfter(30, random)).isBetween(Duration.ofMillis(150), Duration.ofMillis(300));
        }
    }

    @Test
    void shouldJitterDelays() {
        Random random = new Random(7);
        List<Duration> delays = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            delays.add(policy.delayAfter(2, random));
        }

        assertThat(delays.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void shouldRetryTransientFailureUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();

        String result = policy.run(
                () -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new CredentialsException(Reason.UNAVAILABLE, "down");
                    }
                    return "ok";
                },
                recorder,
                new Random(1));

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void shouldGiveUpAfterMaxAttemptsWithLastFailure() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> policy.run(
                        () -> {
                            throw new CredentialsException(Reason.UNAVAILABLE, "down " + calls.incrementAndGet());
                        },
                        recorder,
                        new Random(1)))
                .hasMessage("down 4");
        assertThat(waits).hasSize(3);
    }

    @Test
    void shouldNotRetryFailureThatIsNotTransient() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> policy.run(
                        () -> {
                            calls.incrementAndGet();
                            throw new CredentialsException(Reason.ACCESS_DENIED, "denied");
                        },
                        recorder,
                        new Random(1)))
                .hasMessage("denied");
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldStopAndKeepInterruptFlagWhenInterruptedWhileWaiting() {
        RetryPolicy.Sleeper interrupted = delay -> {
            throw new InterruptedException();
        };

        try {
            assertThatThrownBy(() -> policy.run(
                            () -> {
                                throw new CredentialsException(Reason.UNAVAILABLE, "down");
                            },
                            interrupted,
                            new Random(1)))
                    .hasMessage("down");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
