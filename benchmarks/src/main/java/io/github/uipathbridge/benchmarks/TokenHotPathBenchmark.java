package io.github.uipathbridge.benchmarks;

import io.github.uipathbridge.camel.UiPathAuthProcessor;
import io.github.uipathbridge.token.TokenProvider;
import io.github.uipathbridge.token.TokenService;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.OAuth2ClientConfigurer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The token hot path: a cached token put on a request, ours against a static header and against camel-http's own
 * {@code oauth2*} options with {@code oauth2CacheTokens=true}.
 *
 * <p>{@code step_*} measure the token step alone on a fresh request object: our {@link UiPathAuthProcessor} and the
 * route's {@code setHeader("Authorization", constant(...))} step on a new Camel exchange; camel-http's OAuth2 request
 * interceptor and a static {@code setHeader} on a new HTTP-client request, since that is where camel-http does the
 * work. {@code call_*} measure a whole route: the token step and a real camel-http call to a stub Orchestrator on
 * loopback, so each variant does the same call and differs only in how the token gets on. Every token is JWT-sized
 * (about 1,100 characters) and cached before measuring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenHotPathBenchmark {

    private static final String STATIC_AUTHORIZATION = "Bearer " + FakeJwt.token(0);

    private LoopbackStubs stubs;

    private TokenService tokenService;

    private CamelContext camel;

    private ProducerTemplate template;

    private Processor staticStep;

    private Processor oursStep;

    private HttpRequestInterceptor camelOAuth2Interceptor;

    private HttpClientContext httpContext;

    private String apiUrl;

    private Endpoint staticCall;

    private Endpoint oursCall;

    private Endpoint oursAuthorizedCall;

    private Endpoint camelOAuth2Call;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        stubs = new LoopbackStubs();
        tokenService = TokenService.create();
        TokenProvider tokens = tokenService.provider(stubs.tokenOptions());
        UiPathAuthProcessor auth = UiPathAuthProcessor.builder(tokens).build();
        apiUrl = stubs.odata("Machines");

        camel = new DefaultCamelContext();
        camel.addRoutes(routes(auth));
        camel.start();
        template = camel.createProducerTemplate();

        staticStep = camel.getProcessor("staticStep");
        // The route's own step for the static header; for ours, the processor the route's process() step calls.
        oursStep = auth;
        staticCall = camel.getEndpoint("direct:staticCall");
        oursCall = camel.getEndpoint("direct:oursCall");
        oursAuthorizedCall = camel.getEndpoint("direct:oursAuthorizedCall");
        camelOAuth2Call = camel.getEndpoint("direct:camelOAuth2Call");
        camelOAuth2Interceptor = camelOAuth2Interceptor();
        httpContext = HttpClientContext.create();

        warmTokenCachesAndCheck();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        camel.close();
        tokenService.close();
        stubs.close();
    }

    @Benchmark
    public Exchange step_staticHeader() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        staticStep.process(exchange);
        return exchange;
    }

    @Benchmark
    public Exchange step_ours() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        oursStep.process(exchange);
        return exchange;
    }

    @Benchmark
    public HttpRequest step_httpRequestStaticHeader() {
        HttpGet request = new HttpGet(apiUrl);
        request.setHeader("Authorization", STATIC_AUTHORIZATION);
        return request;
    }

    @Benchmark
    public HttpRequest step_camelHttpOAuth2() throws Exception {
        HttpGet request = new HttpGet(apiUrl);
        camelOAuth2Interceptor.process(request, null, httpContext);
        return request;
    }

    @Benchmark
    public Exchange call_staticHeader() {
        return template.send(staticCall, exchange -> {});
    }

    @Benchmark
    public Exchange call_ours() {
        return template.send(oursCall, exchange -> {});
    }

    @Benchmark
    public Exchange call_oursAuthorizedCall() {
        return template.send(oursAuthorizedCall, exchange -> {});
    }

    @Benchmark
    public Exchange call_camelHttpOAuth2() {
        return template.send(camelOAuth2Call, exchange -> {});
    }

    private RouteBuilder routes(UiPathAuthProcessor auth) {
        String http = apiUrl;
        String oauth2 = http + "?oauth2ClientId=" + LoopbackStubs.CLIENT_ID
                + "&oauth2ClientSecret=RAW(" + LoopbackStubs.CLIENT_SECRET + ")"
                + "&oauth2TokenEndpoint=" + stubs.tokenEndpoint()
                + "&oauth2Scope=" + LoopbackStubs.SCOPE
                + "&oauth2BodyAuthentication=true&oauth2CacheTokens=true";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:staticStep")
                        .setHeader("Authorization", constant(STATIC_AUTHORIZATION))
                        .id("staticStep");

                from("direct:staticCall")
                        .setHeader("Authorization", constant(STATIC_AUTHORIZATION))
                        .to(http);
                from("direct:oursCall").process(auth).to(http).process(auth.after());
                from("direct:oursAuthorizedCall").process(auth.call(http));
                from("direct:camelOAuth2Call").to(oauth2);
            }
        };
    }

    // camel-http adds its OAuth2 interceptor to the HTTP client builder; take it from there to time it alone.
    private HttpRequestInterceptor camelOAuth2Interceptor() throws ReflectiveOperationException {
        OAuth2ClientConfigurer configurer = new OAuth2ClientConfigurer(
                LoopbackStubs.CLIENT_ID,
                LoopbackStubs.CLIENT_SECRET,
                stubs.tokenEndpoint(),
                null,
                LoopbackStubs.SCOPE,
                true,
                3600,
                5,
                true);
        HttpClientBuilder builder = HttpClientBuilder.create();
        configurer.configureHttpClient(builder);
        Field entries = HttpClientBuilder.class.getDeclaredField("requestInterceptors");
        entries.setAccessible(true);
        Object entry = ((List<?>) entries.get(builder)).get(0);
        Field interceptor = entry.getClass().getDeclaredField("interceptor");
        interceptor.setAccessible(true);
        return (HttpRequestInterceptor) interceptor.get(entry);
    }

    private void warmTokenCachesAndCheck() throws Exception {
        for (Endpoint call : List.of(staticCall, oursCall, oursAuthorizedCall, camelOAuth2Call)) {
            Exchange done = template.send(call, exchange -> {});
            Integer status = done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            if (done.getException() != null || status == null || status != 200) {
                throw new IllegalStateException(call + " did not answer 200 with a bearer token", done.getException());
            }
        }
        step_ours();
        HttpRequest request = step_camelHttpOAuth2();
        if (request.getFirstHeader("Authorization") == null) {
            throw new IllegalStateException("camel-http's OAuth2 interceptor put no Authorization header");
        }
        // Ours: one token for every route. camel-http: one per request URI, shared JVM-wide (a static map).
        if (stubs.tokenRequests() < 2 || stubs.tokenRequests() > 3) {
            throw new IllegalStateException("expected 2 or 3 token requests to warm up, not " + stubs.tokenRequests());
        }
    }
}
