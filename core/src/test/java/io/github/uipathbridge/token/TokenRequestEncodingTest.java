package io.github.uipathbridge.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.token.StubServer.Recorded;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenRequestEncodingTest {

    private static final String AWKWARD_SECRET = "ab+c/d=e&f%g";

    @RegisterExtension
    final CanaryLog log = new CanaryLog().forbid(AWKWARD_SECRET, "ab%2Bc");

    private final StubServer server = StubServer.start().on(IdentityStub.TOKEN_PATH, IdentityStub.tokens(3600));

    private final TestCredentialStore store = new TestCredentialStore(IdentityStub.CLIENT_ID, AWKWARD_SECRET);

    private final TokenService service = IdentityStub.service(DrivenClock.atEpochSecond(1_700_000_000));

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    @Test
    void bodyAuthenticationSendsEveryFieldFormEncoded() {
        TokenOptions options = options(ClientAuthentication.BODY);

        service.token(options);

        assertThat(onlyRequest().body())
                .isEqualTo("grant_type=client_credentials&client_id=bridge-app"
                        + "&client_secret=ab%2Bc%2Fd%3De%26f%25g&scope=OR.Jobs+OR.Machines");
    }

    @Test
    void serverThatFormDecodesTheBodyGetsExactlyTheSecretAndTwoScopes() {
        service.token(options(ClientAuthentication.BODY));

        Recorded request = onlyRequest();
        assertThat(request.form().get("client_secret")).containsExactly(AWKWARD_SECRET);
        assertThat(request.field("scope").split(" ")).containsExactly("OR.Jobs", "OR.Machines");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void basicAuthenticationFormEncodesIdAndSecretBeforeBase64() {
        service.token(options(ClientAuthentication.BASIC));

        Recorded request = onlyRequest();
        String[] pair = basicPair(request);
        assertThat(pair[0]).isEqualTo("bridge-app:ab%2Bc%2Fd%3De%26f%25g");
        assertThat(URLDecoder.decode(pair[1], StandardCharsets.UTF_8)).isEqualTo(AWKWARD_SECRET);
        assertThat(request.body()).isEqualTo("grant_type=client_credentials&scope=OR.Jobs+OR.Machines");
    }

    @Test
    void basicRawAuthenticationSendsTheSecretUnencoded() {
        service.token(options(ClientAuthentication.BASIC_RAW));

        String[] pair = basicPair(onlyRequest());
        assertThat(pair[1]).isEqualTo(AWKWARD_SECRET);
    }

    @Test
    void requestWithoutScopesHasNoScopeField() {
        service.token(
                options(ClientAuthentication.BODY).toBuilder().scopes(List.of()).build());

        assertThat(onlyRequest().form()).doesNotContainKey("scope");
    }

    private TokenOptions options(ClientAuthentication authentication) {
        return IdentityStub.options(server, store)
                .scopes(List.of("OR.Machines OR.Jobs"))
                .clientAuthentication(authentication)
                .build();
    }

    private Recorded onlyRequest() {
        assertThat(server.requests(IdentityStub.TOKEN_PATH)).hasSize(1);
        return server.requests(IdentityStub.TOKEN_PATH).get(0);
    }

    /** The decoded Basic credentials as sent, and the secret part after the first colon. */
    private static String[] basicPair(Recorded request) {
        String header = request.header("Authorization");
        assertThat(header).startsWith("Basic ");
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        return new String[] {decoded, decoded.substring(decoded.indexOf(':') + 1)};
    }
}
