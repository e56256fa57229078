package io.github.uipathbridge.app;

import io.github.uipathbridge.credentials.StoreConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The application's {@code uipath.*} settings. A key is looked up in JVM system properties, then in the environment
 * (the key in upper case with dots and dashes as underscores: {@code uipath.out-dir} is {@code UIPATH_OUT_DIR}),
 * then in
 * the properties file, then in the built-in defaults. Values the application sets itself (the sandbox's URL and
 * credential reference) come before all of these. Immutable.
 */
public final class BridgeSettings {

    public static final String URL = "uipath.url";

    public static final String CREDENTIALS = "uipath.credentials";

    public static final String SCOPES = "uipath.scopes";

    public static final String IDENTITY_URL = "uipath.identity-url";

    public static final String CLIENT_AUTHENTICATION = "uipath.client-authentication";

    public static final String FOLDER_PATH = "uipath.folder-path";

    public static final String OUT_DIR = "uipath.out-dir";

    public static final String STATE_DIR = "uipath.state-dir";

    public static final String POLL_INTERVAL = "uipath.poll-interval";

    public static final String PAGE_SIZE = "uipath.page-size";

    public static final String JMS_BROKER_URL = "uipath.jms.broker-url";

    public static final String JMS_FAULTED_JOBS_QUEUE = "uipath.jms.faulted-jobs-queue";

    public static final String WEBHOOK_URL = "uipath.webhook.url";

    public static final String WEBHOOK_SIGNING_KEY_FILE = "uipath.webhook.signing-key-file";

    public static final String WEBHOOK_MAX_REDELIVERIES = "uipath.webhook.max-redeliveries";

    public static final String INBOX_DIR = "uipath.inbox.dir";

    public static final String INBOX_QUEUE = "uipath.inbox.queue";

    public static final String RECEIVER_PATH = "uipath.receiver.path";

    public static final String RECEIVER_SIGNING_KEY_FILE = "uipath.receiver.signing-key-file";

    public static final String RECEIVER_QUEUE = "uipath.receiver.queue";

    public static final String HTTP_PORT = "uipath.http.port";

    public static final String HTTP_HOST = "uipath.http.host";

    public static final String MANAGEMENT_ENABLED = "uipath.management.enabled";

    public static final String MANAGEMENT_PORT = "uipath.management.port";

