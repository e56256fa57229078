package io.github.uipathbridge.app;

/**
 * The configuration cannot work: a key is missing or wrong, the credentials cannot be read, the identity server or
 * Orchestrator refuses them. The message is one line that says what to fix; it never holds a secret. The command line
 * prints it and exits with {@value #EXIT_CODE}.
 */
public class ConfigurationException extends RuntimeException {

    /** The exit code of a command stopped by bad configuration. */
    public static final int EXIT_CODE = 2;

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
