package io.github.uipathbridge.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

class StripCredentialsProcessorTest extends CamelTestSupport {

    private static final String CANARY = "CANARY-SECRET-7f3a";

    // A JWT-shaped value built at run time so that no JWT literal sits in the sources or the test output.
    private static final String JWT_CANARY = "ey" + "J0eXAiOiJKV1QifQ." + "eyJzdWIiOiJjYW5hcnkifQ.c2ln";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:forward").process(new StripCredentialsProcessor()).to("mock:forwarded");
            }
        };
    }

    @Test
    void shouldRemoveAuthorizationCookieAndProxyHeadersBeforeForwarding() throws Exception {
        Map<String, Object> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + CANARY);
        headers.put("Proxy-Authorization", "Basic " + CANARY);
        headers.put("Cookie", "session=" + CANARY);
        headers.put("Set-Cookie", List.of("a=" + CANARY, "b=" + CANARY));

        Exchange forwarded = forward(headers);

        assertThat(namesCarryingCanary(forwarded)).isEmpty();
        assertThat(forwarded.getMessage().getHeaders())
                .doesNotContainKeys("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie");
    }

    @Test
    void shouldRemoveHeadersWhoseNameSpeaksOfACredentialWhateverTheCase() throws Exception {
        Map<String, Object> headers = new HashMap<>();
        for (String name : List.of(
                "x-api-key",
                "X-Auth-Token",
                "client_secret",
                "DB_PASSWORD",
                "X-UiPath-Signature",
                "X-Hub-Signature-256",
                "x-auth",
                "JSESSIONID",
                "Ocp-Apim-Subscription-Key",
                "accessToken")) {
            headers.put(name, CANARY);
        }

        Exchange forwarded = forward(headers);

        assertThat(namesCarryingCanary(forwarded)).isEmpty();
    }

    @Test
    void shouldRemoveHeadersWhoseValueIsABearerCredentialOrAJwtWhateverTheName() throws Exception {
        Map<String, Object> headers = new HashMap<>();
        headers.put("X-Upstream", "bearer " + CANARY);
        headers.put("X-Carried", JWT_CANARY);

        Exchange forwarded = forward(headers);

        assertThat(forwarded.getMessage().getHeaders()).doesNotContainKeys("X-Upstream", "X-Carried");
    }

    @Test
    void shouldRemoveInternalTokenHeadersAndExchangeProperties() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:forwarded");
        mock.expectedMessageCount(1);

        template.send("direct:forward", exchange -> {
            exchange.setProperty(CredentialHeaderFilterStrategy.INTERNAL_PREFIX + "Token", CANARY);
            exchange.getMessage().setHeader(CredentialHeaderFilterStrategy.INTERNAL_PREFIX + "Sent", CANARY);
        });

        mock.assertIsSatisfied();
        Exchange forwarded = mock.getReceivedExchanges().get(0);
        assertThat(namesCarryingCanary(forwarded)).isEmpty();
        assertThat(forwarded.getProperties())
                .doesNotContainKey(CredentialHeaderFilterStrategy.INTERNAL_PREFIX + "Token");
    }

    @Test
    void shouldKeepFolderHeadersHttpStatusAndOrdinaryHeaders() throws Exception {
        Map<String, Object> headers = new HashMap<>();
        headers.put("X-UIPATH-FolderKey", "4c2e3b8a-1f1e-4a57-9b39-0e1b2a7c9d10");
        headers.put("X-UIPATH-OrganizationUnitId", 42);
        headers.put("X-Idempotency-Key", "k-1");
        headers.put("Content-Type", "application/json");
        headers.put(Exchange.HTTP_RESPONSE_CODE, 200);
        headers.put("Author", "Ada");

        Exchange forwarded = forward(headers);

        assertThat(forwarded.getMessage().getHeaders()).containsAllEntriesOf(headers);
        assertThat(forwarded.getMessage().getBody(String.class)).isEqualTo("payload");
    }

    private Exchange forward(Map<String, Object> headers) throws InterruptedException {
        MockEndpoint mock = getMockEndpoint("mock:forwarded");
        mock.expectedMessageCount(1);

        template.sendBodyAndHeaders("direct:forward", "payload", headers);

        mock.assertIsSatisfied();
        return mock.getReceivedExchanges().get(0);
    }

    /** Names of headers and properties whose value mentions a canary; names only, so a failure prints no value. */
    private static List<String> namesCarryingCanary(Exchange exchange) {
        Map<String, Object> everything = new HashMap<>(exchange.getProperties());
        everything.putAll(exchange.getMessage().getHeaders());
        return everything.entrySet().stream()
                .filter(entry -> String.valueOf(entry.getValue()).contains(CANARY))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
