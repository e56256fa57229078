package io.github.uipathbridge.benchmarks;

import io.github.uipathbridge.camel.UiPathAuthProcessor;
import io.github.uipathbridge.token.TokenService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Counts token requests, ours against camel-http's {@code oauth2*} options with {@code oauth2CacheTokens=true}, for
 * two workloads against a counting identity server and a stub Orchestrator on loopback:
 *
 * <ul>
 *   <li>cold start: 50 callers send their first call at the same moment through one endpoint, the identity server
 *       taking 200 ms to answer;
 *   <li>export: 100 pages read one after another through one endpoint, each page its own query string ({@code
 *       $top=100&$skip=...}), as a paging export does.
 * </ul>
 *
 * <p>Each scenario gets a fresh token service and a client id of its own, because camel-http keeps its token cache in
 * a static, JVM-wide map. Prints one line per scenario (token requests, API calls, and how many different tokens the
 * API received) and fails if any call did not answer 200.
 */
public final class TokenRequestCount {

    private static final int CALLERS = 50;

    private static final int PAGES = 100;

    private static final Duration COLD_START_DELAY = Duration.ofMillis(200);

    private TokenRequestCount() {}

    public static void main(String[] args) throws Exception {
        try (LoopbackStubs stubs = new LoopbackStubs()) {
            System.out.printf(
                    "%-12s %-34s %15s %13s %15s%n",
                    "scenario", "client", "token requests", "API requests", "tokens sent");
            print("cold start", "uipath-bridge UiPathAuthProcessor", coldStart(stubs, Client.OURS));
            print("cold start", "camel-http oauth2CacheTokens", coldStart(stubs, Client.CAMEL_HTTP));
            print("export", "uipath-bridge UiPathAuthProcessor", export(stubs, Client.OURS));
            print("export", "camel-http oauth2CacheTokens", export(stubs, Client.CAMEL_HTTP));
        }
    }

    private enum Client {
        OURS,
        CAMEL_HTTP
    }

    private record Count(int tokenRequests, int apiRequests, int tokensSent) {}

    private static Count coldStart(LoopbackStubs stubs, Client client) throws Exception {
        stubs.tokenDelay(COLD_START_DELAY);
        return run(stubs, client, "coldstart", template -> {
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Exchange>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                calls.add(callers.submit(() -> {
                    go.await();
                    return template.send("direct:call", exchange -> {});
                }));
            }
            go.countDown();
            for (Future<Exchange> call : calls) {
                requireOk(call.get());
            }
            callers.shutdown();
        });
    }

    private static Count export(LoopbackStubs stubs, Client client) throws Exception {
        stubs.tokenDelay(Duration.ZERO);
        return run(stubs, client, "export", template -> {
            for (int page = 0; page < PAGES; page++) {
                String query = "$top=100&$skip=" + (page * 100) + "&$orderby=Id";
                requireOk(template.send(
                        "direct:call", exchange -> exchange.getMessage().setHeader(Exchange.HTTP_QUERY, query)));
            }
        });
    }

    private interface Workload {
        void run(ProducerTemplate template) throws Exception;
    }

    private static Count run(LoopbackStubs stubs, Client client, String scenario, Workload workload) throws Exception {
        stubs.resetCounts();
        try (TokenService tokenService = TokenService.create();
                CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(route(stubs, client, scenario, tokenService));
            camel.start();
            workload.run(camel.createProducerTemplate());
            return new Count(stubs.tokenRequests(), stubs.apiRequests(), stubs.distinctTokensSeen());
        }
    }

    private static RouteBuilder route(LoopbackStubs stubs, Client client, String scenario, TokenService tokens) {
        String endpoint = stubs.odata("Machines") + "?throwExceptionOnFailure=false";
        if (client == Client.OURS) {
            UiPathAuthProcessor auth = UiPathAuthProcessor.builder(tokens.provider(stubs.tokenOptions()))
                    .folderPath("Shared")
                    .build();
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").process(auth.call(endpoint));
                }
            };
        }
        // A client id per scenario: camel-http's token cache is static, so scenarios would otherwise share tokens.
        String oauth2 = endpoint + "&oauth2ClientId=" + LoopbackStubs.CLIENT_ID + "-" + scenario
                + "&oauth2ClientSecret=RAW(" + LoopbackStubs.CLIENT_SECRET + ")"
                + "&oauth2TokenEndpoint=" + stubs.tokenEndpoint()
                + "&oauth2Scope=" + LoopbackStubs.SCOPE
                + "&oauth2BodyAuthentication=true&oauth2CacheTokens=true";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call")
                        .setHeader(UiPathAuthProcessor.FOLDER_PATH, constant("Shared"))
                        .to(oauth2);
            }
        };
    }

    private static void requireOk(Exchange done) {
        Integer status = done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (done.getException() != null || status == null || status != 200) {
            throw new IllegalStateException("a call did not answer 200 (status " + status + ")", done.getException());
        }
    }

    private static void print(String scenario, String client, Count count) {
        System.out.printf(
                "%-12s %-34s %15d %13d %15d%n",
                scenario, client, count.tokenRequests(), count.apiRequests(), count.tokensSent());
    }
}
