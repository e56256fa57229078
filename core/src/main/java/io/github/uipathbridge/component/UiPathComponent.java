package io.github.uipathbridge.component;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.uipathbridge.credentials.CredentialStore;
import io.github.uipathbridge.credentials.CredentialStores;
import io.github.uipathbridge.credentials.StoreConfig;
import io.github.uipathbridge.http.AuthorizedHttpClient;
import io.github.uipathbridge.token.TokenOptions;
import io.github.uipathbridge.token.TokenService;
import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The {@code uipath} component: UiPath Orchestrator entity sets, actions and webhooks for Camel routes, with tokens
 * from the token service and credentials from a credential store.
 *
 * <p>Connection settings (Orchestrator URL, identity URL, credential reference, scopes, folder) are set once here and
 * inherited by every endpoint, which may override any of them. Endpoints with the same connection settings share one
 * token provider, one HTTP client and one request budget per entity set.
 */
@Component("uipath")
public class UiPathComponent extends DefaultComponent {

    @Metadata
    private UiPathConfiguration configuration = new UiPathConfiguration();

    @Metadata(
            label = "advanced",
            autowired = true,
            description = "The token service that gets and caches OAuth2 tokens. When not set the component creates"
                    + " one and closes it when stopped.")
    private TokenService tokenService;

    @Metadata(
            label = "advanced",
            description = "Sends requests to Orchestrator with a bearer token, in place of the token service: for"
                    + " tests and for callers that bring their own HTTP stack.")
    private OrchestratorTransport transport;

    private final Map<String, OrchestratorTransport> transports = new ConcurrentHashMap<>();

    private final Map<String, RequestBudget> budgets = new ConcurrentHashMap<>();

    private final Map<String, FileStateRepository> stateRepositories = new ConcurrentHashMap<>();

    private final List<CredentialStore> openedStores = new ArrayList<>();

    private final ObjectMapper mapper = new ObjectMapper();

    private boolean ownsTokenService;

    private Clock clock = Clock.systemUTC();

    private Sleeper sleeper = Sleeper.SYSTEM;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        UiPathConfiguration copy = configuration.copy();
        UiPathEndpoint endpoint = new UiPathEndpoint(uri, this, remaining, copy);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    public UiPathConfiguration getConfiguration() {
        return configuration;
    }

    /** The connection settings every endpoint starts from. */
    public void setConfiguration(UiPathConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration must not be null");
    }

    public TokenService getTokenService() {
        return tokenService;
    }

    /** The token service that gets and caches OAuth2 tokens; the component creates one when not set. */
    public void setTokenService(TokenService tokenService) {
        this.tokenService = tokenService;
    }

    public OrchestratorTransport getTransport() {
        return transport;
    }

    /** Sends requests with a bearer token in place of the token service. */
    public void setTransport(OrchestratorTransport transport) {
        this.transport = transport;
    }

    /** The clock the request budgets and Retry-After dates are read from; for tests. */
    public void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** How the component waits for the budget and for retries; for tests. */
    public void setSleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** A client for an endpoint's settings, sharing the transport of endpoints with the same connection. */
    OrchestratorClient client(UiPathConfiguration settings) {
        URI orchestratorUrl = IdentityUrls.requireHttp(URI.create(settings.getOrchestratorUrl()), "orchestratorUrl");
        OrchestratorTransport sender = transport != null ? transport : transportFor(settings, orchestratorUrl);
        return new OrchestratorClient(
                orchestratorUrl,
                sender,
                mapper,
                settings.getMaxRetries(),
                Duration.ofMillis(settings.getRetryBackoff()),
                Duration.ofMillis(settings.getMaxRetryBackoff()),
                Duration.ofMillis(settings.getRequestTimeout()),
                clock,
                sleeper);
    }

    /** The budget for one entity set of one Orchestrator, shared by all endpoints that read it. */
    RequestBudget budget(UiPathConfiguration settings, String entitySet) {
        boolean limited = "Jobs".equals(entitySet) || "QueueItems".equals(entitySet);
        if (!limited || settings.getRequestsPerMinute() == 0) {
            return RequestBudget.unlimited();
        }
        String key = settings.getOrchestratorUrl() + "|" + entitySet + "|" + settings.getRequestsPerMinute();
        return budgets.computeIfAbsent(key, k -> new RequestBudget(settings.getRequestsPerMinute(), clock, sleeper));
    }

    /** One file state repository per file, shared by the endpoints that keep their watermarks there. */
    StateRepository<String, String> fileStateRepository(String path) {
        String absolute = new File(path).getAbsolutePath();
        return stateRepositories.computeIfAbsent(absolute, file -> {
            FileStateRepository repository = FileStateRepository.fileStateRepository(new File(file));
            ServiceHelper.startService(repository);
            return repository;
        });
    }

    Clock clock() {
        return clock;
    }

    private OrchestratorTransport transportFor(UiPathConfiguration settings, URI orchestratorUrl) {
        String key = orchestratorUrl + "|" + settings.getIdentityUrl() + "|" + settings.getCredentials() + "|"
                + settings.getScopes() + "|" + settings.getClientAuthentication();
        return transports.computeIfAbsent(key, k -> newTransport(settings, orchestratorUrl));
    }

    private synchronized OrchestratorTransport newTransport(UiPathConfiguration settings, URI orchestratorUrl) {
        URI identity = settings.getIdentityUrl() == null
                ? IdentityUrls.tokenEndpoint(orchestratorUrl)
                : IdentityUrls.requireHttp(URI.create(settings.getIdentityUrl()), "identityUrl");
        CredentialStore store = CredentialStores.open(settings.getCredentials(), StoreConfig.system());
        openedStores.add(store);
        TokenOptions.Builder options = TokenOptions.builder()
                .tokenEndpoint(identity)
                .credentialStore(store)
                .clientAuthentication(settings.getClientAuthentication());
        if (settings.getScopes() != null) {
            options.scope(settings.getScopes());
        }
        AuthorizedHttpClient http = AuthorizedHttpClient.create(tokens().provider(options.build()));
        return request -> http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private synchronized TokenService tokens() {
        if (tokenService == null) {
            tokenService = TokenService.create();
            ownsTokenService = true;
        }
        return tokenService;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        transports.clear();
        budgets.clear();
        ServiceHelper.stopService(stateRepositories.values());
        stateRepositories.clear();
        synchronized (this) {
            openedStores.forEach(CredentialStore::close);
            openedStores.clear();
            if (ownsTokenService) {
                tokenService.close();
                tokenService = null;
                ownsTokenService = false;
            }
        }
    }
}
