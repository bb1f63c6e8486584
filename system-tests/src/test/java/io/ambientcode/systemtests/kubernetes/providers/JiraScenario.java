package io.ambientcode.systemtests.kubernetes.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jira Cloud: WireMock as the site ({@code /rest/api/3}), Basic {@code email:token} as Jira Cloud wants it. An issue
 * and the user's own profile ({@code /myself}), answered only for the current token of a user; others get 401.
 */
public final class JiraScenario implements ProviderScenario {

    static final String ISSUE = "SYS-42";

    private final WireMockServer site = Fakes.wireMock();
    private final String summary = "Systest issue summary " + Fakes.random(8);
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final Map<String, List<StubMapping>> stubs = new ConcurrentHashMap<>();

    public JiraScenario() {
        site.stubFor(any(urlPathMatching("/rest/.*")).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"You are not authenticated. Authentication required to perform this operation.\"],\"errors\":{}}")));
    }

    @Override
    public Provider provider() {
        return Provider.JIRA;
    }

    static String email(String owner) {
        return owner + "@systest.example";
    }

    @Override
    public Map<String, Object> newCredential(String owner) {
        String token = newToken(owner);
        accept(owner, token);
        return Map.of("name", "jira-" + owner, "provider", "jira", "token", token, "url", Fakes.url(site),
                "email", email(owner), "description", "system tests");
    }

    @Override
    public Map<String, Object> rotate(String owner) {
        stubs.getOrDefault(owner, List.of()).forEach(site::removeStub);
        String token = newToken(owner);
        accept(owner, token);
        return Map.of("token", token);
    }

    private static String newToken(String owner) {
        String token = "ATATT3x" + Fakes.random(40);
        RunSecrets.register("jira token of " + owner, token);
        RunSecrets.registerWithBase64("jira basic credential of " + owner, email(owner) + ":" + token);
        return token;
    }

    private void accept(String owner, String token) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((email(owner) + ":" + token).getBytes(StandardCharsets.UTF_8));
        authorizations.put(owner, basic);
        List<StubMapping> mine = new ArrayList<>();
        mine.add(site.stubFor(get(urlPathEqualTo("/rest/api/3/myself")).withHeader("Authorization", equalTo(basic)).atPriority(1)
                .willReturn(okJson("{\"accountId\":\"acc-" + owner + "\",\"displayName\":\"" + owner + "\",\"emailAddress\":\""
                        + email(owner) + "\",\"active\":true,\"timeZone\":\"UTC\"}"))));
        mine.add(site.stubFor(get(urlPathEqualTo("/rest/api/3/issue/" + ISSUE)).withHeader("Authorization", equalTo(basic)).atPriority(1)
                .willReturn(okJson("{\"id\":\"10042\",\"key\":\"" + ISSUE + "\",\"fields\":{\"summary\":\"" + summary
                        + "\",\"status\":{\"name\":\"To Do\"},\"issuetype\":{\"name\":\"Task\"},\"priority\":{\"name\":\"Medium\"},"
                        + "\"created\":\"2026-01-01T00:00:00.000+0000\",\"updated\":\"2026-01-01T00:00:00.000+0000\","
                        + "\"comment\":{\"comments\":[],\"total\":0}}}"))));
        stubs.put(owner, mine);
    }

    @Override
    public String exercise(McpClient mcp, Runner runner) {
        assertThat(mcp.toolNames()).contains("jira_get_issue", "jira_get_user_profile", "jira_search", "refresh_credentials");
        String me = whoAmI(mcp);
        JsonNode issue = mcp.call("jira_get_issue", Map.of("issue_key", ISSUE));
        assertThat(McpClient.isError(issue)).as("jira_get_issue: %s", McpClient.text(issue)).isFalse();
        assertThat(McpClient.text(issue)).contains(summary);
        return "jira_get_user_profile=" + me + ", jira_get_issue " + ISSUE;
    }

    @Override
    public JsonNode identityCall(McpClient mcp) {
        return mcp.call("jira_get_user_profile", Map.of("user_identifier", "me"));
    }

    @Override
    public String whoAmI(McpClient mcp) {
        JsonNode result = identityCall(mcp);
        assertThat(McpClient.isError(result)).as("jira_get_user_profile: %s", McpClient.text(result)).isFalse();
        try {
            return Http.JSON.readTree(McpClient.text(result)).path("user").path("displayName").asText();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + McpClient.text(result), e);
        }
    }

    @Override
    public String lastCredentialSeenUpstream() {
        return Fakes.lastAuthorization(site, "/rest/").orElse("");
    }

    @Override
    public String expectedUpstreamCredential(String owner) {
        return authorizations.get(owner);
    }

    @Override
    public void close() {
        site.stop();
    }
}
