package io.github.uipathbridge.token;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event at TRACE during a test and, after it, fails the test if any line, argument or exception in
 * the log holds a canary: the canary secret, any canary token, or another value the test registered.
 */
public final class CanaryLog implements BeforeEachCallback, AfterEachCallback {

    /** The client secret most tests use. */
    public static final String SECRET = "CANARY-SECRET-5b1e";

    /** Every token the stub identity server hands out starts with this. */
    public static final String TOKEN = "CANARY-TOKEN-";

    private final Set<String> forbidden = new CopyOnWriteArraySet<>(Set.of(SECRET, TOKEN, "eyJ"));

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private Level previous;

    /** Adds values that must appear nowhere. */
    public CanaryLog forbid(String... values) {
        forbidden.addAll(List.of(values));
        return this;
    }

    /** The formatted log lines seen so far. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            lines.add(event.getLevel() + " " + event.getFormattedMessage());
        }
        return lines;
    }

    /** Asserts that no text of this throwable, its causes and suppressed holds a canary. */
    public void assertClean(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertClean(String.valueOf(t.getMessage()));
            assertClean(t.toString());
        }
    }

    /** Asserts that a text holds no canary. */
    public void assertClean(String text) {
        for (String canary : forbidden) {
            assertThat(text).as("text that must hold no canary").doesNotContain(canary);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Logger root = root();
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger root = root();
        root.detachAppender(appender);
        root.setLevel(previous);
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            assertClean(event.getFormattedMessage());
            assertArgumentsClean(event.getArgumentArray());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertClean(String.valueOf(t.getMessage()));
            }
        }
    }

    private void assertArgumentsClean(Object[] arguments) {
        if (arguments != null) {
            for (Object argument : arguments) {
                assertClean(String.valueOf(argument));
            }
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
