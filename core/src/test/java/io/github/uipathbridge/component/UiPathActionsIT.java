package io.github.uipathbridge.component;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.uipathbridge.simulator.SimulatorOptions;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class UiPathActionsIT {

    private static SimulatorFixture fixture;

    private CamelContext context;

    private ProducerTemplate template;

    @BeforeAll
    static void startSimulator() {
        fixture =
                SimulatorFixture.start(SimulatorOptions.builder().queueItems(50).rateLimitPerMinute(0));
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
                from("direct:start").to("uipath:startJobs?folderPath=Shared");
                from("direct:stop").to("uipath:stopJob?folderPath=Shared&stopStrategy=Kill");
                from("direct:getJob").to("uipath:Jobs?folderPath=Shared&operation=get");
                from("direct:bulk").to("uipath:bulkAddQueueItems?folderPath=Shared&queueName=Claims");
                from("direct:raw").to("uipath:raw?path=/odata/Folders");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    @Test
    void startJobsWrapsTheBodyAsStartInfoAndAnswersTheStartedJobs() {
        List<Object> jobs = template.requestBody(
                "direct:start", Map.of("ReleaseName", "InvoiceProcessing", "JobsCount", 2), List.class);

        assertThat(jobs)
                .hasSize(2)
                .allSatisfy(job -> assertThat(((Map<?, ?>) job).get("Id")).isNotNull());
    }

    @Test
    void jobCanBeReadByIdAndStopped() {
        Map<?, ?> started = (Map<?, ?>) template.requestBody(
                        "direct:start", Map.of("startInfo", Map.of("ReleaseName", "DailyReport")), List.class)
                .get(0);
        Object id = started.get("Id");

        Map<?, ?> byId = template.requestBodyAndHeader("direct:getJob", null, UiPathConstants.ID, id, Map.class);
        template.sendBodyAndHeader("direct:stop", null, UiPathConstants.ID, id);
        Map<?, ?> afterStop = template.requestBodyAndHeader("direct:getJob", null, UiPathConstants.ID, id, Map.class);

        assertThat(byId.get("Key")).isEqualTo(started.get("Key"));
        assertThat(afterStop.get("StopStrategy")).isEqualTo("Kill");
    }

    @Test
    void bulkAddQueueItemsSendsEveryItemToTheQueue() {
        List<Map<String, Object>> items = List.of(Map.of("Claim", 1), Map.of("Claim", 2), Map.of("Claim", 3));

        Map<?, ?> answer = template.requestBody("direct:bulk", items, Map.class);

        assertThat(answer.get("Success")).isEqualTo(true);
        assertThat((List<?>) answer.get("FailedItems")).isEmpty();
    }

    @Test
    void rawCallAnswersTheJsonAsMaps() {
        Map<?, ?> answer = template.requestBody("direct:raw", null, Map.class);

        List<Object> names = new java.util.ArrayList<>();
        ((List<?>) answer.get("value")).forEach(folder -> names.add(((Map<?, ?>) folder).get("FullyQualifiedName")));
        assertThat(names).contains("Shared");
    }

    @Test
    void noTokenNorClientSecretIsLoggedAtTrace() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.TRACE);
        try {
            template.requestBody("direct:raw", null, Map.class);
            template.requestBody("direct:start", Map.of("ReleaseName", "OrderIntake"), List.class);
        } finally {
            root.setLevel(before);
            root.detachAppender(captured);
        }

        assertThat(captured.list).isNotEmpty();
        assertThat(captured.list)
                .allSatisfy(event -> assertThat(event.getFormattedMessage() + event.getThrowableProxy())
                        .doesNotContain("eyJ")
                        .doesNotContain(fixture.simulator().clientSecret()));
    }
}
