package io.github.uipathbridge.examples;

import io.github.uipathbridge.camel.UiPathAuthProcessor;
import io.github.uipathbridge.token.TokenProvider;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an Orchestrator tenant answers and where its tokens come from; the routes of this package build their
 * camel-http calls from it. Immutable and safe to share.
 */
public final class OrchestratorConnection {

    private final String orchestratorUrl;

    private final TokenProvider tokens;

    /**
     * Creates a connection.
     *
     * @param orchestratorUrl the Orchestrator base, for example {@code
     *     https://cloud.uipath.com/acme/DefaultTenant/orchestrator_}; a trailing slash is ignored
     * @param tokens where bearer tokens come from, typically {@code tokenService.provider(options)}
     * @throws IllegalArgumentException if the URL is not an absolute http or https URL
     */
    public OrchestratorConnection(String orchestratorUrl, TokenProvider tokens) {
        this.orchestratorUrl = requireHttpUrl(orchestratorUrl);
        this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
    }

    /** The Orchestrator base without a trailing slash. */
    public String orchestratorUrl() {
        return orchestratorUrl;
    }

    public TokenProvider tokens() {
        return tokens;
    }

    /**
     * The camel-http endpoint of an OData path such as {@code Machines} or {@code
     * Queues/UiPathODataSvc.AddQueueItem}.
     */
    public String odataEndpoint(String path) {
        Objects.requireNonNull(path, "path must not be null");
        return orchestratorUrl + "/odata/" + path;
    }

    /**
     * An auth processor for calls in one folder, or for tenant-level calls (machines, folders) when {@code folderPath}
     * is {@code null} or blank.
     */
    public UiPathAuthProcessor auth(String folderPath) {
        UiPathAuthProcessor.Builder builder = UiPathAuthProcessor.builder(tokens);
        if (folderPath != null && !folderPath.isBlank()) {
            builder.folderPath(folderPath);
        }
        return builder.build();
    }

    private static String requireHttpUrl(String url) {
        Objects.requireNonNull(url, "orchestratorUrl must not be null");
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("orchestratorUrl is not a URL: '" + url + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "orchestratorUrl must be an absolute http or https URL, not '" + url + "'");
        }
        return trimmed;
    }

    @Override
    public String toString() {
        return "OrchestratorConnection[" + orchestratorUrl + "]";
    }
}
