package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void flagsBecomeOptions() {
        SimulatorOptions options = SimulatorMain.parse(new String[] {
            "--port", "18080", "--org", "contoso", "--tenant", "Prod", "--client-id", "app", "--client-secret", "s",
            "--token-ttl", "600", "--queue-items", "5000", "--jobs", "7", "--rate-limit", "0", "--profile", "onprem"
        });

        assertThat(options.port()).isEqualTo(18080);
        assertThat(options.org()).isEqualTo("contoso");
        assertThat(options.tenant()).isEqualTo("Prod");
        assertThat(options.clientId()).isEqualTo("app");
        assertThat(options.clientSecret()).contains("s");
        assertThat(options.tokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.queueItems()).isEqualTo(5000);
        assertThat(options.jobs()).isEqualTo(7);
        assertThat(options.rateLimitPerMinute()).isZero();
        assertThat(options.profile()).isEqualTo(Profile.ONPREM);
    }

    @Test
    void unknownFlagIsRefusedWithItsName() {
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--colour", "red"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--colour");
    }

    @Test
    void optionsToStringHidesTheSecret() {
        SimulatorOptions options =
                SimulatorOptions.builder().clientSecret("hidden-value").build();

        assertThat(options.toString()).doesNotContain("hidden-value");
    }
}
