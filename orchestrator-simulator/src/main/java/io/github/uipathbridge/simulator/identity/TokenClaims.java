package io.github.uipathbridge.simulator.identity;

import java.time.Instant;
import java.util.Set;

/** What the API needs from a verified access token. */
public record TokenClaims(String clientId, Set<String> scopes, Instant expiresAt, long sequence) {

    /** True when the token grants {@code family} (for example {@code OR.Jobs}) for reading or writing. */
    public boolean grants(String family, boolean write) {
        return scopes.contains(family) || scopes.contains(family + (write ? ".Write" : ".Read"));
    }
}
