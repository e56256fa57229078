package io.github.uipathbridge.component;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Derives the token endpoint of the UiPath identity server from an Orchestrator URL, for the three ways Orchestrator
 * is deployed.
 *
 * <table>
 *   <caption>Orchestrator URL and token endpoint</caption>
 *   <tr><th>deployment</th><th>Orchestrator URL</th><th>token endpoint</th></tr>
 *   <tr><td>Automation Cloud</td><td>{@code https://cloud.uipath.com/{org}/{tenant}/orchestrator_}</td>
 *       <td>{@code https://cloud.uipath.com/{org}/identity_/connect/token}</td></tr>
 *   <tr><td>Automation Suite</td><td>{@code https://{host}/{org}/{tenant}/orchestrator_}</td>
 *       <td>{@code https://{host}/identity_/connect/token}</td></tr>
 *   <tr><td>standalone</td><td>{@code https://{host}} (no {@code orchestrator_} segment)</td>
 *       <td>{@code https://{host}/identity/connect/token}</td></tr>
 * </table>
 *
 * <p>A host counts as Automation Cloud when it is {@code uipath.com} or {@code uipath.us}, or a sub-domain of one
 * ({@code cloud.uipath.com}, {@code staging.uipath.com}, {@code govcloud.uipath.us}). Scheme and port are kept.
 */
public final class IdentityUrls {

    private static final String ORCHESTRATOR_SEGMENT = "orchestrator_";

    private IdentityUrls() {}

    /**
     * The token endpoint for an Orchestrator URL.
     *
     * @param orchestratorUrl an absolute http(s) URL; a trailing slash or a trailing {@code /odata} path is ignored
     * @return the derived token endpoint
     * @throws IllegalArgumentException if the URL is not absolute http(s), or is a cloud URL without organization
     */
    public static URI tokenEndpoint(URI orchestratorUrl) {
        Objects.requireNonNull(orchestratorUrl, "orchestratorUrl must not be null");
        requireHttp(orchestratorUrl, "orchestratorUrl");
        String[] segments = segments(orchestratorUrl.getRawPath());
        int marker = indexOf(segments, ORCHESTRATOR_SEGMENT);
        if (marker < 0) {
            return resolve(orchestratorUrl, "/identity/connect/token");
        }
        if (!isCloud(orchestratorUrl.getHost())) {
            return resolve(orchestratorUrl, "/identity_/connect/token");
        }
        if (marker < 2) {
            throw new IllegalArgumentException("orchestratorUrl on Automation Cloud must have the form "
                    + "https://cloud.uipath.com/{org}/{tenant}/orchestrator_, got " + orchestratorUrl);
        }
        return resolve(orchestratorUrl, "/" + segments[marker - 2] + "/identity_/connect/token");
    }

    /**
     * Checks that a URL is absolute http(s) with a host.
     *
     * @throws IllegalArgumentException naming {@code name} otherwise
     */
    static URI requireHttp(URI url, String name) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute http or https URL, got " + url);
        }
        return url;
    }

    private static boolean isCloud(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("uipath.com")
                || lower.endsWith(".uipath.com")
                || lower.equals("uipath.us")
                || lower.endsWith(".uipath.us");
    }

    private static URI resolve(URI base, String path) {
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
    }

    private static String[] segments(String path) {
        String trimmed = path == null ? "" : path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }

    private static int indexOf(String[] segments, String wanted) {
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
