package io.github.uipathbridge.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentCredentialStoreTest {

    private static final String SECRET = "CANARY-SECRET-env";

    @Test
    void readsTheDefaultVariables() {
        CredentialStore store = open("env:", Map.of("UIPATH_CLIENT_ID", "app", "UIPATH_CLIENT_SECRET", SECRET));

        ClientCredentials credentials = store.read();

        assertThat(credentials.clientId()).isEqualTo("app");
        assertThat(credentials.clientSecret().reveal()).isEqualTo(SECRET);
        assertThat(credentials.source()).isEqualTo("env:UIPATH_CLIENT_ID,UIPATH_CLIENT_SECRET");
    }

    @Test
    void prefixNamesOtherVariables() {
        CredentialStore store = open("env:prod", Map.of("PROD_CLIENT_ID", "app", "PROD_CLIENT_SECRET", SECRET));

        assertThat(store.read().clientId()).isEqualTo("app");
    }

    @Test
    void versionChangesWhenTheSecretChangesAndHidesIt() {
        String before = open("env:", Map.of("UIPATH_CLIENT_ID", "app", "UIPATH_CLIENT_SECRET", SECRET))
                .read()
                .version();
        String after = open("env:", Map.of("UIPATH_CLIENT_ID", "app", "UIPATH_CLIENT_SECRET", SECRET + "2"))
                .read()
                .version();

        assertThat(before).isNotEqualTo(after).doesNotContain(SECRET);
    }

    @Test
    void missingVariableIsNotFoundNamingItButNoValue() {
        CredentialStore store = open("env:", Map.of("UIPATH_CLIENT_ID", "app"));

        CredentialsException e = catchThrowableOfType(CredentialsException.class, store::read);

        assertThat(e.reason()).isEqualTo(CredentialsException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains("UIPATH_CLIENT_SECRET");
    }

    @Test
    void toStringOfWhatItReadsHidesTheSecret() {
        CredentialStore store = open("env:", Map.of("UIPATH_CLIENT_ID", "app", "UIPATH_CLIENT_SECRET", SECRET));

        assertThat(store.read().toString()).doesNotContain(SECRET).contains("app");
    }

    @Test
    void prefixThatIsNoVariableNameIsRejectedWhenOpened() {
        CredentialsException e =
                catchThrowableOfType(CredentialsException.class, () -> open("env:my-prefix", Map.of()));

        assertThat(e.reason()).isEqualTo(CredentialsException.Reason.INVALID_REFERENCE);
    }

    private static CredentialStore open(String reference, Map<String, String> environment) {
        return CredentialStores.open(reference, StoreConfig.of(Map.of(), environment));
    }
}
