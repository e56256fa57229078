package io.github.uipathbridge.credentials.vault;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line at TRACE from this project's loggers (logback) and from the vault-java-driver, which logs
 * through java.util.logging, including the messages and stack traces of logged exceptions. The console stays quiet.
 */
final class LogCapture implements AutoCloseable {

    private static final String[] LOGBACK_LOGGERS = {"io.github.uipathbridge", "io.github.jopenlibs"};

    private static final String[] JUL_LOGGERS = {"io.github.jopenlibs", "jdk.internal.httpclient", "java.net.http"};

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private final List<String> julLines = new ArrayList<>();

    private final List<Level> previousLevels = new ArrayList<>();

    private final List<java.util.logging.Level> previousJulLevels = new ArrayList<>();

    private final Handler julHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (julLines) {
                julLines.add(record.getLoggerName() + " " + record.getMessage() + " " + record.getThrown());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    LogCapture() {
        appender.start();
        for (String name : LOGBACK_LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            previousLevels.add(logger.getLevel());
            logger.setLevel(Level.TRACE);
            logger.addAppender(appender);
            logger.setAdditive(false);
        }
        julHandler.setLevel(java.util.logging.Level.ALL);
        for (String name : JUL_LOGGERS) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            previousJulLevels.add(logger.getLevel());
            logger.setLevel(java.util.logging.Level.ALL);
            logger.addHandler(julHandler);
        }
    }

    /** Every captured line: formatted message, logger, and the text of any attached exception chain. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder line =
                    new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }
        synchronized (julLines) {
            lines.addAll(julLines);
        }
        return lines;
    }

    @Override
    public void close() {
        for (int i = 0; i < LOGBACK_LOGGERS.length; i++) {
            Logger logger = (Logger) LoggerFactory.getLogger(LOGBACK_LOGGERS[i]);
            logger.detachAppender(appender);
            logger.setLevel(previousLevels.get(i));
            logger.setAdditive(true);
        }
        for (int i = 0; i < JUL_LOGGERS.length; i++) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(JUL_LOGGERS[i]);
            logger.removeHandler(julHandler);
            logger.setLevel(previousJulLevels.get(i));
        }
        appender.stop();
    }
}
