package io.github.uipathbridge.simulator.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The external applications the identity server knows. Thread-safe. */
public final class AppRegistry {

    /** Every scope family the simulated API checks; the default app is granted all of them. */
    public static final Set<String> ALL_SCOPES = Set.of(
            "OR.Machines",
            "OR.Robots",
            "OR.Jobs",
            "OR.Execution",
            "OR.Folders",
            "OR.Queues",
            "OR.Assets",
            "OR.Webhooks",
            "OR.Machines.Read",
            "OR.Robots.Read",
            "OR.Jobs.Read",
            "OR.Execution.Read",
            "OR.Folders.Read",
            "OR.Queues.Read",
            "OR.Assets.Read",
            "OR.Webhooks.Read",
            "OR.Machines.Write",
            "OR.Robots.Write",
            "OR.Jobs.Write",
            "OR.Execution.Write",
            "OR.Folders.Write",
            "OR.Queues.Write",
            "OR.Assets.Write",
            "OR.Webhooks.Write");

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, App> apps = new ConcurrentHashMap<>();

    /** A random secret in the shape UiPath generates (URL-safe, 24 bytes of entropy). */
    public static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public App add(String clientId, String secret, Collection<String> scopes, boolean clientCredentialsAllowed) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        App app = new App(clientId, secret, Set.copyOf(scopes), clientCredentialsAllowed);
        apps.put(clientId, app);
        return app;
    }

    public Optional<App> find(String clientId) {
        return Optional.ofNullable(clientId == null ? null : apps.get(clientId));
    }

    /** Gives the app a new secret and returns it; tokens already issued stay valid, as on the real service. */
    public String rotate(String clientId) {
        App app = find(clientId).orElseThrow(() -> new IllegalArgumentException("unknown clientId: " + clientId));
        String secret = newSecret();
        app.rotate(secret);
        return secret;
    }

    /** The current secret of an app, for the simulator's own accessors. */
    public String secretOf(String clientId) {
        return find(clientId).map(App::secret).orElseThrow(() -> new IllegalArgumentException("unknown clientId"));
    }
}
