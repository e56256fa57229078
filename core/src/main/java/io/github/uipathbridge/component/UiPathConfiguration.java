package io.github.uipathbridge.component;

import io.github.uipathbridge.http.FolderContext;
import io.github.uipathbridge.token.ClientAuthentication;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The connection settings of the {@code uipath} component: where Orchestrator and its identity server are, where the
 * client credentials live, and how hard calls may push. Set them once on the component; an endpoint inherits them and
 * names only what differs.
 */
@UriParams
public class UiPathConfiguration implements Cloneable {

    /** The default requests per minute: under Orchestrator's 100 per minute per tenant on Jobs and QueueItems. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 90;

    @UriParam(label = "common")
    @Metadata(
            required = true,
            description = "The Orchestrator URL. Automation Cloud:"
                    + " https://cloud.uipath.com/{org}/{tenant}/orchestrator_; Automation Suite:"
                    + " https://{host}/{org}/{tenant}/orchestrator_; standalone: https://{host}.")
    private String orchestratorUrl;

    @UriParam(label = "security")
    @Metadata(
            description = "The token endpoint of the UiPath identity server. When not set it is derived from the"
                    + " Orchestrator URL: https://cloud.uipath.com/{org}/identity_/connect/token on Automation Cloud,"
                    + " https://{host}/identity_/connect/token on Automation Suite and"
                    + " https://{host}/identity/connect/token for a standalone Orchestrator.")
    private String identityUrl;

    @UriParam(label = "security")
    @Metadata(
            required = true,
            description = "Where the client id and secret of the external application are read: a credential"
                    + " reference such as env:, env:PREFIX, file:/run/secrets/uipath, vault:secret/uipath/prod or"
                    + " aws:prod/uipath. The reference names a place, never the secret itself.")
    private String credentials;

    @UriParam(label = "security")
    @Metadata(
            description = "The OAuth2 scopes to ask for, separated by spaces, for example OR.Jobs OR.Queues."
                    + " Unknown scopes make the identity server refuse the token request.")
    private String scopes;

    @UriParam(label = "security", defaultValue = "BODY")
    @Metadata(
            description = "How the client id and secret travel to the token endpoint: BODY (form fields, what"
                    + " UiPath documents), BASIC (HTTP Basic with RFC 6749 form-encoding) or BASIC_RAW.")
    private ClientAuthentication clientAuthentication = ClientAuthentication.BODY;

    @UriParam(label = "common")
    @Metadata(
            description = "The folder to work in, by its key (GUID): the stable way to name a folder. Set at most"
                    + " one of folderKey, folderPath and folderId; tenant-level entity sets need none.")
    private String folderKey;

    @UriParam(label = "common")
    @Metadata(
            description = "The folder to work in, by its path such as Finance/AP. A path with characters outside"
                    + " printable ASCII is sent Base64-encoded as UTF-16LE in X-UIPATH-FolderPath-Encoded.")
    private String folderPath;

    @UriParam(label = "common")
    @Metadata(
            description = "The folder to work in, by its numeric id (organization unit id). The id changes when the"
                    + " tenant's licence plan changes; prefer folderKey or folderPath.")
    private Long folderId;

    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_REQUESTS_PER_MINUTE)
    @Metadata(
            description = "At most this many GET requests per minute on the Jobs and QueueItems collections from"
                    + " this component, to stay under Orchestrator's limit of 100 per minute per tenant. 0 means"
                    + " no limit.")
    private int requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;

    @UriParam(label = "advanced", defaultValue = "5")
    @Metadata(
            description = "How often a call refused with 429 (any method) or failed with 5xx (GET only) is"
                    + " retried before the error reaches the route.")
    private int maxRetries = 5;

    @UriParam(label = "advanced", defaultValue = "1000", javaType = "long")
    @Metadata(
            description = "The first wait in milliseconds before a retry when the answer has no Retry-After;"
                    + " doubled on each retry, with jitter.")
    private long retryBackoff = 1000;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "long")
    @Metadata(description = "The longest wait in milliseconds before a retry, whatever Retry-After asks for.")
    private long maxRetryBackoff = 60000;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "long")
    @Metadata(description = "How long one call may take in milliseconds, headers and first bytes of the answer.")
    private long requestTimeout = 60000;

    public String getOrchestratorUrl() {
        return orchestratorUrl;
    }

    public void setOrchestratorUrl(String orchestratorUrl) {
        this.orchestratorUrl = orchestratorUrl;
    }

    public String getIdentityUrl() {
        return identityUrl;
    }

    public void setIdentityUrl(String identityUrl) {
        this.identityUrl = identityUrl;
    }

    public String getCredentials() {
        return credentials;
    }

    public void setCredentials(String credentials) {
        this.credentials = credentials;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public ClientAuthentication getClientAuthentication() {
        return clientAuthentication;
    }

    public void setClientAuthentication(ClientAuthentication clientAuthentication) {
        this.clientAuthentication = clientAuthentication;
    }

    public String getFolderKey() {
        return folderKey;
    }

    public void setFolderKey(String folderKey) {
        this.folderKey = folderKey;
    }

    public String getFolderPath() {
        return folderPath;
    }

    public void setFolderPath(String folderPath) {
        this.folderPath = folderPath;
    }

    public Long getFolderId() {
        return folderId;
    }

    public void setFolderId(Long folderId) {
        this.folderId = folderId;
    }

    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(long retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public long getMaxRetryBackoff() {
        return maxRetryBackoff;
    }

    public void setMaxRetryBackoff(long maxRetryBackoff) {
        this.maxRetryBackoff = maxRetryBackoff;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** A copy an endpoint can change without touching the component's settings. */
    public UiPathConfiguration copy() {
        try {
            return (UiPathConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The folder these settings name; see {@link FolderContext#of(Long, String, String)}. */
    public FolderContext folder() {
        return FolderContext.of(folderId, folderKey, folderPath);
    }
}
