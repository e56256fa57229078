package io.github.uipathbridge.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Console log levels. Verbose output never includes the loggers that print HTTP headers or bytes: Apache HttpClient 5
 * (under camel-http) logs every request header, {@code Authorization: Bearer ...} included, at DEBUG on {@value
 * #HEADERS} and the raw bytes on {@value #WIRE}, so those stay at INFO whatever the level asked for. The loggers in
 * {@link #NOISE} stay at INFO too: at DEBUG they print thousands of lines per run (a line per converter registered,
 * per pooled connection, per record sent or appended to a file) that hide the lines that explain a problem.
 */
final class LogLevels {

    static final String HEADERS = "org.apache.hc.client5.http.headers";

    static final String WIRE = "org.apache.hc.client5.http.wire";

    /** Loggers kept at INFO in verbose mode because their DEBUG lines are per-record or start-up noise. */
    static final List<String> NOISE = List.of(
            "org.apache.commons.beanutils",
            "org.apache.hc.client5",
            "org.apache.hc.core5",
            "org.apache.camel.processor.SendProcessor",
            "org.apache.camel.processor.FilterProcessor",
            "org.apache.camel.component.file",
            "org.apache.camel.support.processor.state.FileStateRepository",
            "org.apache.camel.impl.converter",
            "io.netty",
            "io.undertow",
            "org.jboss",
            "org.xnio");

    private LogLevels() {}

    /** Sets the root level, keeping the header and wire loggers and the {@link #NOISE} loggers at INFO. */
    static void verbose(Level level) {
        logger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(level);
        for (String name : List.of(HEADERS, WIRE)) {
            logger(name).setLevel(Level.INFO);
        }
        for (String name : NOISE) {
            logger(name).setLevel(Level.INFO);
        }
    }

    /** Whether the console shows DEBUG, as with {@code --verbose}. */
    static boolean isVerbose() {
        return logger(org.slf4j.Logger.ROOT_LOGGER_NAME).isDebugEnabled();
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
