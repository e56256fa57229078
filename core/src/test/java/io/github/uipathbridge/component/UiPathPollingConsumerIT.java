package io.github.uipathbridge.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.uipathbridge.simulator.FaultTarget;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiPathPollingConsumerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private SimulatorFixture fixture;

    private CamelContext context;

    private final List<Long> polled = new CopyOnWriteArrayList<>();

    @TempDir
    Path stateDir;

    @BeforeEach
    void startSimulator() {
        fixture = SimulatorFixture.start(
                SimulatorOptions.builder().queueItems(400).rateLimitPerMinute(0));
        context = fixture.context(0);
    }

    @AfterEach
    void stopAll() {
        context.stop();
        fixture.close();
    }

    @Test
    void keysetPollingWhileItemsAreAddedMissesNoneAndRepeatsNone() throws Exception {
        context.getRegistry().bind("state", new MemoryStateRepository());
        poll("uipath:QueueItems?folderPath=Shared&stateRepository=#state&delay=20&pageSize=50");
        context.start();

        for (int batch = 0; batch < 5; batch++) {
            fixture.control().addQueueItems("Shared", "Orders", 40);
        }

        Set<Long> expected = sharedQueueItemIds();
        await().atMost(PATIENCE).until(() -> polled.size() >= expected.size());
        assertThat(polled).doesNotHaveDuplicates().isSorted();
        assertThat(new TreeSet<>(polled)).isEqualTo(expected);
    }

    @Test
    void routeRestartedMidwayResumesFromItsStoredWatermark() throws Exception {
        String uri = "uipath:QueueItems?folderPath=Shared&delay=20&pageSize=25&stateFile="
                + stateDir.resolve("watermarks.dat");
        poll(uri);
        context.start();
        await().atMost(PATIENCE).until(() -> polled.size() >= 100);

        context.getRouteController().stopRoute("poller");
        int beforeRestart = polled.size();
        fixture.control().addQueueItems("Shared", "Orders", 30);
        context.getRouteController().startRoute("poller");

        Set<Long> expected = sharedQueueItemIds();
        await().atMost(PATIENCE).until(() -> polled.size() >= expected.size());
        assertThat(beforeRestart).isLessThan(expected.size());
        assertThat(polled).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(polled)).isEqualTo(expected);
    }

    @Test
    void pollingGoesOnAfterRateLimitingAndServerErrors() throws Exception {
        fixture.control().injectRateLimit(FaultTarget.API, Duration.ofSeconds(1), 1);
        fixture.control().injectStatus(FaultTarget.API, 503, 1);
        long limitedBefore = fixture.control().stats().rateLimited();
        context.getRegistry().bind("state", new MemoryStateRepository());
        poll("uipath:QueueItems?folderPath=Shared&stateRepository=#state&delay=20&pageSize=100");
        context.start();

        Set<Long> expected = sharedQueueItemIds();
        await().atMost(PATIENCE).until(() -> polled.size() >= expected.size());
        assertThat(new TreeSet<>(polled)).isEqualTo(expected);
        assertThat(fixture.control().stats().rateLimited() - limitedBefore).isEqualTo(1);
    }

    @Test
    void creationTimeWatermarkReadsEveryJobOnce() throws Exception {
        List<Long> jobs = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("state", new MemoryStateRepository());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("uipath:Jobs?folderPath=Shared&watermarkField=CreationTime&stateRepository=#state&delay=20")
                        .process(exchange -> jobs.add(id(exchange)));
                from("direct:jobs")
                        .to("uipath:Jobs?folderPath=Shared")
                        .split(body())
                        .streaming()
                        .to("mock:jobs");
            }
        });
        context.start();

        MockEndpoint all = context.getEndpoint("mock:jobs", MockEndpoint.class);
        context.createProducerTemplate().sendBody("direct:jobs", null);
        Set<Long> expected = new TreeSet<>();
        all.getExchanges().forEach(exchange -> expected.add(id(exchange)));
        await().atMost(PATIENCE).until(() -> jobs.size() >= expected.size());
        assertThat(expected).isNotEmpty();
        assertThat(jobs).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(jobs)).isEqualTo(expected);
    }

    @Test
    void recordsAlreadyInTheIdempotentRepositoryAreSkipped() throws Exception {
        MemoryIdempotentRepository seen = new MemoryIdempotentRepository();
        seen.start();
        Set<Long> expected = new TreeSet<>();
        context.getRegistry().bind("state", new MemoryStateRepository());
        context.getRegistry().bind("seen", seen);
        poll("uipath:QueueItems?folderPath=Shared&stateRepository=#state&idempotentRepository=#seen&delay=20", false);
        context.start();
        expected.addAll(sharedQueueItemIds());
        List<Long> skipped = expected.stream().limit(10).toList();
        skipped.forEach(id -> seen.add(Long.toString(id)));
        expected.removeAll(skipped);

        context.getRouteController().startRoute("poller");

        await().atMost(PATIENCE).until(() -> polled.size() >= expected.size());
        assertThat(polled).doesNotHaveDuplicates().doesNotContainAnyElementsOf(skipped);
        assertThat(new TreeSet<>(polled)).isEqualTo(expected);
    }

    private void poll(String uri) throws Exception {
        poll(uri, true);
    }

    private void poll(String uri, boolean autoStartup) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poller").autoStartup(autoStartup).process(exchange -> polled.add(id(exchange)));
                from("direct:all")
                        .to("uipath:QueueItems?folderPath=Shared&select=Id")
                        .split(body())
                        .streaming()
                        .to("mock:all");
            }
        });
    }

    private Set<Long> sharedQueueItemIds() {
        List<Long> ids = new ArrayList<>();
        context.createFluentProducerTemplate()
                .to("direct:all")
                .send()
                .getContext()
                .getEndpoint("mock:all", MockEndpoint.class)
                .getExchanges()
                .forEach(exchange -> ids.add(id(exchange)));
        return new TreeSet<>(ids);
    }

    private static long id(Exchange exchange) {
        return ((Number) exchange.getMessage().getBody(Map.class).get("Id")).longValue();
    }
}
