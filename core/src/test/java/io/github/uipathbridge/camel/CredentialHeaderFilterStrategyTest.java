package io.github.uipathbridge.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.camel.StubHttpServer.Answer;
import io.github.uipathbridge.camel.StubHttpServer.Received;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialHeaderFilterStrategyTest extends CamelTestSupport {

    private static final String CANARY = "CANARY-SECRET-91bd";

    private static StubHttpServer webhook;

    @BeforeAll
    static void startWebhook() throws Exception {
        webhook = StubHttpServer.start(
                request -> new Answer(200, Map.of("Set-Cookie", "receiver=" + CANARY, "X-Receiver", "ok"), "accepted"));
    }

    @AfterAll
    static void stopWebhook() {
        webhook.close();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("credentialFilter", new CredentialHeaderFilterStrategy(new HttpHeaderFilterStrategy()));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:webhook")
                        .to(webhook.url("/hook") + "?headerFilterStrategy=#credentialFilter")
                        .to("mock:answered");
            }
        };
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Authorization",
                "authorization",
                "Proxy-Authorization",
                "Cookie",
                "Set-Cookie",
                "X-Api-Key",
                "X-Vault-Token",
                "client_secret",
                "Db.Password",
                "X-UiPath-Signature",
                "X-Auth",
                "UiPathBridgeAuthToken"
            })
    void isCredentialWhenNameSpeaksOfACredential(String name) {
        assertThat(CredentialHeaderFilterStrategy.isCredential(name, "plain")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "X-UIPATH-FolderKey",
                "X-UIPATH-FolderPath",
                "X-UIPATH-OrganizationUnitId",
                "X-Idempotency-Key",
                "Content-Type",
                "CamelHttpResponseCode",
                "CamelHttpUri",
                "Author",
                "X-Authorized-By-Role-Count"
            })
    void isNotCredentialWhenNameAndValueAreOrdinary(String name) {
        assertThat(CredentialHeaderFilterStrategy.isCredential(name, "plain")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "BASIC dXNlcjpwYXNz", "Digest username=x"})
    void isCredentialWhenValueCarriesAnAuthorizationScheme(String value) {
        assertThat(CredentialHeaderFilterStrategy.isCredential("X-Anything", value))
                .isTrue();
    }

    @Test
    void shouldSendNoCredentialToTheReceiverButKeepOrdinaryHeaders() throws Exception {
        Map<String, Object> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + CANARY);
        headers.put("Cookie", "s=" + CANARY);
        headers.put("X-Api-Key", CANARY);
        headers.put("X-UIPATH-FolderKey", "f00d");
        getMockEndpoint("mock:answered").expectedMessageCount(1);

        template.sendBodyAndHeaders("direct:webhook", "{}", headers);

        Received sent = webhook.received().get(webhook.received().size() - 1);
        assertThat(sent.headers().values().stream().flatMap(java.util.List::stream))
                .noneMatch(value -> value.contains(CANARY));
        assertThat(sent.header("X-UIPATH-FolderKey")).isEqualTo("f00d");
    }

    @Test
    void shouldNotCopyAnAnsweredCookieOntoTheMessage() throws Exception {
        MockEndpoint answered = getMockEndpoint("mock:answered");
        answered.expectedMessageCount(1);

        template.sendBody("direct:webhook", "{}");

        answered.assertIsSatisfied();
        Exchange exchange = answered.getReceivedExchanges().get(0);
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey("Set-Cookie");
        assertThat(exchange.getMessage().getHeader("X-Receiver", String.class)).isEqualTo("ok");
    }
}
