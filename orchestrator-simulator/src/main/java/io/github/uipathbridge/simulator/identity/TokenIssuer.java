package io.github.uipathbridge.simulator.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.uipathbridge.simulator.data.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues RS256-signed JWT access tokens (key pair made at start) and verifies them. Tokens it issued are remembered
 * in a bounded map so most verifications skip the signature check; an unknown token is checked against the key,
 * which catches forged ones. Revocation works by sequence number: every token carries one in {@code jti}. Thread-safe.
 */
public final class TokenIssuer {

    private static final int REMEMBERED_TOKENS = 100_000;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final KeyPair keyPair;
    private final String keyId;
    private final String issuer;
    private final String partitionId;
    private final Clock clock;
    private final Duration ttl;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, TokenClaims> issued;
    private volatile long revokedUpTo;
    private final Map<String, Long> revokedUpToByClient = new ConcurrentHashMap<>();

    public TokenIssuer(String issuer, String partitionId, Clock clock, Duration ttl) {
        this.issuer = issuer;
        this.partitionId = partitionId;
        this.clock = clock;
        this.ttl = ttl;
        this.keyPair = generateKeyPair();
        this.keyId = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
        this.issued = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenClaims> eldest) {
                return size() > REMEMBERED_TOKENS;
            }
        });
    }

    private static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    public Duration ttl() {
        return ttl;
    }

    /** A signed token for the app with the given scopes. */
    public String issue(String clientId, Set<String> scopes) {
        Instant now = clock.instant();
        long seq = sequence.incrementAndGet();
        Instant expires = now.plus(ttl);
        ObjectNode header = Json.MAPPER
                .createObjectNode()
                .put("alg", "RS256")
                .put("kid", keyId)
                .put("typ", "JWT");
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("iss", issuer);
        payload.put("nbf", now.getEpochSecond());
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", expires.getEpochSecond());
        payload.put("aud", "UiPath.Orchestrator");
        scopes.stream().sorted().forEach(payload.putArray("scope")::add);
        payload.put("client_id", clientId);
        payload.put("sub", clientId);
        payload.put("prt_id", partitionId);
        payload.put("jti", Long.toHexString(seq) + "." + UUID.randomUUID());
        String signingInput = encode(header) + "." + encode(payload);
        String token = signingInput + "." + B64.encodeToString(sign(signingInput));
        issued.put(token, new TokenClaims(clientId, Set.copyOf(scopes), expires, seq));
        return token;
    }

    /** The claims of a valid token; empty when malformed, forged, expired or revoked. */
    public Optional<TokenClaims> verify(String token) {
        TokenClaims claims = issued.get(token);
        if (claims == null) {
            claims = verifySignature(token);
        }
        if (claims == null
                || !clock.instant().isBefore(claims.expiresAt())
                || claims.sequence() <= revokedUpTo
                || claims.sequence() <= revokedUpToByClient.getOrDefault(claims.clientId(), 0L)) {
            return Optional.empty();
        }
        return Optional.of(claims);
    }

    /** Revokes every token issued so far. */
    public void revokeAll() {
        revokedUpTo = sequence.get();
    }

    /** Revokes every token issued so far to one client. */
    public void revoke(String clientId) {
        revokedUpToByClient.put(clientId, sequence.get());
    }

    private TokenClaims verifySignature(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(keyPair.getPublic());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(B64D.decode(parts[2]))) {
                return null;
            }
            JsonNode payload = Json.MAPPER.readTree(B64D.decode(parts[1]));
            Set<String> scopes = new HashSet<>();
            payload.path("scope").forEach(s -> scopes.add(s.asText()));
            long seq = Long.parseLong(payload.path("jti").asText("0.").split("\\.")[0], 16);
            return new TokenClaims(
                    payload.path("client_id").asText(),
                    scopes,
                    Instant.ofEpochSecond(payload.path("exp").asLong()),
                    seq);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] sign(String input) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keyPair.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }

    private static String encode(JsonNode node) {
        return B64.encodeToString(Json.write(node).getBytes(StandardCharsets.UTF_8));
    }
}
