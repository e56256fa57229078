package io.github.uipathbridge.app;

import io.github.uipathbridge.token.AccessToken;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code uipath-bridge token}: gets a token and prints its scopes and expiry, never the token. */
@Command(name = "token", description = "Gets a token with the configured credentials; prints scopes and expiry only.")
final class TokenCommand implements Callable<Integer> {

    @ParentCommand
    private UiPathBridge parent;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with uipath.* keys.")
    private Path config;

    @Override
    public Integer call() {
        PrintStream out = parent.out();
        BridgeSettings settings = parent.settings(config);
        if (!settings.isSet(BridgeSettings.URL)) {
            throw new ConfigurationException("Setting uipath.url is missing; set it (or UIPATH_URL) to the Orchestrator"
                    + " URL, or use 'run' for the sandbox");
        }
        try (TenantSession session = TenantSession.open(settings)) {
            AccessToken token = session.token();
            Duration left = Duration.between(Instant.now(), token.expiresAt());
            out.println("Token endpoint: " + session.endpoints().tokenEndpoint());
            out.println("Credentials:    " + session.describeStore());
            out.println("Scopes:         " + String.join(" ", token.scopes()));
            out.println("Expires:        " + token.expiresAt() + " (in " + left.toMinutes() + " min)");
            return 0;
        }
    }
}
