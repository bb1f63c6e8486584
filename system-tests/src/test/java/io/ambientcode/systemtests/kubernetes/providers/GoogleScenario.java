package io.ambientcode.systemtests.kubernetes.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.systemtests.kubernetes.harness.McpClient;
import io.ambientcode.systemtests.kubernetes.harness.Runner;
import io.ambientcode.systemtests.support.Http;
import io.ambientcode.systemtests.support.RunSecrets;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Google Workspace: WireMock as the OAuth token endpoint and the Gmail API. An {@code authorized_user} credential's
 * refresh token buys an access token (made here, per user); the Gmail API answers only current access tokens, with a
 * label that names the user. The sidecar's endpoints are configuration of its image (there is no URL in a Google
 * credential), so the test image is built pointing at WireMock: {@link #imageOptions()}.
 */
public final class GoogleScenario implements ProviderScenario {

    private final WireMockServer google = Fakes.wireMock();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, List<StubMapping>> stubs = new ConcurrentHashMap<>();

    public GoogleScenario() {
        google.stubFor(any(urlPathMatching("/gmail/.*")).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}")));
        google.stubFor(post(urlPathEqualTo("/token")).atPriority(10).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));
    }

    @Override
    public Provider provider() {
        return Provider.GOOGLE;
    }

    @Override
    public List<String> imageOptions() {
        String url = Fakes.url(google);
        return List.of("-Dambient.google.token-url=" + url + "/token", "-Dambient.google.gmail-url=" + url,
                "-Dambient.google.drive-url=" + url);
    }

    @Override
    public Map<String, Object> newCredential(String owner) {
        return Map.of("name", "google-" + owner, "provider", "google", "token", authorizedUser(owner), "description", "system tests");
    }

    @Override
    public Map<String, Object> rotate(String owner) {
        stubs.getOrDefault(owner, List.of()).forEach(google::removeStub);
        return Map.of("token", authorizedUser(owner));
    }

    private String authorizedUser(String owner) {
        String clientSecret = "GOCSPX-" + Fakes.random(28);
        String refreshToken = "1//0" + Fakes.random(60);
        String accessToken = "ya29." + Fakes.random(80);
        RunSecrets.register("google client secret of " + owner, clientSecret);
        RunSecrets.register("google refresh token of " + owner, refreshToken);
        RunSecrets.register("google access token of " + owner, accessToken);
        RunSecrets.register("google refresh token of " + owner + " (form-encoded)", URLEncoder.encode(refreshToken, StandardCharsets.UTF_8));
        accessTokens.put(owner, accessToken);
        List<StubMapping> mine = new ArrayList<>();
        mine.add(google.stubFor(post(urlPathEqualTo("/token")).atPriority(1)
                .withRequestBody(containing("refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"expires_in\":3599,\"token_type\":\"Bearer\","
                        + "\"scope\":\"https://www.googleapis.com/auth/gmail.modify\"}"))));
        mine.add(google.stubFor(get(urlPathEqualTo("/gmail/v1/users/me/labels")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .atPriority(1).willReturn(okJson("{\"labels\":[{\"id\":\"INBOX\",\"name\":\"INBOX\",\"type\":\"system\"},"
                        + "{\"id\":\"Label_7\",\"name\":\"systest-" + owner + "\",\"type\":\"user\"}]}"))));
        stubs.put(owner, mine);
        String json = "{\"type\":\"authorized_user\",\"client_id\":\"systest-" + owner + ".apps.googleusercontent.com\","
                + "\"client_secret\":\"" + clientSecret + "\",\"refresh_token\":\"" + refreshToken + "\"}";
        RunSecrets.register("google credential of " + owner, json);
        return json;
    }

    @Override
    public String exercise(McpClient mcp, Runner runner) {
        assertThat(mcp.toolNames()).contains("list_gmail_labels", "search_gmail_messages", "search_drive_files", "refresh_credentials");
        String me = whoAmI(mcp);
        return "token endpoint (refresh_token grant), list_gmail_labels as " + me;
    }

    @Override
    public JsonNode identityCall(McpClient mcp) {
        return mcp.call("list_gmail_labels", Map.of());
    }

    @Override
    public String whoAmI(McpClient mcp) {
        JsonNode result = identityCall(mcp);
        assertThat(McpClient.isError(result)).as("list_gmail_labels: %s", McpClient.text(result)).isFalse();
        try {
            for (JsonNode label : Http.JSON.readTree(McpClient.text(result)).path("labels")) {
                if (label.path("name").asText().startsWith("systest-")) {
                    return label.path("name").asText().substring("systest-".length());
                }
            }
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + McpClient.text(result), e);
        }
        throw new AssertionError("no user label in " + McpClient.text(result));
    }

    @Override
    public String lastCredentialSeenUpstream() {
        return Fakes.lastAuthorization(google, "/gmail/").orElse("");
    }

    @Override
    public String expectedUpstreamCredential(String owner) {
        return "Bearer " + accessTokens.get(owner);
    }

    @Override
    public void close() {
        google.stop();
    }
}
