package io.github.uipathbridge.credentials;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed credential reference: one string that says where a client id and secret pair lives.
 *
 * <p>The form is {@code scheme:path[?name=value&...]}: {@code env:}, {@code env:PREFIX},
 * {@code file:/run/secrets/uipath}, {@code vault:secret/uipath/prod?version=3}, {@code aws:prod/uipath}. The path is
 * everything between the first colon and the first {@code ?}, so an ARN keeps its colons. Option values are
 * percent-decoded. A reference holds no secret and may be logged.
 */
public final class CredentialReference {

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

    private final String scheme;

    private final String path;

    private final Map<String, String> options;

    private final String text;

    private CredentialReference(String scheme, String path, Map<String, String> options, String text) {
        this.scheme = scheme;
        this.path = path;
        this.options = options;
        this.text = text;
    }

    /**
     * Parses a reference.
     *
     * @throws CredentialsException with reason {@code INVALID_REFERENCE} if the text has no scheme or a malformed
     *     option
     */
    public static CredentialReference parse(String reference) {
        Objects.requireNonNull(reference, "reference must not be null");
        String text = reference.strip();
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw invalid(text, "expected scheme:path, for example env: or vault:secret/uipath");
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!SCHEME.matcher(scheme).matches()) {
            throw invalid(text, "the scheme '" + scheme + "' is not a valid scheme name");
        }
        String rest = text.substring(colon + 1);
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        Map<String, String> options = question < 0 ? Map.of() : parseOptions(text, rest.substring(question + 1));
        return new CredentialReference(scheme, path, options, text);
    }

    public String scheme() {
        return scheme;
    }

    /** The part between the scheme and the options; may be empty (as in {@code env:}). */
    public String path() {
        return path;
    }

    /** The options after {@code ?}, decoded, in the order given. */
    public Map<String, String> options() {
        return options;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /**
     * Rejects options this store does not know, so a typo is reported when the store is opened.
     *
     * @throws CredentialsException with reason {@code INVALID_REFERENCE} naming the unknown option and the known ones
     */
    public CredentialReference requireOnlyOptions(String... known) {
        for (String name : options.keySet()) {
            boolean found = false;
            for (String candidate : known) {
                found |= candidate.equals(name);
            }
            if (!found) {
                throw invalid(
                        text,
                        "unknown option '" + name + "'; " + scheme + ": accepts "
                                + (known.length == 0 ? "no options" : String.join(", ", known)));
            }
        }
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CredentialReference that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The reference as written. */
    @Override
    public String toString() {
        return text;
    }

    private static Map<String, String> parseOptions(String text, String query) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw invalid(text, "option '" + pair + "' is not name=value");
            }
            String name = decode(text, pair.substring(0, equals));
            if (options.put(name, decode(text, pair.substring(equals + 1))) != null) {
                throw invalid(text, "option '" + name + "' is given twice");
            }
        }
        return Collections.unmodifiableMap(options);
    }

    private static String decode(String text, String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CredentialsException(
                    CredentialsException.Reason.INVALID_REFERENCE,
                    "Credential reference '" + text + "' has a malformed percent-encoding",
                    e);
        }
    }

    static CredentialsException invalid(String text, String why) {
        return new CredentialsException(
                CredentialsException.Reason.INVALID_REFERENCE, "Credential reference '" + text + "': " + why);
    }
}
