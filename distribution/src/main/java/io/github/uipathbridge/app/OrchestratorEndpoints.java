package io.github.uipathbridge.app;

import java.net.URI;
import java.util.Locale;

/**
 * Where the API and the token endpoint of a tenant are, from {@code uipath.url} and, if set, {@code
 * uipath.identity-url}.
 *
 * <p>Without {@code uipath.identity-url} the token endpoint follows from the Orchestrator URL as UiPath lays them out:
 * Automation Cloud {@code https://cloud.uipath.com/{org}/{tenant}/orchestrator_} has its token endpoint at {@code
 * https://cloud.uipath.com/{org}/identity_/connect/token}; Automation Suite {@code https://{host}/{org}/{tenant}/
 * orchestrator_} at {@code https://{host}/identity_/connect/token}; a standalone Orchestrator {@code https://{host}}
 * at {@code https://{host}/identity/connect/token}.
 */
record OrchestratorEndpoints(String orchestratorUrl, URI tokenEndpoint) {

    static OrchestratorEndpoints of(BridgeSettings settings) {
        String url = settings.get(BridgeSettings.URL)
                .orElseThrow(() -> new ConfigurationException("Setting uipath.url is missing"));
        URI orchestrator = parse(BridgeSettings.URL, stripSlash(url));
        String identity = settings.get(BridgeSettings.IDENTITY_URL).orElse(null);
        URI token = identity != null
                ? tokenEndpoint(parse(BridgeSettings.IDENTITY_URL, stripSlash(identity)))
                : derive(orchestrator);
        return new OrchestratorEndpoints(orchestrator.toString(), token);
    }

    private static URI derive(URI orchestrator) {
        String origin = orchestrator.getScheme() + "://" + orchestrator.getRawAuthority();
        String path = orchestrator.getRawPath() == null ? "" : orchestrator.getRawPath();
        String[] segments = path.isEmpty() ? new String[0] : path.substring(1).split("/");
        boolean multiTenant = segments.length >= 3
                && segments[segments.length - 1].toLowerCase(Locale.ROOT).equals("orchestrator_");
        if (!multiTenant) {
            return URI.create(origin + "/identity/connect/token");
        }
        String host = orchestrator.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("uipath.com") || host.endsWith(".uipath.com")) {
            return URI.create(origin + "/" + segments[segments.length - 3] + "/identity_/connect/token");
        }
        return URI.create(origin + "/identity_/connect/token");
    }

    private static URI tokenEndpoint(URI identity) {
        String text = identity.toString();
        return text.endsWith("/connect/token") ? identity : URI.create(text + "/connect/token");
    }

    private static URI parse(String key, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Setting " + key + " is not a URL: '" + value + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new ConfigurationException("Setting " + key + " must be an http(s) URL such as "
                    + "https://cloud.uipath.com/ORG/TENANT/orchestrator_, not '" + value + "'");
        }
        return uri;
    }

    private static String stripSlash(String value) {
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
