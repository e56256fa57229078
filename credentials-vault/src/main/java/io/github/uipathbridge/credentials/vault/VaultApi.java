package io.github.uipathbridge.credentials.vault;

import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.Auth;
import io.github.jopenlibs.vault.api.Logical;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.github.jopenlibs.vault.response.LookupResponse;
import io.github.jopenlibs.vault.rest.RestResponse;
import io.github.uipathbridge.credentials.Secret;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The calls this store makes to Vault, on the vault-java-driver: read a KV path, log in, renew and look up the current
 * token, unwrap a response-wrapped secret id.
 *
 * <p>The driver's own retries are off (this store retries with backoff and jitter, see {@link RetryPolicy}), its KV
 * path rewriting is off (global engine version 1; {@link KvSecret} builds the paths), and it reads no environment
 * variable of its own ({@code VAULT_TOKEN}, {@code ~/.vault-token}, {@code VAULT_SSL_CERT}): everything comes from
 * {@link VaultOptions}. A driver {@link VaultException} carries the response body in its message; it is never kept as a
 * cause or logged here, only its status and its transport cause travel on, in a {@link VaultCallException}.
 *
 * <p>The driver logs through java.util.logging only in {@code VaultImpl} (namespace and engine-version notices), which
 * this store never constructs; it prints to standard error only for malformed timeout variables it is not given here.
 *
 * <p>Each call builds a fresh driver {@code VaultConfig} holding the token it needs, so a token change never races with
 * a call in flight. Thread-safe. Not final only so that unit tests can stand in for Vault.
 */
class VaultApi {

    private static final EnvironmentLoader NO_ENVIRONMENT = new EnvironmentLoader() {
        private static final long serialVersionUID = 1L;

        @Override
        public String loadVariable(String name) {
            return null;
        }
    };

    private final VaultOptions options;

    private final Clock clock;

    private final SslConfig sslConfig;

    private final HttpClient httpClient;

    private final int openTimeoutSeconds;

    private final int readTimeoutSeconds;

    VaultApi(VaultOptions options, SSLContext sslContext, Clock clock) {
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.openTimeoutSeconds = wholeSeconds(options.connectTimeout());
        this.readTimeoutSeconds = wholeSeconds(options.readTimeout());
        this.sslConfig = sslConfig(options.tlsVerify());
        // With verification off the driver builds a client per call with its trust-everything context; otherwise one
        // shared client carries our trust and key material, connect timeout and connection pool.
        this.httpClient = options.tlsVerify() ? httpClient(options, sslContext) : null;
    }

    /** The Vault address and namespace, for messages. */
    String describe() {
        return options.describe();
    }

    /**
     * Reads a path.
     *
     * @return the status and the parsed body for 2xx and 4xx answers
     * @throws VaultCallException for a 5xx answer or when no answer came
     */
    Reply read(String path, Secret token) throws VaultCallException {
        String operation = "read " + path;
        LogicalResponse response;
        try {
            response = new Logical(config(token)).read(path);
        } catch (VaultException e) {
            throw VaultCallException.from(operation, e);
        }
        return Reply.of(response.getRestResponse());
    }

    VaultToken loginByAppRole(String mount, String roleId, Secret secretId) throws VaultCallException {
        Instant sent = clock.instant();
        try {
            return issued(new Auth(config(null)).loginByAppRole(mount, roleId, secretId.reveal()), sent, mount);
        } catch (VaultException e) {
            throw VaultCallException.from("log in at auth/" + mount, e);
        }
    }

    VaultToken loginByJwt(String mount, String role, Secret jwt) throws VaultCallException {
        Instant sent = clock.instant();
        try {
            return issued(new Auth(config(null)).loginByJwt("jwt", role, jwt.reveal(), "auth/" + mount), sent, mount);
        } catch (VaultException e) {
            throw VaultCallException.from("log in at auth/" + mount, e);
        }
    }

    VaultToken loginByKubernetes(String mount, String role, Secret jwt) throws VaultCallException {
        Instant sent = clock.instant();
        try {
            return issued(new Auth(config(null)).loginByKubernetes(role, jwt.reveal(), "auth/" + mount), sent, mount);
        } catch (VaultException e) {
            throw VaultCallException.from("log in at auth/" + mount, e);
        }
    }

    /** Looks up a token given as configuration, to learn its lease. */
    VaultToken lookupSelf(Secret token) throws VaultCallException {
        Instant sent = clock.instant();
        LookupResponse response;
        try {
            response = new Auth(config(token)).lookupSelf();
        } catch (VaultException e) {
            throw VaultCallException.from("look up the token", e);
        }
        Duration ttl = Duration.ofSeconds(Math.max(0, response.getTTL()));
        Duration creationTtl = Duration.ofSeconds(Math.max(0, response.getCreationTTL()));
        return VaultToken.issued(token, sent, ttl, creationTtl.isZero() ? ttl : creationTtl, response.isRenewable());
    }

    /**
     * Renews the token's lease.
     *
     * @return the token with its new lease
     */
    VaultToken renewSelf(VaultToken token) throws VaultCallException {
        Instant sent = clock.instant();
        AuthResponse response;
        try {
            response = new Auth(config(token.value())).renewSelf();
        } catch (VaultException e) {
            throw VaultCallException.from("renew the token", e);
        }
        return token.renewed(sent, Duration.ofSeconds(Math.max(0, response.getAuthLeaseDuration())));
    }

    /** Revokes a token this store obtained, so it does not outlive the store. */
    void revokeSelf(Secret token) throws VaultCallException {
        try {
            new Auth(config(token)).revokeSelf();
        } catch (VaultException e) {
            throw VaultCallException.from("revoke the token", e);
        }
    }

