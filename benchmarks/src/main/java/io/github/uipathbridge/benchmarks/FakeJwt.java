package io.github.uipathbridge.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Token values shaped and sized like the JWTs the UiPath identity server issues (about 1,100 characters), so that
 * copying a token into a header costs in the benchmark what it costs in production. Not signed; nothing checks them.
 */
final class FakeJwt {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private FakeJwt() {}

    static String token(int n) {
        String header = encode("{\"alg\":\"RS256\",\"kid\":\"bench\",\"typ\":\"JWT\"}");
        String payload = encode("{\"iss\":\"https://cloud.uipath.com/identity_\",\"exp\":4102444800,"
                + "\"aud\":\"UiPath.Orchestrator\",\"client_id\":\"bench-client\",\"scope\":[\"OR.Machines\"],"
                + "\"prt_id\":\"" + "0".repeat(36) + "\",\"sub\":\"" + "b".repeat(36) + "\",\"n\":" + n
                + ",\"filler\":\"" + "x".repeat(420) + "\"}");
        String signature = "s".repeat(342);
        return header + "." + payload + "." + signature;
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
