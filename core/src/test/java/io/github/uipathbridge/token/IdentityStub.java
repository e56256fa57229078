package io.github.uipathbridge.token;

import io.github.uipathbridge.token.StubServer.Recorded;
import io.github.uipathbridge.token.StubServer.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Token endpoint answers for tests, and a service wired to a driven clock and a recording sleeper. */
public final class IdentityStub {

    public static final String TOKEN_PATH = "/identity_/connect/token";

    public static final String CLIENT_ID = "bridge-app";

    private IdentityStub() {}

    /** Hands out {@code CANARY-TOKEN-1}, {@code -2}, ... with this {@code expires_in}, counting them. */
    public static Function<Recorded, Reply> tokens(long expiresIn) {
        AtomicInteger issued = new AtomicInteger();
        return request -> Reply.json(200, tokenJson(CanaryLog.TOKEN + issued.incrementAndGet(), expiresIn));
    }

    /** Accepts only {@code secret} (in the body), answering {@code invalid_client} to any other. */
    public static Function<Recorded, Reply> acceptingOnly(String secret, long expiresIn) {
        Function<Recorded, Reply> tokens = tokens(expiresIn);
        return request -> secret.equals(request.field("client_secret"))
                ? tokens.apply(request)
                : Reply.json(401, "{\"error\":\"invalid_client\"}");
    }

    public static String tokenJson(String token, long expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"OR.Jobs\"}";
    }

    /** A JWT-shaped token (unsigned) whose payload has this {@code exp}; the signature part is a canary. */
    public static String jwt(long exp) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + CanaryLog.TOKEN + "sig";
    }

    /** A service on a driven clock whose retries record their pauses instead of sleeping. */
    public static TokenService service(DrivenClock clock, List<Duration> pauses) {
        return TokenService.builder()
                .clock(clock)
                .random(new Random(7))
                .sleeper(pauses::add)
                .build();
    }

    public static TokenService service(DrivenClock clock) {
        return service(clock, new ArrayList<>());
    }

    public static TokenOptions.Builder options(StubServer server, TestCredentialStore store) {
        return TokenOptions.builder()
                .tokenEndpoint(server.uri(TOKEN_PATH))
                .credentialStore(store)
                .scope("OR.Jobs");
    }

    public static TestCredentialStore store() {
        return new TestCredentialStore(CLIENT_ID, CanaryLog.SECRET);
    }
}
