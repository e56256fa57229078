package io.github.uipathbridge.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class IdentityUrlsTest {

    @Test
    void cloudUrlGivesTheOrganizationsIdentityServer() {
        URI token = IdentityUrls.tokenEndpoint(URI.create("https://cloud.uipath.com/acme/DefaultTenant/orchestrator_"));

        assertThat(token).hasToString("https://cloud.uipath.com/acme/identity_/connect/token");
    }

    @Test
    void cloudUrlWithTrailingSlashAndODataPathGivesTheSame() {
        URI token = IdentityUrls.tokenEndpoint(
                URI.create("https://cloud.uipath.com/acme/DefaultTenant/orchestrator_/odata/"));

        assertThat(token).hasToString("https://cloud.uipath.com/acme/identity_/connect/token");
    }

    @Test
    void otherUiPathCloudHostsCountAsCloud() {
        URI token = IdentityUrls.tokenEndpoint(URI.create("https://staging.uipath.com/acme/t1/orchestrator_"));

        assertThat(token).hasToString("https://staging.uipath.com/acme/identity_/connect/token");
    }

    @Test
    void automationSuiteUrlGivesTheHostsIdentityServer() {
        URI token = IdentityUrls.tokenEndpoint(URI.create("https://rpa.example.com/acme/DefaultTenant/orchestrator_"));

        assertThat(token).hasToString("https://rpa.example.com/identity_/connect/token");
    }

    @Test
    void automationSuiteKeepsSchemeAndPort() {
        URI token = IdentityUrls.tokenEndpoint(URI.create("http://127.0.0.1:8443/org/tenant/orchestrator_"));

        assertThat(token).hasToString("http://127.0.0.1:8443/identity_/connect/token");
    }

    @Test
    void standaloneUrlGivesIdentityWithoutUnderscore() {
        URI token = IdentityUrls.tokenEndpoint(URI.create("https://orchestrator.example.com/"));

        assertThat(token).hasToString("https://orchestrator.example.com/identity/connect/token");
    }

    @Test
    void cloudUrlWithoutOrganizationIsRefused() {
        assertThatThrownBy(() -> IdentityUrls.tokenEndpoint(URI.create("https://cloud.uipath.com/orchestrator_")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://cloud.uipath.com/{org}/{tenant}/orchestrator_");
    }

    @Test
    void relativeUrlIsRefused() {
        assertThatThrownBy(() -> IdentityUrls.tokenEndpoint(URI.create("/acme/t/orchestrator_")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("orchestratorUrl must be an absolute http or https URL, got /acme/t/orchestrator_");
    }
}
