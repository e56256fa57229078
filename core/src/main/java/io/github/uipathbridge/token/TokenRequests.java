package io.github.uipathbridge.token;

import io.github.uipathbridge.credentials.ClientCredentials;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds the client-credentials token request of RFC 6749 section 4.4.2. */
final class TokenRequests {

    private TokenRequests() {}

    static HttpRequest build(TokenOptions options, ClientCredentials credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(options.tokenEndpoint())
                .timeout(options.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        String basic = basicCredentials(options.clientAuthentication(), credentials);
        if (basic != null) {
            request.header("Authorization", "Basic " + basic);
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(body(options, credentials), StandardCharsets.UTF_8))
                .build();
    }

    static String body(TokenOptions options, ClientCredentials credentials) {
        FormBody form = new FormBody().add("grant_type", "client_credentials");
        if (options.clientAuthentication() == ClientAuthentication.BODY) {
            form.add("client_id", credentials.clientId())
                    .add("client_secret", credentials.clientSecret().reveal());
        }
        if (!options.scopes().isEmpty()) {
            form.add("scope", options.scopeValue());
        }
        return form.encoded();
    }

    /** The Base64 part of the Basic header, or null when the client authenticates in the body. */
    static String basicCredentials(ClientAuthentication authentication, ClientCredentials credentials) {
        String id = credentials.clientId();
        String secret = credentials.clientSecret().reveal();
        String pair =
                switch (authentication) {
                    case BODY -> null;
                    // RFC 6749 section 2.3.1: form-encode each part before Base64.
                    case BASIC -> FormBody.encode(id) + ":" + FormBody.encode(secret);
                    case BASIC_RAW -> id + ":" + secret;
                };
        return pair == null ? null : Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
