package io.github.uipathbridge.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreConfigTest {

    @ParameterizedTest
    @CsvSource({"30s,PT30S", "500ms,PT0.5S", "5m,PT5M", "2h,PT2H", "PT30S,PT30S", "45,PT45S"})
    void durationsAcceptUnitsAndIso8601(String text, String expected) {
        StoreConfig config = StoreConfig.of(Map.of("k", text), Map.of());

        assertThat(config.getDuration("k", Duration.ZERO)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"soon", "5x", "s"})
    void badDurationIsAConfigurationErrorNamingTheKey(String text) {
        StoreConfig config = StoreConfig.of(Map.of("uipath.credentials.vault.timeout", text), Map.of());

        CredentialsException e = catchThrowableOfType(
                CredentialsException.class,
                () -> config.getDuration("uipath.credentials.vault.timeout", Duration.ZERO));

        assertThat(e.reason()).isEqualTo(CredentialsException.Reason.CONFIGURATION);
        assertThat(e.getMessage()).contains("uipath.credentials.vault.timeout");
    }

    @ParameterizedTest
    @CsvSource({"uipath.credentials.vault.address,UIPATH_CREDENTIALS_VAULT_ADDRESS", "a.b-c,A_B_C"})
    void environmentNameIsTheKeyInUpperCaseWithUnderscores(String key, String expected) {
        assertThat(StoreConfig.environmentName(key)).isEqualTo(expected);
    }
}
