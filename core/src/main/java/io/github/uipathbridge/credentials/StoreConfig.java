package io.github.uipathbridge.credentials;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings a {@link CredentialStore} reads when it is opened: addresses, timeouts, login details.
 *
 * <p>Keys are dotted and lower case, under {@code uipath.credentials.<scheme>.}, for example
 * {@code uipath.credentials.vault.address}. {@link #environment(String)} reads the process environment (or what a test
 * puts in its place), for the variables a store honours by convention such as {@code VAULT_ADDR} or
 * {@code AWS_REGION}.
 */
public interface StoreConfig {

    /** The value of a setting, if set and not blank. */
    Optional<String> get(String key);

    /**
     * An environment variable, if set and not blank. The default reads a JVM system property of the same name first,
     * then the process environment.
     */
    default Optional<String> environment(String name) {
        return nonBlank(System.getProperty(name)).or(() -> nonBlank(System.getenv(name)));
    }

    /** A setting, else the environment variable named, else nothing. */
    default Optional<String> get(String key, String environmentVariable) {
        return get(key).or(() -> environment(environmentVariable));
    }

    /**
     * A duration setting: ISO-8601 ({@code PT30S}) or a number with a unit suffix {@code ms}, {@code s}, {@code m},
     * {@code h} ({@code 30s}); a bare number is seconds.
     *
     * @throws CredentialsException with reason {@code CONFIGURATION} naming the key if the value cannot be parsed
     */
    default Duration getDuration(String key, Duration defaultValue) {
        return get(key).map(value -> parseDuration(key, value)).orElse(defaultValue);
    }

    /**
     * A boolean setting, {@code true} or {@code false}.
     *
     * @throws CredentialsException with reason {@code CONFIGURATION} naming the key for any other value
     */
    default boolean getBoolean(String key, boolean defaultValue) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new CredentialsException(
                        CredentialsException.Reason.CONFIGURATION,
                        "Setting " + key + " must be true or false, not '" + value.get() + "'");
        };
    }

    /**
     * Settings from system properties, then from environment variables named after the key in upper case with dots as
     * underscores ({@code uipath.credentials.vault.address} from {@code UIPATH_CREDENTIALS_VAULT_ADDRESS}).
     */
    static StoreConfig system() {
        return key -> nonBlank(System.getProperty(key)).or(() -> nonBlank(System.getenv(environmentName(key))));
    }

    /** Settings from a lookup function (Camel's property resolver, a map); environment as in {@link #system()}. */
    static StoreConfig from(Function<String, String> lookup) {
        return key -> nonBlank(lookup.apply(key));
    }

    /** Fixed settings and a fixed environment, for tests and embedding. */
    static StoreConfig of(Map<String, String> settings, Map<String, String> environment) {
        Map<String, String> settingsCopy = Map.copyOf(settings);
        Map<String, String> environmentCopy = Map.copyOf(environment);
        return new StoreConfig() {
            @Override
            public Optional<String> get(String key) {
                return nonBlank(settingsCopy.get(key));
            }

            @Override
            public Optional<String> environment(String name) {
                return nonBlank(environmentCopy.get(name));
            }
        };
    }

    /** The environment variable that {@link #system()} reads for a key. */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Duration parseDuration(String key, String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(
                        Long.parseLong(text.substring(0, text.length() - 2).strip()));
            }
            char unit = text.charAt(text.length() - 1);
            String number = Character.isDigit(unit)
                    ? text
                    : text.substring(0, text.length() - 1).strip();
            long amount = Long.parseLong(number);
            return switch (unit) {
                case 'h' -> Duration.ofHours(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 's' -> Duration.ofSeconds(amount);
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw new NumberFormatException("unknown unit " + unit);
                    }
                    yield Duration.ofSeconds(amount);
                }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new CredentialsException(
                    CredentialsException.Reason.CONFIGURATION,
                    "Setting " + key + " must be a duration such as 30s, 500ms, 5m or PT30S, not '" + value + "'",
                    e);
        }
    }
}
