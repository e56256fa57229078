package io.github.uipathbridge.credentials.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** An RSA key pair made for one test and RS256 JWTs signed with it, using only the JDK. */
final class TestJwts {

    static final String ISSUER = "https://uipath-bridge.test/issuer";

    static final String AUDIENCE = "uipath-bridge-it";

    private final KeyPair keys;

    TestJwts() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as PEM, for {@code jwt_validation_pubkeys}. */
    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** A JWT for {@code subject}, valid for ten minutes. */
    String sign(String subject) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = io.github.jopenlibs.vault.json.Json.object()
                .add("iss", ISSUER)
                .add("sub", subject)
                .add("aud", AUDIENCE)
                .add("iat", now)
                .add("nbf", now - 5)
                .add("exp", now + 600)
                .toString();
        String signingInput = encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                + encode(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
