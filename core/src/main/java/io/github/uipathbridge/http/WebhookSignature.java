package io.github.uipathbridge.http;

import io.github.uipathbridge.credentials.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Orchestrator's {@code X-UiPath-Signature}: the Base64 of the HMAC-SHA256 of the raw request body, keyed with
 * the webhook secret. The comparison takes the same time wherever the first difference is, so a forger learns nothing
 * from response times. {@link #toString()} never shows the secret. Thread-safe.
 *
 * <p>The same signature serves both directions: checking what Orchestrator sends, and signing what a route forwards
 * to a receiver that checks it the same way.
 */
public final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public WebhookSignature(Secret secret) {
        Objects.requireNonNull(secret, "secret must not be null");
        this.key = new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature Orchestrator would send for this body. */
    public String sign(byte[] body) {
        return Base64.getEncoder().encodeToString(mac(body));
    }

    /** Whether {@code signature} is the signature of {@code body}; false when either is missing or malformed. */
    public boolean matches(byte[] body, String signature) {
        if (body == null || signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), given);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            // Every Java platform is required to implement HmacSHA256 (Mac Javadoc).
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[HmacSHA256, key ******]";
    }
}
