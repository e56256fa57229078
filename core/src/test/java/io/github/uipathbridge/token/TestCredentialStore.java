package io.github.uipathbridge.token;

import io.github.uipathbridge.credentials.ClientCredentials;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.credentials.Secret;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store with a cached pair that {@link #read()} returns and a backing pair that {@link #readFresh()} returns (and
 * caches), like a vault store with a cache; counts reads.
 */
public final class TestCredentialStore implements CredentialStore {

    private volatile ClientCredentials cached;

    private volatile ClientCredentials backing;

    private volatile ClientCredentials pending;

    private volatile CredentialsException failure;

    private final AtomicInteger reads = new AtomicInteger();

    private final AtomicInteger freshReads = new AtomicInteger();

    public TestCredentialStore(String clientId, String secret) {
        this.cached = pair(clientId, secret, "v1");
        this.backing = cached;
    }

    public static ClientCredentials pair(String clientId, String secret, String version) {
        return ClientCredentials.of(clientId, Secret.of(secret), version, "test:store");
    }

    /** Rotates the secret in the backing service; {@link #read()} keeps answering the old one from its cache. */
    public void rotateBacking(String secret, String version) {
        backing = pair(cached.clientId(), secret, version);
    }

    /** Rotates the secret so every read sees it. */
    public void rotate(String secret, String version) {
        rotateBacking(secret, version);
        cached = backing;
    }

    public void stagePending(String secret, String version) {
        pending = pair(cached.clientId(), secret, version);
    }

    public void failWith(CredentialsException failure) {
        this.failure = failure;
    }

    public int reads() {
        return reads.get();
    }

    public int freshReads() {
        return freshReads.get();
    }

    @Override
    public ClientCredentials read() {
        reads.incrementAndGet();
        throwIfFailing();
        return cached;
    }

    @Override
    public ClientCredentials readFresh() {
        freshReads.incrementAndGet();
        throwIfFailing();
        cached = backing;
        return cached;
    }

    @Override
    public ClientCredentials readPending() {
        return pending;
    }

    @Override
    public String describe() {
        return "test:store";
    }

    private void throwIfFailing() {
        if (failure != null) {
            throw failure;
        }
    }
}
