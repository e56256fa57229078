package io.github.uipathbridge.credentials.vault;

import static org.awaitility.Awaitility.await;

import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/**
 * Sets OpenBao up for a test through its HTTP API with a root token: mounts, policies, auth methods, secrets. Names are
 * made unique per call of {@link #unique(String)} so reruns against the same dev server do not collide.
 */
final class OpenBaoAdmin {

    private final HttpClient http;

    private final String address;

    private final String rootToken;

    private String namespace;

    OpenBaoAdmin(String address, String rootToken) {
        this(address, rootToken, null);
    }

    /** An admin that trusts {@code tls} (for a server with a certificate of its own), or the JDK defaults if null. */
    OpenBaoAdmin(String address, String rootToken, SSLContext tls) {
        this.address = address;
        this.rootToken = rootToken;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /** An admin for a new namespace of that name, created now. */
    OpenBaoAdmin createNamespace(String name) {
        call("POST", "sys/namespaces/" + name, Json.object());
        OpenBaoAdmin admin = new OpenBaoAdmin(address, rootToken);
        admin.namespace = name;
        return admin;
    }

    /** Waits until the server answers its health check with 200 (initialized, unsealed, active). */
    OpenBaoAdmin awaitHealthy() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> http.send(
                                        HttpRequest.newBuilder(URI.create(address + "/v1/sys/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
        return this;
    }

    /** The dev server the test script started; fails with a hint when it is not there. */
    static OpenBaoAdmin fromEnvironment() {
        return new OpenBaoAdmin(required("UIPATH_IT_VAULT_ADDR"), required("UIPATH_IT_VAULT_TOKEN"));
    }

    static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    name + " is not set: run the integration tests through scripts/test.sh, which starts OpenBao");
        }
        return value;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String address() {
        return address;
    }

    String rootToken() {
        return rootToken;
    }

    void mountKv(String path, int version) {
        call(
                "POST",
                "sys/mounts/" + path,
                Json.object()
                        .add("type", "kv")
                        .add("options", Json.object().add("version", Integer.toString(version))));
    }

    /** Writes a KV v2 secret and returns its new version. */
    int writeKv2(String mount, String path, Map<String, String> values) {
        JsonObject data = Json.object();
        values.forEach(data::add);
        JsonObject answer = call("POST", mount + "/data/" + path, Json.object().add("data", data));
        return answer.get("data").asObject().get("version").asInt();
    }

    void writeKv1(String mount, String path, Map<String, String> values) {
        JsonObject data = Json.object();
        values.forEach(data::add);
        call("POST", mount + "/" + path, data);
    }

    void writeRaw(String path, JsonObject body) {
        call("POST", path, body);
    }

    void policy(String name, String hcl) {
        call("PUT", "sys/policies/acl/" + name, Json.object().add("policy", hcl));
    }

    void enableAuth(String path, String type) {
        call("POST", "sys/auth/" + path, Json.object().add("type", type));
    }

    String roleId(String mount, String role) {
        return call("GET", "auth/" + mount + "/role/" + role + "/role-id", null)
                .get("data")
                .asObject()
                .getString("role_id");
    }

    String newSecretId(String mount, String role) {
        return call("POST", "auth/" + mount + "/role/" + role + "/secret-id", Json.object())
                .get("data")
                .asObject()
                .getString("secret_id");
    }

    /** A response-wrapped secret id: the wrapping token, valid for one unwrap. */
    String newWrappedSecretId(String mount, String role) {
        return send(
                        "POST",
                        "auth/" + mount + "/role/" + role + "/secret-id",
                        Json.object(),
                        Map.of("X-Vault-Wrap-TTL", "120s"))
                .get("wrap_info")
                .asObject()
                .getString("token");
    }

    /** A child token of the root token with the given policies. */
    String createToken(String policy, String ttl) {
        return call(
                        "POST",
                        "auth/token/create",
                        Json.object().add("policies", Json.array(policy)).add("ttl", ttl))
                .get("auth")
                .asObject()
                .getString("client_token");
    }

    /** Revokes every token issued by logins at {@code auth/<mount>}. */
    void revokeLogins(String mount) {
        call("PUT", "sys/leases/revoke-prefix/auth/" + mount, Json.object());
    }

    JsonObject call(String method, String path, JsonObject body) {
        return send(method, path, body, Map.of());
    }

    private JsonObject send(String method, String path, JsonObject body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address + "/v1/" + path))
                .timeout(Duration.ofSeconds(10))
                .header("X-Vault-Token", rootToken)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        if (namespace != null) {
            request.header("X-Vault-Namespace", namespace);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
        if (response.statusCode() >= 300) {
            // Error bodies hold error strings only, no secrets.
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        if (response.body().isBlank()) {
            return new JsonObject();
        }
        JsonValue value = Json.parse(response.body());
        return value.asObject();
    }
}
