package io.github.uipathbridge.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.github.uipathbridge.camel.StubHttpServer.Answer;
import io.github.uipathbridge.camel.StubHttpServer.Received;
import io.github.uipathbridge.http.ApiUnauthorizedException;
import io.github.uipathbridge.token.AccessToken;
import io.github.uipathbridge.token.TokenProvider;
import io.github.uipathbridge.token.TokenService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class UiPathAuthProcessorTest extends CamelTestSupport {

    private static final String UNAUTHORIZED_BODY =
            "{\"message\":\"You are not authenticated!\",\"errorCode\":0,\"unAuthorizedRequest\":true}";

    private static final String NON_ASCII_PATH = "Финансы/Überweisungen";

    private final Set<String> refusedAuthorizations = ConcurrentHashMap.newKeySet();

    private volatile boolean refuseAll;

    private StubIdentityServer identity;

    private StubHttpServer api;

    private TokenService tokenService;

    private TokenProvider tokenProvider;

    @Override
    protected void doPreSetup() throws Exception {
        identity = StubIdentityServer.start();
        api = StubHttpServer.start(this::answerApi);
        tokenService = TokenService.create();
        tokenProvider = tokenService.provider(identity.options());
    }

    @Override
    protected void doPostTearDown() {
        tokenService.close();
        api.close();
        identity.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                UiPathAuthProcessor auth = UiPathAuthProcessor.builder(tokenProvider)
                        .folderPath("Finance/Invoices")
                        .build();
                String machines = api.url("/orchestrator_/odata/Machines");

                from("direct:call").process(auth.call(machines)).to("mock:forwarded");
                from("direct:callWithoutThrowing")
                        .process(auth.call(machines + "?throwExceptionOnFailure=false"))
                        .to("mock:forwarded");
                from("direct:steps")
                        .process(auth)
                        .to(machines + "?throwExceptionOnFailure=false")
                        .process(auth.after())
                        .to("mock:forwarded");

                from("direct:folderId").process(folder(b -> b.folderId(42)).call(machines));
                from("direct:folderKey")
                        .process(folder(b -> b.folderKey("4C2E3B8A-1F1E-4A57-9B39-0E1B2A7C9D10"))
                                .call(machines));
                from("direct:folderNonAscii")
                        .process(folder(b -> b.folderPath(NON_ASCII_PATH)).call(machines));
            }
        };
    }

    @Test
    void shouldSendTheBearerTokenAndFolderPathToTheApi() {
        template.sendBody("direct:call", null);

        Received call = api.received().get(0);
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + StubIdentityServer.token(1));
        assertThat(call.header(UiPathAuthProcessor.FOLDER_PATH)).isEqualTo("Finance/Invoices");
    }

    @Test
    void shouldReuseTheCachedTokenAcrossCalls() {
        for (int i = 0; i < 5; i++) {
            template.sendBody("direct:call", null);
        }

        assertThat(identity.requests()).isEqualTo(1);
        assertThat(api.received()).extracting(r -> r.header("Authorization")).containsOnly(bearer(1));
    }

    @Test
    void shouldNotForwardTheTokenAfterTheCall() throws Exception {
        Exchange forwarded = forward("direct:call");

        assertThat(forwarded.getMessage().getHeaders()).doesNotContainKey("Authorization");
        assertThat(namesCarryingToken(forwarded)).isEmpty();
        assertThat(forwarded.getMessage().getBody(String.class)).isEqualTo("{\"value\":[]}");
    }

    @Test
    void shouldNotForwardTheTokenAfterTheCallWithPlainSteps() throws Exception {
        Exchange forwarded = forward("direct:steps");

        assertThat(namesCarryingToken(forwarded)).isEmpty();
        assertThat(api.received().get(0).header("Authorization")).isEqualTo(bearer(1));
    }

    @Test
    void shouldFetchOneNewTokenAndRetryOnceWhenTheApiAnswers401() throws Exception {
        refusedAuthorizations.add(bearer(1));

        Exchange forwarded = forward("direct:call");

        assertThat(identity.requests()).isEqualTo(2);
        assertThat(api.received()).extracting(r -> r.header("Authorization")).containsExactly(bearer(1), bearer(2));
        assertThat(forwarded.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class))
                .isEqualTo(200);
        assertThat(namesCarryingToken(forwarded)).isEmpty();
    }

    @Test
    void shouldRetryOnceWhenTheEndpointReports401ByStatusHeaderInsteadOfThrowing() throws Exception {
        refusedAuthorizations.add(bearer(1));

        Exchange forwarded = forward("direct:callWithoutThrowing");

        assertThat(api.received()).extracting(r -> r.header("Authorization")).containsExactly(bearer(1), bearer(2));
        assertThat(forwarded.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class))
                .isEqualTo(200);
    }

    @Test
    void shouldSendTheSameBodyAgainOnTheRetryEvenFromAStream() {
        refusedAuthorizations.add(bearer(1));
        byte[] json = "{\"startInfo\":{\"ReleaseKey\":\"k\"}}".getBytes(StandardCharsets.UTF_8);

        template.sendBodyAndHeader("direct:call", new ByteArrayInputStream(json), Exchange.HTTP_METHOD, "POST");

        assertThat(api.received())
                .extracting(Received::body)
                .containsExactly(new String(json, StandardCharsets.UTF_8), new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void shouldFailWithApiUnauthorizedWhenTheNewTokenIsRefusedToo() {
        refuseAll = true;

        Exchange result = template.send("direct:call", exchange -> {});

        assertThat(result.getException())
                .isInstanceOf(ApiUnauthorizedException.class)
                .hasMessageStartingWith("GET " + api.url("/orchestrator_/odata/Machines") + " answered HTTP 401 twice")
                .hasMessageNotContaining(StubIdentityServer.TOKEN_PREFIX);
        assertThat(api.received()).hasSize(2);
        assertThat(identity.requests()).isEqualTo(2);
        assertThat(namesCarryingToken(result)).isEmpty();
    }

    @Test
    void shouldEvictOnPlainStepsSoTheNextExchangeGetsANewToken() throws Exception {
        refusedAuthorizations.add(bearer(1));
        forward("direct:steps");

        MockEndpoint.resetMocks(context);
        forward("direct:steps");

        assertThat(api.received()).extracting(r -> r.header("Authorization")).containsExactly(bearer(1), bearer(2));
        assertThat(identity.requests()).isEqualTo(2);
    }

    @Test
    void shouldNotEvictANewerTokenWhenA401ForAnOlderOneArrivesLate() throws Exception {
        UiPathAuthProcessor auth = UiPathAuthProcessor.builder(tokenProvider).build();
        Exchange slow = new DefaultExchange(context);
        auth.process(slow);
        tokenProvider.invalidate(tokenProvider.get());
        auth.process(new DefaultExchange(context));

        slow.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
        auth.after().process(slow);
        Exchange next = new DefaultExchange(context);
        auth.process(next);

        assertThat(next.getMessage().getHeader("Authorization")).isEqualTo(bearer(2));
        assertThat(identity.requests()).isEqualTo(2);
    }

    @Test
    void shouldLogNoTokenOrSecretAtTraceThroughRetryAndFailure() {
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.TRACE);
        try {
            refusedAuthorizations.add(bearer(1));
            template.send("direct:call", exchange -> {});
            refuseAll = true;
            template.send("direct:call", exchange -> {});
        } finally {
            root.setLevel(before);
            root.detachAppender(captured);
        }

        // The HTTP client's wire and header loggers print each request as sent, by design; they stay off in production.
        assertThat(captured.list)
                .filteredOn(event -> !event.getLoggerName().startsWith("org.apache.hc.client5.http.wire")
                        && !event.getLoggerName().startsWith("org.apache.hc.client5.http.headers"))
                .isNotEmpty()
                .noneMatch(UiPathAuthProcessorTest::mentionsCanary);
    }

    @Test
    void shouldSendTheFolderIdAndNoOtherFolderHeader() {
        template.sendBodyAndHeader("direct:folderId", null, UiPathAuthProcessor.FOLDER_PATH, "Stale/Path");

        Received call = api.received().get(0);
        assertThat(call.header(UiPathAuthProcessor.ORGANIZATION_UNIT_ID)).isEqualTo("42");
        assertThat(call.headers()).doesNotContainKeys("X-uipath-folderpath", "X-uipath-folderkey");
    }

    @Test
    void shouldSendTheFolderKeyAsACanonicalGuid() {
        template.sendBody("direct:folderKey", null);

        assertThat(api.received().get(0).header(UiPathAuthProcessor.FOLDER_KEY))
                .isEqualTo("4c2e3b8a-1f1e-4a57-9b39-0e1b2a7c9d10");
    }

    @Test
    void shouldSendANonAsciiFolderPathAsBase64OfUtf16le() {
        template.sendBody("direct:folderNonAscii", null);

        Received call = api.received().get(0);
        byte[] decoded = Base64.getDecoder().decode(call.header(UiPathAuthProcessor.FOLDER_PATH_ENCODED));
        assertThat(new String(decoded, StandardCharsets.UTF_16LE)).isEqualTo(NON_ASCII_PATH);
        assertThat(call.headers()).doesNotContainKey("X-uipath-folderpath");
    }

    @Test
    void builderWhenTwoFolderSettingsThenRejected() {
        UiPathAuthProcessor.Builder builder =
                UiPathAuthProcessor.builder(tokenProvider).folderId(7);

        assertThatThrownBy(() -> builder.folderPath("Shared"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("only one folder setting is allowed; X-UIPATH-OrganizationUnitId is already set");
    }

    @Test
    void builderWhenFolderKeyIsNoGuidThenRejected() {
        UiPathAuthProcessor.Builder builder = UiPathAuthProcessor.builder(tokenProvider);

        assertThatThrownBy(() -> builder.folderKey("finance"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("folderKey must be a GUID, not 'finance'");
    }

    private UiPathAuthProcessor folder(java.util.function.UnaryOperator<UiPathAuthProcessor.Builder> settings) {
        return settings.apply(UiPathAuthProcessor.builder(tokenProvider)).build();
    }

    private Answer answerApi(Received request) {
        String authorization = request.header("Authorization");
        if (refuseAll || refusedAuthorizations.contains(authorization)) {
            return Answer.json(401, UNAUTHORIZED_BODY);
        }
        return Answer.json(200, "{\"value\":[]}");
    }

    private Exchange forward(String route) throws InterruptedException {
        MockEndpoint mock = getMockEndpoint("mock:forwarded");
        mock.expectedMessageCount(1);

        template.sendBody(route, null);

        mock.assertIsSatisfied();
        return mock.getReceivedExchanges().get(0);
    }

    private static boolean mentionsCanary(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            text.append(' ').append(thrown.getMessage());
        }
        return text.indexOf(StubIdentityServer.TOKEN_PREFIX) >= 0
                || text.indexOf(StubIdentityServer.CLIENT_SECRET) >= 0;
    }

    private static String bearer(int n) {
        return "Bearer " + StubIdentityServer.token(n);
    }

    /** Names of headers and properties whose value mentions an issued token; names only, so failures print none. */
    private static List<String> namesCarryingToken(Exchange exchange) {
        Map<String, Object> everything = new HashMap<>(exchange.getProperties());
        everything.putAll(exchange.getMessage().getHeaders());
        return everything.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof AccessToken
                        || String.valueOf(entry.getValue()).contains(StubIdentityServer.TOKEN_PREFIX))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
