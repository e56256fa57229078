package io.github.uipathbridge.camel;

import io.github.uipathbridge.camel.StubHttpServer.Answer;
import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.Secret;
import io.github.uipathbridge.token.TokenOptions;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counting identity server on loopback: every token request gets a new token {@code CANARY-TOKEN-<n>}, valid for an
 * hour, so tests can tell tokens apart and count requests.
 */
final class StubIdentityServer implements AutoCloseable {

    static final String TOKEN_PREFIX = "CANARY-TOKEN-";

    static final String CLIENT_SECRET = "CANARY-SECRET-c1d2";

    private final AtomicInteger issued = new AtomicInteger();

    private final StubHttpServer server;

    private StubIdentityServer() throws IOException {
        server = StubHttpServer.start(request -> Answer.json(
                200,
                "{\"access_token\":\"" + TOKEN_PREFIX + issued.incrementAndGet()
                        + "\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"OR.Machines\"}"));
    }

    static StubIdentityServer start() throws IOException {
        return new StubIdentityServer();
    }

    /** How many token requests arrived. */
    int requests() {
        return server.received().size();
    }

    /** The value of the {@code n}th token issued, counting from 1. */
    static String token(int n) {
        return TOKEN_PREFIX + n;
    }

    TokenOptions options() {
        return TokenOptions.builder()
                .tokenEndpoint(URI.create(server.url("/identity_/connect/token")))
                .credentialStore(new FixedStore())
                .scope("OR.Machines")
                .build();
    }

    @Override
    public void close() {
        server.close();
    }

    private static final class FixedStore implements CredentialStore {

        private final ClientCredentials credentials =
                ClientCredentials.of("bridge-client", Secret.of(CLIENT_SECRET), "v1", "test");

        @Override
        public ClientCredentials read() {
            return credentials;
        }

        @Override
        public ClientCredentials readFresh() {
            return credentials;
        }

        @Override
        public String describe() {
            return "fixed:test";
        }
    }
}
