package io.github.uipathbridge.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out when a token expires and when to refresh it. The lifetime comes from {@code expires_in} (a number or a
 * numeric string), else from the JWT {@code exp} claim, else from the configured default; it always counts from the
 * moment the request was sent, so time spent waiting for the answer is not counted twice.
 */
final class TokenLifetimes {

    private static final Logger LOG = LoggerFactory.getLogger(TokenLifetimes.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Lifetimes above a year are treated as nonsense, so no token is ever kept for good. */
    private static final long MAX_LIFETIME_SECONDS = Duration.ofDays(366).toSeconds();

    private TokenLifetimes() {}

    static AccessToken token(
            TokenResponses.Answer answer, Instant sentAt, TokenOptions options, RandomGenerator random) {
        Duration lifetime = lifetime(answer, sentAt, options);
        Duration margin = min(options.expiryMargin(), lifetime.dividedBy(2));
        Instant expiresAt = sentAt.plus(lifetime);
        Instant usableUntil = expiresAt.minus(margin);
        double share = options.refreshAheadRatio() - options.refreshJitter() * random.nextDouble();
        Instant refreshAt = sentAt.plusMillis(Math.round(lifetime.toMillis() * share));
        if (refreshAt.isAfter(usableUntil)) {
            refreshAt = usableUntil;
        }
        return new AccessToken(answer.token(), options.scopes(), sentAt, expiresAt, usableUntil, refreshAt);
    }

    static Duration lifetime(TokenResponses.Answer answer, Instant sentAt, TokenOptions options) {
        Optional<Duration> fromExpiresIn = expiresIn(answer.expiresIn());
        if (fromExpiresIn.isPresent()) {
            return fromExpiresIn.get();
        }
        Optional<Duration> fromJwt = jwtExpiry(answer.token()).flatMap(exp -> until(sentAt, exp));
        if (fromJwt.isPresent()) {
            LOG.debug("Token from {} has no usable expires_in; using its JWT exp", options.tokenEndpoint());
            return fromJwt.get();
        }
        LOG.debug(
                "Token from {} has neither a usable expires_in nor a JWT exp; assuming {}",
                options.tokenEndpoint(),
                options.defaultLifetime());
        return options.defaultLifetime();
    }

    /** {@code expires_in} as a whole positive number of seconds, given as a JSON number or a numeric string. */
    static Optional<Duration> expiresIn(JsonNode node) {
        long seconds;
        if (node.isNumber()) {
            seconds = node.asLong();
        } else if (node.isTextual() && node.asText().strip().matches("\\d{1,12}")) {
            seconds = Long.parseLong(node.asText().strip());
        } else {
            return Optional.empty();
        }
        return seconds > 0 && seconds <= MAX_LIFETIME_SECONDS
                ? Optional.of(Duration.ofSeconds(seconds))
                : Optional.empty();
    }

    /** The {@code exp} claim of a JWT, read without checking the signature (the token is only ever sent back). */
    static Optional<Instant> jwtExpiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode exp =
                    JSON.readTree(new String(payload, StandardCharsets.UTF_8)).path("exp");
            return exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> until(Instant sentAt, Instant exp) {
        Duration lifetime = Duration.between(sentAt, exp);
        boolean sane = !lifetime.isNegative() && !lifetime.isZero() && lifetime.toSeconds() <= MAX_LIFETIME_SECONDS;
        return sane ? Optional.of(lifetime) : Optional.empty();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