    /** Unwraps a response-wrapped AppRole secret id; the wrapping token is single-use. */
    Secret unwrapSecretId(Secret wrappingToken) throws VaultCallException {
        String operation = "unwrap the secret id";
        LogicalResponse response;
        try {
            response = new Logical(config(wrappingToken)).write("sys/wrapping/unwrap", null);
        } catch (VaultException e) {
            throw VaultCallException.from(operation, e);
        }
        Reply reply = Reply.of(response.getRestResponse());
        if (reply.status() != 200) {
            throw new VaultCallException(operation, reply.status(), null);
        }
        JsonValue secretId = reply.object("data").get("secret_id");
        if (secretId == null || !secretId.isString() || secretId.asString().isEmpty()) {
            throw new VaultCallException(operation + " (the wrapped answer holds no secret_id)", 200, null);
        }
        return Secret.of(secretId.asString());
    }

    private VaultToken issued(AuthResponse response, Instant sent, String mount) throws VaultCallException {
        String token = response.getAuthClientToken();
        if (token == null || token.isEmpty()) {
            throw new VaultCallException("log in at auth/" + mount + " (the answer holds no client token)", 200, null);
        }
        Duration ttl = Duration.ofSeconds(Math.max(0, response.getAuthLeaseDuration()));
        return VaultToken.issued(Secret.of(token), sent, ttl, ttl, response.isAuthRenewable());
    }

    private VaultConfig config(Secret token) {
        VaultConfig config = new VaultConfig()
                .environmentLoader(NO_ENVIRONMENT)
                .address(options.address().toString())
                .engineVersion(1)
                .openTimeout(openTimeoutSeconds)
                .readTimeout(readTimeoutSeconds)
                .sslConfig(sslConfig)
                .httpClient(httpClient);
        if (token != null) {
            config.token(token.reveal());
        }
        try {
            // Logins use the same namespace as reads, so a role defined in the root namespace cannot log in for
            // secrets kept in a child namespace.
            if (options.namespace().isPresent()) {
                config.nameSpace(options.namespace().get());
            }
            return config.build();
        } catch (VaultException e) {
            // build() only fails without an address or with an empty namespace, both ruled out by VaultOptions.
            throw new IllegalStateException("vault-java-driver refused a checked configuration", e);
        }
    }

    private static SslConfig sslConfig(boolean verify) {
        SslConfig config = new SslConfig() {
            private static final long serialVersionUID = 1L;

            {
                // Without this the driver would read VAULT_SSL_CERT from the process environment on its own.
                environmentLoader(NO_ENVIRONMENT);
            }
        };
        try {
            return config.verify(verify).build();
        } catch (VaultException e) {
            throw new IllegalStateException("vault-java-driver refused an empty TLS configuration", e);
        }
    }

    private static HttpClient httpClient(VaultOptions options, SSLContext sslContext) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // HTTP/1.1 as the driver does: Vault Agent and some proxies mishandle h2c upgrades.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                // A standby node answers 307 to the active node; the Vault clients follow it.
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    private static int wholeSeconds(Duration duration) {
        long millis = duration.toMillis();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (millis + 999) / 1000));
    }

    /**
     * An answer from Vault: its status and its body as JSON (an empty object when the body is empty or not JSON). Holds
     * secret values after a successful read, so it is a class whose {@code toString} shows only the status.
     */
    static final class Reply {

        private final int status;

        private final JsonObject body;

        Reply(int status, JsonObject body) {
            this.status = status;
            this.body = Objects.requireNonNull(body, "body must not be null");
        }

        static Reply of(RestResponse response) {
            return new Reply(response.getStatus(), parse(response.getBody()));
        }

        int status() {
            return status;
        }

        /** A member object of the body, or an empty object if there is none. */
        JsonObject object(String name) {
            JsonValue value = body.get(name);
            return value != null && value.isObject() ? value.asObject() : new JsonObject();
        }

        /** The {@code warnings} Vault added, joined; warnings hold no secret values. */
        String warnings() {
            JsonValue warnings = body.get("warnings");
            return warnings != null && warnings.isArray() ? warnings.toString() : "";
        }

        private static JsonObject parse(byte[] body) {
            if (body == null || body.length == 0) {
                return new JsonObject();
            }
            try {
                JsonValue value = Json.parse(new String(body, StandardCharsets.UTF_8));
                return value.isObject() ? value.asObject() : new JsonObject();
            } catch (RuntimeException e) {
                // A proxy's HTML error page: the status says enough.
                return new JsonObject();
            }
        }

        @Override
        public String toString() {
            return "Reply[status=" + status + "]";
        }
    }

    /**
     * A call to Vault failed: the status Vault answered (0 when no answer came) and, for a transport failure, the
     * exception underneath. The message names the operation and never a value.
     */
    static final class VaultCallException extends Exception {

        private static final long serialVersionUID = 1L;

        private final String operation;

        private final int status;

        VaultCallException(String operation, int status, Throwable transportCause) {
            super(
                    operation + ": "
                            + (status != 0
                                    ? "HTTP " + status
                                    : transportCause == null
                                            ? "no answer"
                                            : transportCause.getClass().getSimpleName()),
                    transportCause);
            this.operation = operation;
            this.status = status;
        }

        /** What was attempted, for example {@code renew the token}; names no value. */
        String operation() {
            return operation;
        }

        static VaultCallException from(String operation, VaultException e) {
            return new VaultCallException(operation, e.getHttpStatusCode(), transportCause(e));
        }

        /** The HTTP status Vault answered, or 0 if none came (refused, reset, timed out). */
        int status() {
            return status;
        }

        /** The I/O failure underneath a driver exception, whose own message may hold a response body. */
        private static Throwable transportCause(VaultException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return cause;
                }
                if (cause instanceof IOException) {
                    return cause;
                }
            }
            return null;
        }
    }
}
