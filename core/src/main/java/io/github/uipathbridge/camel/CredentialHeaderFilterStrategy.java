package io.github.uipathbridge.camel;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * A {@link HeaderFilterStrategy} that keeps credentials inside the call that needed them: a header is filtered, in
 * both directions, when {@link #isCredential(String, Object)} says it carries a credential, and otherwise when the
 * wrapped strategy says so.
 *
 * <p>Set it on the endpoint that forwards data out of a route (a queue, a webhook, another HTTP service) with the
 * endpoint's {@code headerFilterStrategy} option. Components bring their own strategy with defaults they rely on (for
 * example camel-http drops {@code Content-Length} and {@code Host}); wrap that one with
 * {@link #CredentialHeaderFilterStrategy(HeaderFilterStrategy)} instead of replacing it.
 *
 * <h2>The rule</h2>
 *
 * A header carries a credential when any of these holds:
 *
 * <ul>
 *   <li>its name, ignoring case and every character that is not a letter or digit, contains one of {@code
 *       authorization}, {@code cookie} (so {@code Cookie}, {@code Set-Cookie}), {@code token}, {@code secret}, {@code
 *       password}, {@code passwd}, {@code passphrase}, {@code apikey}, {@code credential}, {@code signature}, {@code
 *       privatekey}, {@code accesskey}, {@code subscriptionkey} or {@code sessionid};
 *   <li>one of its name's segments (split at {@code -}, {@code _} and {@code .}) is {@code auth} or {@code pwd}, as
 *       in {@code X-Auth} or {@code db_pwd};
 *   <li>its name starts with {@value #INTERNAL_PREFIX}, a prefix reserved for names this library may use internally
 *       around tokens;
 *   <li>its value is text that starts with an HTTP authorization scheme ({@code Bearer }, {@code Basic }, {@code
 *       Digest }, ignoring case) or has the shape of a JWT, whatever the header is called.
 * </ul>
 *
 * <p>Signature headers such as {@code X-UiPath-Signature} are filtered on purpose: the signature authenticates the
 * original call, a downstream receiver has no key to check it, and forwarding it lets anyone who sees the forwarded
 * message replay that body to another receiver sharing the webhook secret. Verify a signature before forwarding.
 *
 * <p>Headers that merely name a key or folder ({@code X-UIPATH-FolderKey}, {@code X-Idempotency-Key}) are kept, and so
 * are camel-http's {@code CamelHttp*} headers: they hold the address, method and response status, which route authors
 * use, and this library never puts a credential into a URL. A credential that a route author places in a query string
 * ({@code CamelHttpQuery}, {@code CamelHttpUri}) is not detected; the rule looks at header names and at text values
 * only.
 *
 * <p>Instances are immutable when the wrapped strategy is, and safe to share between threads and endpoints.
 */
public final class CredentialHeaderFilterStrategy implements HeaderFilterStrategy {

    /**
     * A prefix reserved for header and exchange property names this library may use internally around tokens; such
     * names never leave a route. (The auth processor itself puts only {@code Authorization} and a folder header on the
     * message, and nothing on the exchange.)
     */
    public static final String INTERNAL_PREFIX = "UiPathBridgeAuth";

    private static final String INTERNAL_PREFIX_LOWER = INTERNAL_PREFIX.toLowerCase(Locale.ROOT);

    private static final Set<String> CREDENTIAL_WORDS = Set.of(
            "authorization",
            "cookie",
            "token",
            "secret",
            "password",
            "passwd",
            "passphrase",
            "apikey",
            "credential",
            "signature",
            "privatekey",
            "accesskey",
            "subscriptionkey",
            "sessionid");

    private static final Set<String> CREDENTIAL_SEGMENTS = Set.of("auth", "pwd");

    private static final Pattern SEGMENT_SEPARATORS = Pattern.compile("[-_.]");

    private static final Pattern AUTHORIZATION_SCHEME = Pattern.compile("(?i)^\\s*(bearer|basic|digest)\\s+\\S");

    // Header and payload of a JWT are base64url JSON objects, so both start with "eyJ" ('{"').
    private static final Pattern JWT = Pattern.compile("^\\s*eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.");

    private final HeaderFilterStrategy delegate;

    /** Filters credentials, and otherwise what a {@link DefaultHeaderFilterStrategy} with its defaults filters. */
    public CredentialHeaderFilterStrategy() {
        this(new DefaultHeaderFilterStrategy());
    }

    /**
     * Filters credentials, and otherwise what {@code delegate} filters.
     *
     * @param delegate the strategy consulted for headers that carry no credential, for example the component's own
     */
    public CredentialHeaderFilterStrategy(HeaderFilterStrategy delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return isCredential(headerName, headerValue)
                || delegate.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return isCredential(headerName, headerValue)
                || delegate.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }

    /**
     * Whether a header carries a credential, by the rule in the class description.
     *
     * @param name the header name; null counts as no credential
     * @param value the header value, may be null
     * @return true when the header must not leave the call that needed it
     */
    public static boolean isCredential(String name, Object value) {
        return isCredentialName(name) || isCredentialValue(value);
    }

    /**
     * Whether a header or exchange property name is one this library uses internally for tokens.
     *
     * @param name the name, null counts as not internal
     * @return true when {@code name} starts with {@value #INTERNAL_PREFIX}, ignoring case
     */
    public static boolean isInternal(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).startsWith(INTERNAL_PREFIX_LOWER);
    }

    private static boolean isCredentialName(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(INTERNAL_PREFIX_LOWER)) {
            return true;
        }

        String compact = lettersAndDigits(lower);
        for (String word : CREDENTIAL_WORDS) {
            if (compact.contains(word)) {
                return true;
            }
        }

        for (String segment : SEGMENT_SEPARATORS.split(lower)) {
            if (CREDENTIAL_SEGMENTS.contains(segment)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCredentialValue(Object value) {
        if (!(value instanceof CharSequence text)) {
            return false;
        }
        return AUTHORIZATION_SCHEME.matcher(text).find() || JWT.matcher(text).find();
    }

    private static String lettersAndDigits(String lower) {
        StringBuilder compact = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                compact.append(c);
            }
        }
        return compact.toString();
    }
}
