package io.github.uipathbridge.credentials.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialStores;
import io.github.uipathbridge.credentials.CredentialsException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Everything the store and the AWS SDK log at TRACE while secrets are written, read, re-read, read while pending and
 * refused is captured, and no secret value appears in it, nor in an exception message.
 */
class SecretLoggingIT {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    private final List<Appender<ILoggingEvent>> consoleAppenders = new ArrayList<>();

    private final List<String> canaries = new ArrayList<>();

    private final List<String> otherVisibleText = new ArrayList<>();

    private Level rootLevel;

    @BeforeEach
    void captureEverythingAtTrace() {
        rootLevel = root.getLevel();
        // The console appenders are detached so that TRACE output does not flood the build log.
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            consoleAppenders.add(it.next());
        }
        consoleAppenders.forEach(root::detachAppender);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.TRACE);
    }

    @AfterEach
    void restoreLogging() {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        consoleAppenders.forEach(root::addAppender);
    }

    @Test
    void shouldLogNoSecretValueAtTrace() {
        try (SecretsManagerClient admin = Moto.adminClient()) {
            readEveryFormat(admin);
            readRotation(admin);
            readRefusedContent(admin);
        }

        List<String> lines = capturedText();
        assertThat(captured.list).extracting(ILoggingEvent::getLoggerName).contains("software.amazon.awssdk.request");
        assertThat(lines).anyMatch(line -> line.contains("secretsmanager.GetSecretValue"));
        assertThat(lines).anyMatch(line -> line.contains("Read AWSPENDING version"));
        assertThat(captured.list)
                .extracting(ILoggingEvent::getLoggerName)
                .noneMatch(name ->
                        name.startsWith("org.apache.hc.client5.http.wire") || name.startsWith("org.apache.http.wire"));
        for (String canary : canaries) {
            assertThat(lines).noneMatch(line -> line.contains(canary));
            assertThat(otherVisibleText).noneMatch(text -> text.contains(canary));
        }
    }

    private void readEveryFormat(SecretsManagerClient admin) {
        String json = Moto.uniqueName("log-json");
        Moto.createString(admin, json, Moto.json("app", canary()));
        String binary = Moto.uniqueName("log-binary");
        Moto.createBinary(admin, binary, Moto.json("app", canary()));
        String plain = Moto.uniqueName("log-plain");
        Moto.createString(admin, plain, canary());

        read("aws:" + json);
        read("aws:" + binary);
        read("aws:" + plain + "?clientId=app");
    }

    private void readRotation(SecretsManagerClient admin) {
        String name = Moto.uniqueName("log-rotation");
        Moto.createString(admin, name, Moto.json("app", canary()));
        Moto.put(admin, name, Moto.json("app", canary()), "AWSPENDING");

        try (CredentialStore store = CredentialStores.open("aws:" + name, Moto.config())) {
            remember(store.read());
            remember(store.readFresh());
            remember(store.readPending());
        }
    }

    private void readRefusedContent(SecretsManagerClient admin) {
        String malformed = Moto.uniqueName("log-malformed");
        Moto.createString(admin, malformed, "{\"client_id\":\"app\",\"client_secret\":" + canary() + "}");
        String array = Moto.uniqueName("log-array");
        Moto.createString(admin, array, "[\"" + canary() + "\"]");
        String noClientId = Moto.uniqueName("log-no-client-id");
        Moto.createString(admin, noClientId, canary());

        refused("aws:" + malformed);
        refused("aws:" + array);
        refused("aws:" + noClientId);
        refused("aws:" + Moto.uniqueName("log-missing"));
    }

    private void read(String reference) {
        try (CredentialStore store = CredentialStores.open(reference, Moto.config())) {
            remember(store.read());
        }
    }

    private void refused(String reference) {
        try (CredentialStore store = CredentialStores.open(reference, Moto.config())) {
            CredentialsException e = catchThrowableOfType(CredentialsException.class, store::read);
            assertThat(e).isNotNull();
            for (Throwable t = e; t != null; t = t.getCause()) {
                otherVisibleText.add(String.valueOf(t));
            }
        }
    }

    private void remember(ClientCredentials credentials) {
        otherVisibleText.add(credentials.toString());
        otherVisibleText.add(credentials.source());
    }

    /**
     * A secret value whose random part is what the assertions look for, so a partial leak counts too. Underscores, not
     * dashes: a JSON parser's error message quotes an unquoted token up to the first character that cannot be in one.
     */
    private String canary() {
        String random = UUID.randomUUID().toString().replace("-", "");
        canaries.add(random);
        return "CANARY_SECRET_" + random;
    }

    private List<String> capturedText() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            lines.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getClassName() + ": " + t.getMessage());
            }
        }
        return lines;
    }
}