    /** Scopes asked for when {@value #SCOPES} is not set: reading machines and jobs, reading and adding queue items. */
    public static final String DEFAULT_SCOPES = "OR.Machines.Read OR.Jobs.Read OR.Queues";

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(CREDENTIALS, "env:"),
            Map.entry(SCOPES, DEFAULT_SCOPES),
            Map.entry(CLIENT_AUTHENTICATION, "body"),
            Map.entry(FOLDER_PATH, "Shared"),
            Map.entry(OUT_DIR, "out"),
            Map.entry(POLL_INTERVAL, "60s"),
            Map.entry(PAGE_SIZE, "100"),
            Map.entry(JMS_FAULTED_JOBS_QUEUE, "uipath.faulted-jobs"),
            Map.entry(WEBHOOK_MAX_REDELIVERIES, "6"),
            Map.entry(INBOX_QUEUE, "Invoices"),
            Map.entry(RECEIVER_PATH, "/uipath/webhooks"),
            Map.entry(RECEIVER_QUEUE, "Orders"),
            Map.entry(HTTP_PORT, "8080"),
            Map.entry(HTTP_HOST, "0.0.0.0"),
            Map.entry(MANAGEMENT_ENABLED, "true"),
            Map.entry(MANAGEMENT_PORT, "9876"));

    private final Map<String, String> environment;

    private final Properties file;

    private final Map<String, String> overrides;

    private BridgeSettings(Map<String, String> environment, Properties file, Map<String, String> overrides) {
        this.environment = environment;
        this.file = file;
        this.overrides = overrides;
    }

    /**
     * Settings from a properties file (when it exists), the system properties and this environment.
     *
     * @param configFile the properties file, or {@code null} for none
     * @param environment the process environment, or a test's replacement
     * @throws ConfigurationException if the file is named but cannot be read
     */
    public static BridgeSettings load(Path configFile, Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment must not be null");
        Properties file = new Properties();
        if (configFile != null) {
            if (!Files.isReadable(configFile)) {
                throw new ConfigurationException("The configuration file " + configFile
                        + " cannot be read; fix the --config path or leave it out");
            }
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigurationException(
                        "The configuration file " + configFile + " is not a valid properties file: " + e.getMessage(),
                        e);
            }
        }
        return new BridgeSettings(Map.copyOf(environment), file, Map.of());
    }

    /** These settings with {@code key} set to {@code value}, whatever the other sources say. */
    public BridgeSettings with(String key, String value) {
        Map<String, String> copy = new HashMap<>(overrides);
        copy.put(key, value);
        return new BridgeSettings(environment, file, Map.copyOf(copy));
    }

    /** The value of a key, if set and not blank, else its default, if it has one. */
    public Optional<String> get(String key) {
        return nonBlank(overrides.get(key))
                .or(() -> nonBlank(System.getProperty(key)))
                .or(() -> nonBlank(environment.get(environmentName(key))))
                .or(() -> nonBlank(file.getProperty(key)))
                .or(() -> Optional.ofNullable(DEFAULTS.get(key)));
    }

    /** Whether the key was set anywhere (not counting built-in defaults). */
    public boolean isSet(String key) {
        return nonBlank(overrides.get(key))
                .or(() -> nonBlank(System.getProperty(key)))
                .or(() -> nonBlank(environment.get(environmentName(key))))
                .or(() -> nonBlank(file.getProperty(key)))
                .isPresent();
    }

    /**
     * The {@code camel.*} keys of the properties file (Camel Main settings such as {@code
     * camel.main.durationMaxSeconds}
     * or component options), passed to Camel as they are.
     */
    public Map<String, String> camelSettings() {
        Map<String, String> camel = new HashMap<>();
        for (String name : file.stringPropertyNames()) {
            if (name.startsWith("camel.")) {
                camel.put(name, file.getProperty(name));
            }
        }
        return Map.copyOf(camel);
    }

    /**
     * Parses and range-checks every setting that has a fixed form, so that a bad value stops the command before the
     * sandbox starts or a token is fetched.
     *
     * @return these settings
     * @throws ConfigurationException naming the first bad key, its value and what is allowed
     */
    public BridgeSettings validate() {
        getInt(PAGE_SIZE, 1, 1000);
        getInt(WEBHOOK_MAX_REDELIVERIES, 0, 100);
        getInt(HTTP_PORT, 0, 65535);
        getInt(MANAGEMENT_PORT, 0, 65535);
        getBoolean(MANAGEMENT_ENABLED);
        Duration poll = getDuration(POLL_INTERVAL);
        if (poll.isNegative() || poll.isZero()) {
            throw new ConfigurationException("Setting " + POLL_INTERVAL
                    + " must be a positive duration such as 30s, 5m or PT1M, not '" + require(POLL_INTERVAL) + "'");
        }
        String authentication = require(CLIENT_AUTHENTICATION).toLowerCase(Locale.ROOT);
        if (!Set.of("body", "basic", "basic-raw", "basic_raw").contains(authentication)) {
            throw new ConfigurationException("Setting " + CLIENT_AUTHENTICATION + " must be body, basic or basic-raw,"
                    + " not '" + require(CLIENT_AUTHENTICATION) + "'");
        }
        return this;
    }

    /** The value of a key that has a default. */
    public String require(String key) {
        return get(key).orElseThrow(() -> new ConfigurationException("Setting " + key
                + " is missing; set it in config/application.properties or as " + environmentName(key)));
    }

    public int getInt(String key) {
        String value = require(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Setting " + key + " must be a whole number, not '" + value + "'", e);
        }
    }

    /** A whole number from {@code min} to {@code max}, or a {@link ConfigurationException} saying so. */
    public int getInt(String key, int min, int max) {
        String value = require(key);
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(outOfRange(key, value, min, max), e);
        }
        if (number < min || number > max) {
            throw new ConfigurationException(outOfRange(key, value, min, max));
        }
        return number;
    }

    private static String outOfRange(String key, String value, int min, int max) {
        return "Setting " + key + " must be a whole number from " + min + " to " + max + ", not '" + value + "'";
    }

    public boolean getBoolean(String key) {
        String value = require(key).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigurationException("Setting " + key + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    public Duration getDuration(String key) {
        try {
            return asStoreConfig().getDuration(key, null);
        } catch (RuntimeException e) {
            throw new ConfigurationException(
                    "Setting " + key + " must be a duration such as 30s, 5m or PT1M, not '" + require(key) + "'", e);
        }
    }

    /** These settings as the {@link StoreConfig} credential stores read, with this environment. */
    public StoreConfig asStoreConfig() {
        return new StoreConfig() {
            @Override
            public Optional<String> get(String key) {
                return BridgeSettings.this.get(key);
            }

            @Override
            public Optional<String> environment(String name) {
                return nonBlank(System.getProperty(name)).or(() -> nonBlank(environment.get(name)));
            }
        };
    }

    /** The environment variable that sets a key. */
    public static String environmentName(String key) {
        return StoreConfig.environmentName(key);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
