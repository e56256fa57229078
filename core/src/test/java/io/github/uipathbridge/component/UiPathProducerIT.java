package io.github.uipathbridge.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.uipathbridge.component.odata.ODataFilter;
import io.github.uipathbridge.simulator.FaultTarget;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UiPathProducerIT {

    private static final int QUEUE_ITEMS = 2500;

    private static SimulatorFixture fixture;

    private CamelContext context;

    private ProducerTemplate template;

    @BeforeAll
    static void startSimulator() {
        fixture = SimulatorFixture.start(
                SimulatorOptions.builder().queueItems(QUEUE_ITEMS).rateLimitPerMinute(0));
    }

    @AfterAll
    static void stopSimulator() {
        fixture.close();
    }

    @BeforeEach
    void startCamel() throws Exception {
        context = fixture.context(0);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export")
                        .to("uipath:QueueItems?folderPath=Shared&pageSize=1000")
                        .split(body())
                        .streaming()
                        .to("mock:records");
                from("direct:count").to("uipath:raw?folderPath=Shared&path=RAW(/odata/QueueItems?$count=true&$top=0)");
                from("direct:find")
                        .to("uipath:QueueItems?folderPath=Finanças/Contas")
                        .split(body())
                        .streaming()
                        .to("mock:found");
                from("direct:add").to("uipath:addQueueItem?folderPath=Finanças/Contas&queueName=Faturas");
                from("direct:noFolder").to("uipath:QueueItems");
                from("direct:jobs")
                        .to("uipath:Jobs?folderPath=Shared&top=50")
                        .split(body())
                        .streaming()
                        .to("mock:jobs");
                from("direct:getJob").to("uipath:Jobs?folderPath=Shared&operation=get");
                from("direct:first")
                        .to("uipath:QueueItems?folderPath=Shared&top=1")
                        .to("mock:first");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        fixture.control().clearFaults();
        context.stop();
    }

    @Test
    void listStreamsEveryQueueItemOnceThroughPagesCappedAt100() throws Exception {
        long total =
                ((Number) template.requestBody("direct:count", null, Map.class).get("@odata.count")).longValue();
        MockEndpoint records = context.getEndpoint("mock:records", MockEndpoint.class);
        records.expectedMessageCount((int) total);
        long requestsBefore = fixture.control().stats().apiRequests();

        template.sendBody("direct:export", null);

        records.assertIsSatisfied();
        assertThat(total).isGreaterThan(2000);
        List<Long> ids =
                records.getExchanges().stream().map(UiPathProducerIT::id).toList();
        assertThat(ids).doesNotHaveDuplicates().isSorted();
        // The first request asks for 1000 and is refused with the limit of 100; then every page of 100, then the empty
        // one that ends the stream.
        long pages = (total + 99) / 100;
        assertThat(fixture.control().stats().apiRequests() - requestsBefore).isEqualTo(1 + pages + 1);
    }

    @Test
    void getByKeyFindsTheRecordWhetherTheKeyStartsWithADigitOrALetter() {
        Map<Character, Map<?, ?>> firstByKind = new HashMap<>();
        template.sendBody("direct:jobs", null);
        for (Exchange listed :
                context.getEndpoint("mock:jobs", MockEndpoint.class).getReceivedExchanges()) {
            Map<?, ?> job = listed.getMessage().getBody(Map.class);
            char first = job.get("Key").toString().charAt(0);
            firstByKind.putIfAbsent(Character.isDigit(first) ? 'd' : 'l', job);
        }
        assertThat(firstByKind).containsKeys('d', 'l');

        for (Map<?, ?> job : firstByKind.values()) {
            Object found = template.requestBodyAndHeader("direct:getJob", null, UiPathConstants.KEY, job.get("Key"));
            assertThat(found).isInstanceOf(Map.class);
            assertThat(((Map<?, ?>) found).get("Id")).isEqualTo(job.get("Id"));
        }
    }

    @Test
    void filterOnAReferenceWithAQuoteMatchesExactly() throws Exception {
        addWithReference("O'Brien-42");
        addWithReference("O''Brien-42");
        addWithReference("OBrien-42");
        MockEndpoint found = context.getEndpoint("mock:found", MockEndpoint.class);
        found.expectedMessageCount(1);

        template.sendBodyAndHeader(
                "direct:find",
                null,
                UiPathConstants.FILTER,
                ODataFilter.eq("Reference", "O'Brien-42").toString());

        found.assertIsSatisfied();
        assertThat(found.getExchanges().get(0).getMessage().getBody(Map.class))
                .containsEntry("Reference", "O'Brien-42");
    }

    @Test
    void missingFolderOnAFolderScopedSetRaisesError1101() {
        Exchange answer = template.request("direct:noFolder", exchange -> {});

        assertThat(answer.getException()).isInstanceOfSatisfying(UiPathApiException.class, error -> {
            assertThat(error.getStatusCode()).isEqualTo(400);
            assertThat(error.getErrorCode()).isEqualTo(1101);
            assertThat(error.getServiceMessage()).isEqualTo("An organization unit is required for this action.");
            assertThat(error.getTraceId()).isNotBlank();
        });
    }

    @Test
    void rateLimitedCallsAreRetriedAfterRetryAfter() throws Exception {
        fixture.control().injectRateLimit(FaultTarget.API, Duration.ofSeconds(1), 2);
        long limitedBefore = fixture.control().stats().rateLimited();
        MockEndpoint first = context.getEndpoint("mock:first", MockEndpoint.class);
        first.expectedMessageCount(1);

        template.sendBody("direct:first", null);

        first.assertIsSatisfied();
        assertThat(fixture.control().stats().rateLimited() - limitedBefore).isEqualTo(2);
    }

    @Test
    void droppedConnectionAndServerErrorOnAGetAreRetried() throws Exception {
        fixture.control().injectDroppedConnection(FaultTarget.API, 1);
        fixture.control().injectStatus(FaultTarget.API, 502, 1);
        long faultsBefore = fixture.control().stats().faultsInjected();
        MockEndpoint first = context.getEndpoint("mock:first", MockEndpoint.class);
        first.expectedMessageCount(1);

        template.sendBody("direct:first", null);

        first.assertIsSatisfied();
        assertThat(fixture.control().stats().faultsInjected() - faultsBefore).isEqualTo(2);
    }

    @Test
    void duplicateReferenceRaisesTheTypedErrorWith1016() {
        String reference = "dup-" + System.nanoTime();
        addWithReference(reference);

        assertThatThrownBy(() -> addWithReference(reference))
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(UiPathApiException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(409);
                    assertThat(error.getErrorCode()).isEqualTo(1016);
                });
    }

    @Test
    void noAuthorizationHeaderOrTokenReachesTheNextEndpoint() throws Exception {
        MockEndpoint first = context.getEndpoint("mock:first", MockEndpoint.class);
        first.expectedMessageCount(1);

        template.send("direct:first", exchange -> {
            exchange.getMessage().setHeader("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig");
            exchange.getMessage().setHeader("Cookie", "session=CANARY");
            exchange.getMessage().setHeader("Keep", "me");
        });

        first.assertIsSatisfied();
        Exchange received = first.getExchanges().get(0);
        assertThat(received.getMessage().getHeaders())
                .containsEntry("Keep", "me")
                .doesNotContainKeys("Authorization", "Cookie");
        assertThat(received.getMessage().getHeaders().values())
                .allSatisfy(value ->
                        assertThat(String.valueOf(value)).doesNotContain("eyJ").doesNotContainIgnoringCase("bearer"));
        assertThat(received.getProperties().values())
                .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain("eyJ"));
    }

    private void addWithReference(String reference) {
        template.sendBody(
                "direct:add", Map.of("SpecificContent", Map.of("Customer", "Contoso"), "Reference", reference));
    }

    private static long id(Exchange exchange) {
        return ((Number) exchange.getMessage().getBody(Map.class).get("Id")).longValue();
    }
}
