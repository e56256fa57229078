package io.github.uipathbridge.app;

import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialStores;
import io.github.uipathbridge.credentials.CredentialsException;
import io.github.uipathbridge.examples.OrchestratorConnection;
import io.github.uipathbridge.http.ApiUnauthorizedException;
import io.github.uipathbridge.http.AuthorizedHttpClient;
import io.github.uipathbridge.http.FolderContext;
import io.github.uipathbridge.token.AccessToken;
import io.github.uipathbridge.token.ClientAuthentication;
import io.github.uipathbridge.token.TokenException;
import io.github.uipathbridge.token.TokenOptions;
import io.github.uipathbridge.token.TokenProvider;
import io.github.uipathbridge.token.TokenService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant as configured: the credential store, the token service and provider, and the Orchestrator connection
 * the routes use. The token service's meters go to {@link #meterRegistry()}, which {@link BridgeJob} hands to Camel
 * so that {@code /observe/metrics} shows them beside Camel's own. {@link #verify(List, String)} proves the
 * configuration works before any route starts, and turns each way it can fail into a {@link ConfigurationException}
 * that says what to fix.
 */
final class TenantSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TenantSession.class);

    private final OrchestratorEndpoints endpoints;

    private final String reference;

    private final CredentialStore store;

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private final TokenService tokens;

    private final TokenProvider provider;

    private final OrchestratorConnection connection;

    private TenantSession(BridgeSettings settings) {
        this.endpoints = OrchestratorEndpoints.of(settings);
        this.reference = settings.require(BridgeSettings.CREDENTIALS);
        this.store = openStore(reference, settings);
        this.tokens = TokenService.builder().meterRegistry(meters).build();
        TokenOptions options;
        try {
            options = TokenOptions.builder()
                    .tokenEndpoint(endpoints.tokenEndpoint())
                    .credentialStore(store)
                    .scope(settings.require(BridgeSettings.SCOPES))
                    .clientAuthentication(clientAuthentication(settings))
                    .build();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.provider = tokens.provider(options);
        this.connection = new OrchestratorConnection(endpoints.orchestratorUrl(), provider);
    }

    static TenantSession open(BridgeSettings settings) {
        return new TenantSession(settings);
    }

    OrchestratorConnection connection() {
        return connection;
    }

    OrchestratorEndpoints endpoints() {
        return endpoints;
    }

    /**
     * The registry holding the token service's meters from the first token request on, so the request made by
     * {@link #verify(List, String)} is counted too. Tags name the endpoint, client id and scopes, never a secret.
     */
    PrometheusMeterRegistry meterRegistry() {
        return meters;
    }

    String describeStore() {
        return store.describe();
    }

    /**
     * Gets a token and reads one record of each entity set the routes read (Machines first, at tenant level), so that
     * wrong credentials, a wrong URL, a wrong folder or a missing scope stop the application at once with one clear
     * line.
     *
     * @param folderSets entity sets read inside {@code folderPath}, for example {@code Jobs}
     * @param folderPath the folder they are read in
     * @return the token, for its scopes and expiry
     * @throws ConfigurationException saying what to fix
     */
    AccessToken verify(List<String> folderSets, String folderPath) {
        AccessToken token = token();
        checkReadable("Machines", null);
        for (String entitySet : folderSets) {
            checkReadable(entitySet, folderPath);
        }
        return token;
    }

    /** A token, or a {@link ConfigurationException} saying what to fix. */
    AccessToken token() {
        try {
            return provider.get();
        } catch (TokenException e) {
            LOG.debug("Token request failed", e);
            throw new ConfigurationException(explain(e), e);
        }
    }

    @Override
    public void close() {
        tokens.close();
        store.close();
        meters.close();
    }

    private void checkReadable(String entitySet, String folderPath) {
        URI first = URI.create(connection.odataEndpoint(entitySet) + "?$top=1&$select=Id");
        HttpRequest.Builder request = HttpRequest.newBuilder(first).timeout(Duration.ofSeconds(30));
        String where = folderPath == null ? "" : " in folder '" + folderPath + "'";
        if (folderPath != null) {
            FolderContext.byPath(folderPath).headers().forEach(request::header);
        }
        try {
            HttpResponse<Void> answer =
                    AuthorizedHttpClient.create(provider).send(request, HttpResponse.BodyHandlers.discarding());
            int status = answer.statusCode();
            if (status == 403) {
                throw new ConfigurationException("Orchestrator at " + endpoints.orchestratorUrl() + " refused to list "
                        + entitySet + where + " (HTTP 403); give the external application the scope for " + entitySet
                        + " (uipath.scopes) and a role that may view it");
            }
            if (folderPath != null && (status == 400 || status == 404)) {
                throw new ConfigurationException("Orchestrator at " + endpoints.orchestratorUrl() + " answered HTTP "
                        + status + " to GET odata/" + entitySet + where + "; check uipath.folder-path (a fully"
                        + " qualified path such as Finance/Invoices) and uipath.url");
            }
            if (status / 100 != 2) {
                throw new ConfigurationException("Orchestrator at " + endpoints.orchestratorUrl() + " answered HTTP "
                        + status + " to GET odata/" + entitySet + "; check uipath.url (Automation Cloud:"
                        + " https://cloud.uipath.com/ORG/TENANT/orchestrator_)");
            }
        } catch (ApiUnauthorizedException e) {
            LOG.debug("Orchestrator refused a fresh token", e);
            throw new ConfigurationException(
                    "Orchestrator at " + endpoints.orchestratorUrl()
                            + " refused a fresh token (HTTP 401); check that uipath.url and uipath.identity-url belong to the"
                            + " same organization and tenant",
                    e);
        } catch (TokenException e) {
            LOG.debug("Token request failed", e);
            throw new ConfigurationException(explain(e), e);
        } catch (IOException e) {
            LOG.debug("Orchestrator could not be reached", e);
            throw new ConfigurationException(
                    "Orchestrator at " + endpoints.orchestratorUrl() + " cannot be reached ("
                            + e.getClass().getSimpleName() + "); check uipath.url",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("Interrupted while checking Orchestrator", e);
        }
    }

    private String explain(TokenException e) {
        String endpoint = endpoints.tokenEndpoint().toString();
        return switch (e.code()) {
            case CREDENTIALS -> explain(e.getCause() instanceof CredentialsException c ? c : null, e);
            case INVALID_CLIENT ->
                "The identity server at " + endpoint + " refused the client id or secret read from " + store.describe()
                        + " (invalid_client); fix the credentials that uipath.credentials points to";
            case INVALID_SCOPE ->
                "The identity server at " + endpoint + " refused the scopes '"
                        + provider.options().scopeValue() + "' (invalid_scope); grant them to the external application"
                        + " or change uipath.scopes";
            case UNAUTHORIZED_CLIENT ->
                "The identity server at " + endpoint + " does not let this client use the"
                        + " client-credentials grant (unauthorized_client); register it as a confidential external"
                        + " application";
            case UNAVAILABLE, TIMEOUT ->
                "The token endpoint " + endpoint + " cannot be reached (" + e.code()
                        + "); check uipath.url or set uipath.identity-url";
            default ->
                "Getting a token from " + endpoint + " failed: " + oneLine(e.getMessage())
                        + "; check uipath.url or set uipath.identity-url";
        };
    }

    private String explain(CredentialsException cause, TokenException e) {
        String detail = cause == null ? oneLine(e.getMessage()) : oneLine(cause.getMessage());
        return "Cannot read the client credentials from " + store.describe() + ": " + detail
                + "; fix uipath.credentials (UIPATH_CREDENTIALS) or the secret it points to";
    }

    private static CredentialStore openStore(String reference, BridgeSettings settings) {
        try {
            return CredentialStores.open(reference, settings.asStoreConfig());
        } catch (CredentialsException e) {
            LOG.debug("Opening the credential store failed", e);
            throw new ConfigurationException(
                    "uipath.credentials '" + reference + "' cannot be used: " + oneLine(e.getMessage())
                            + "; use env:, file:/folder, vault:path or aws:secret-id",
                    e);
        }
    }

    private static ClientAuthentication clientAuthentication(BridgeSettings settings) {
        String value = settings.require(BridgeSettings.CLIENT_AUTHENTICATION);
        try {
            return ClientAuthentication.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    "Setting uipath.client-authentication must be body, basic or basic-raw, not '" + value + "'", e);
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
