package io.github.uipathbridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uipathbridge.credentials.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY =
            "{\"Type\":\"job.completed\",\"EventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature signature = new WebhookSignature(Secret.of("CANARY-SECRET-webhook"));

    @Test
    void signatureIsBase64OfHmacSha256OfTheRawBody() {
        // Reference value computed independently: printf %s {} | openssl dgst -sha256 -hmac key -binary | base64
        assertThat(new WebhookSignature(Secret.of("key")).sign("{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("p3dyTZQ+tI3Gm8qKSm1XoE2z+ex+HeTlgehgJlvfMDI=");
    }

    @Test
    void ownSignatureMatches() {
        assertThat(signature.matches(BODY, signature.sign(BODY))).isTrue();
    }

    @Test
    void signatureOfAnotherBodyDoesNotMatch() {
        String other = signature.sign("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature.matches(BODY, other)).isFalse();
    }

    @Test
    void missingOrMalformedSignatureDoesNotMatch() {
        assertThat(signature.matches(BODY, null)).isFalse();
        assertThat(signature.matches(BODY, "not base64 !")).isFalse();
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(signature.toString()).doesNotContain("CANARY");
    }
}
