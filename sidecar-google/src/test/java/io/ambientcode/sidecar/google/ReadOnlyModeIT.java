package io.ambientcode.sidecar.google;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.sidecar.google.support.GoogleWorld;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 4 against the packaged sidecar: with {@code MCP_READ_ONLY=true} the write tools are absent from
 * tools/list and refused by name, the read tools work, and a service account asks Google only for read-only scopes
 * (least privilege down to the access token).
 */
class ReadOnlyModeIT {

    @Test
    void writeToolsAreHiddenRefusedAndTheTokenIsReadOnly() throws Exception {
        WireMockServer google = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        google.start();
        KeyPair key = GoogleWorld.newKey();
        try (FakeAmbient ambient = new FakeAmbient("google", GoogleWorld.serviceAccount(key, "kid-ro"), null, 0)) {
            ambient.credentialApi.setEmail(GoogleWorld.SUBJECT);
            google.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("{\"access_token\":\"" + GoogleWorld.newSecret("at-")
                    + "\",\"expires_in\":3600}")));
            google.stubFor(get(urlPathEqualTo("/gmail/v1/users/me/labels")).willReturn(okJson("{\"labels\":[{\"id\":\"INBOX\","
                    + "\"name\":\"INBOX\",\"type\":\"system\"}]}")));
            Map<String, String> env = new HashMap<>(ambient.env());
            env.put(SidecarEnv.MCP_READ_ONLY, "true");
            env.put("AMBIENT_GOOGLE_TOKEN_URL", google.baseUrl() + "/token");
            env.put("AMBIENT_GOOGLE_GMAIL_URL", google.baseUrl());
            env.put("AMBIENT_GOOGLE_DRIVE_URL", google.baseUrl());
            try (SidecarLauncher p = new SidecarLauncher(env).awaitReady(Duration.ofSeconds(60))) {
                McpHttpClient mcp = new McpHttpClient(p.baseUrl()).initialize();
                assertThat(mcp.toolNames()).containsExactlyInAnyOrderElementsOf(ToolInventoryTest.READ_ONLY);
                for (String write : ToolInventoryTest.WRITES) {
                    JsonNode refused = mcp.callRaw(write, Map.of("to", "a@example.com", "subject", "s", "body", "b"));
                    assertThat(refused.path("error").path("message").asText()).as(write).contains("Invalid tool name");
                }
                JsonNode labels = mcp.call("list_gmail_labels", Map.of());
                assertThat(McpHttpClient.isError(labels)).as(McpHttpClient.text(labels)).isFalse();

                String body = google.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0).getBodyAsString();
                String assertion = URLDecoder.decode(body.substring(body.indexOf("assertion=") + "assertion=".length()),
                        StandardCharsets.UTF_8);
                JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(assertion);
                jws.setKey(key.getPublic());
                assertThat(jws.verifySignature()).isTrue();
                assertThat(JwtClaims.parse(jws.getPayload()).getStringClaimValue("scope")).isEqualTo(
                        "https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/drive.readonly");
                for (String secret : GoogleWorld.SECRETS) {
                    assertThat(p.output()).doesNotContain(secret);
                }
            }
        } finally {
            google.stop();
        }
    }
}
