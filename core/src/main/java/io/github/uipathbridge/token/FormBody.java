package io.github.uipathbridge.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * An {@code application/x-www-form-urlencoded} body (RFC 6749 appendix B): every name and value is encoded with
 * {@link URLEncoder} as UTF-8, so {@code + / = & %} in a secret and the space between scopes survive the trip.
 */
final class FormBody {

    private final StringJoiner fields = new StringJoiner("&");

    FormBody add(String name, String value) {
        fields.add(encode(name) + "=" + encode(value));
        return this;
    }

    String encoded() {
        return fields.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
