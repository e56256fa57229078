package io.github.uipathbridge.examples;

import io.github.uipathbridge.credentials.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature Orchestrator uses, and that {@link WebhookDeliveryRoute} sends: Base64 of the HMAC-SHA256 of
 * the raw body, keyed with a shared secret. Immutable and thread-safe; {@link #toString()} hides the key.
 */
public final class HmacSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final Secret key;

    public HmacSignature(Secret key) {
        this.key = Objects.requireNonNull(key, "key must not be null");
    }

    /** Base64 of HMAC-SHA256 of {@code body} under the key. */
    public String sign(byte[] body) {
        Objects.requireNonNull(body, "body must not be null");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Whether {@code signature} is the signature of {@code body}; compared in constant time. */
    public boolean verify(byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "HmacSignature[HmacSHA256, key=****]";
    }
}
