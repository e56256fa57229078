package io.github.uipathbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Verbose mode shows DEBUG but keeps header, wire and noisy loggers at INFO. */
class LogLevelsTest {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private final Level rootBefore = root.getLevel();

    @AfterEach
    void restoreLevels() {
        root.setLevel(rootBefore);
        for (String name : LogLevels.NOISE) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(null);
        }
    }

    @Test
    void verboseKeepsBeanutilsConvertersAtInfo() {
        LogLevels.verbose(Level.DEBUG);

        assertThat(LoggerFactory.getLogger("org.apache.commons.beanutils.converters.ArrayConverter")
                        .isDebugEnabled())
                .isFalse();
        assertThat(LoggerFactory.getLogger("io.github.uipathbridge.app.TenantSession")
                        .isDebugEnabled())
                .isTrue();
    }

    @Test
    void verboseKeepsConnectionPoolAndPerRecordLoggersAtInfo() {
        LogLevels.verbose(Level.DEBUG);

        assertThat(LoggerFactory.getLogger("org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager")
                        .isDebugEnabled())
                .isFalse();
        assertThat(LoggerFactory.getLogger("org.apache.camel.processor.SendProcessor")
                        .isDebugEnabled())
                .isFalse();
    }
}
