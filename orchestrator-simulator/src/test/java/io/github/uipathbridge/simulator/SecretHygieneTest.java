package io.github.uipathbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Client secrets, webhook secrets and tokens never reach a log line or a toString, even at TRACE. */
class SecretHygieneTest {

    private static final String CANARY = "CANARY-SECRET-7f3a";
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Level previous;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(previous);
    }

    @Test
    void secretsAndTokensStayOutOfLogsAndToString() {
        SimulatorOptions options =
                SimulatorOptions.builder().clientSecret(CANARY).queueItems(20).build();
        try (OrchestratorSimulator sim = OrchestratorSimulator.start(options);
                WebhookReceiver failing = new WebhookReceiver(500)) {
            String token = TestHttp.token(sim);
            TestHttp.postForm(
                    sim.tokenUrl(),
                    Map.of("grant_type", "client_credentials", "client_id", "x", "client_secret", CANARY));
            ApiCalls api = new ApiCalls(sim, token, false);
            api.post(
                    "odata/Webhooks",
                    "{\"Name\":\"w\",\"Url\":\"" + failing.url() + "\",\"Enabled\":true," + "\"Secret\":\"" + CANARY
                            + "\",\"SubscribeToAllEvents\":true,\"AllowInsecureSsl\":false}");
            api.get("odata/Machines?$filter=" + TestHttp.q("Name eq '" + CANARY + "'"));
            new ApiCalls(sim, token + "x", false).get("odata/Machines");
            sim.control().advance().join();

            List<String> lines = appender.list.stream()
                    .map(e -> e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                    .toList();
            assertThat(lines).isNotEmpty();
            assertThat(lines).noneMatch(line -> line.contains(CANARY) || line.contains("eyJ"));
            assertThat(options.toString()).doesNotContain(CANARY);
            assertThat(sim.toString()).doesNotContain(CANARY);
        }
    }
}
