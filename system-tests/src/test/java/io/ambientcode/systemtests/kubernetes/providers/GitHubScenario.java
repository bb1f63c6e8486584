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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitHub: WireMock as the REST API (GitHub Enterprise shape, {@code /api/v3}), and a real git smart-HTTP host behind it
 * for {@code <owner>/<repo>.git}, so the runner's plain {@code git clone https://github.com/...} goes through the
 * sidecar's proxy via the insteadOf rewrite. Every stub answers only the current token of a user; others get 401.
 */
public final class GitHubScenario implements ProviderScenario {

    public static final String OWNER = "acme";
    public static final String REPO = "widgets";

    private final WireMockServer api = Fakes.wireMock();
    private final GitHost git;
    private final String issueTitle = "Systest issue " + Fakes.random(8);
    private final String readme = "systest readme " + Fakes.random(12) + "\n";
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, List<StubMapping>> stubs = new ConcurrentHashMap<>();

    public GitHubScenario() {
        try {
            git = new GitHost();
            git.createRepository(OWNER, REPO, "README.md", readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        api.stubFor(any(urlPathMatching("/api/v3/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}")));
        api.stubFor(any(urlPathMatching("/" + OWNER + "/" + REPO + "\\.git/.*")).atPriority(5)
                .willReturn(aResponse().proxiedFrom(git.url())));
    }

    @Override
    public Provider provider() {
        return Provider.GITHUB;
    }

    @Override
    public Map<String, Object> newCredential(String owner) {
        accept(owner, newToken(owner));
        return Map.of("name", "github-" + owner, "provider", "github", "token", tokens.get(owner),
                "url", Fakes.url(api) + "/api/v3", "description", "system tests");
    }

    @Override
    public Map<String, Object> rotate(String owner) {
        String old = tokens.get(owner);
        stubs.getOrDefault(owner, List.of()).forEach(api::removeStub);
        git.revoke(old);
        accept(owner, newToken(owner));
        return Map.of("token", tokens.get(owner));
    }

    private String newToken(String owner) {
        String token = "ghp_" + Fakes.random(36);
        RunSecrets.registerWithBase64("github token of " + owner, token);
        RunSecrets.registerWithBase64("github git credential of " + owner, "x-access-token:" + token);
        return token;
    }

    private void accept(String owner, String token) {
        tokens.put(owner, token);
        String bearer = "Bearer " + token;
        List<StubMapping> mine = new ArrayList<>();
        mine.add(api.stubFor(get(urlPathEqualTo("/api/v3/user")).withHeader("Authorization", equalTo(bearer)).atPriority(1)
                .willReturn(okJson("{\"login\":\"" + owner + "\",\"id\":" + Math.abs(owner.hashCode()) + ",\"type\":\"User\"}"))));
        mine.add(api.stubFor(get(urlPathEqualTo("/api/v3/repos/" + OWNER + "/" + REPO + "/issues"))
                .withHeader("Authorization", equalTo(bearer)).atPriority(1)
                .willReturn(okJson("[{\"number\":7,\"title\":\"" + issueTitle + "\",\"state\":\"open\",\"user\":{\"login\":\""
                        + owner + "\"},\"labels\":[],\"comments\":0,\"html_url\":\"https://github.com/" + OWNER + "/" + REPO
                        + "/issues/7\",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}]"))));
        stubs.put(owner, mine);
        git.accept(token);
    }

    @Override
    public String exercise(McpClient mcp, Runner runner) throws Exception {
        assertThat(mcp.toolNames()).contains("get_me", "list_issues", "get_file_contents", "refresh_credentials");
        String me = whoAmI(mcp);

        JsonNode issues = mcp.call("list_issues", Map.of("owner", OWNER, "repo", REPO));
        assertThat(McpClient.isError(issues)).as("list_issues: %s", McpClient.text(issues)).isFalse();
        assertThat(McpClient.text(issues)).contains(issueTitle);

        // git through the sidecar's proxy: the runner has only the insteadOf rewrite, no credential.
        Path work = Files.createTempDirectory("runner-workspace");
        runner.git(work, "clone", "-q", "https://github.com/" + OWNER + "/" + REPO + ".git", "repo");
        Path repo = work.resolve("repo");
        assertThat(Files.readString(repo.resolve("README.md"))).isEqualTo(readme);
        String change = "pushed by the runner " + Fakes.random(8) + "\n";
        Files.writeString(repo.resolve("CHANGE.md"), change);
        runner.git(repo, "add", "CHANGE.md");
        runner.git(repo, "commit", "-q", "-m", "runner change");
        runner.git(repo, "push", "-q", "origin", "HEAD:main");
        assertThat(git.show(OWNER, REPO, "main", "CHANGE.md")).isEqualTo(change);
        // Nothing the runner keeps holds a credential: the clone's config names only github.com.
        assertThat(Files.readString(repo.resolve(".git/config"))).contains("https://github.com/" + OWNER + "/" + REPO + ".git");
        return "get_me=" + me + ", list_issues, git clone+push via proxy";
    }

    @Override
    public JsonNode identityCall(McpClient mcp) {
        return mcp.call("get_me", Map.of());
    }

    @Override
    public String whoAmI(McpClient mcp) {
        JsonNode me = identityCall(mcp);
        assertThat(McpClient.isError(me)).as("get_me: %s", McpClient.text(me)).isFalse();
        try {
            return Http.JSON.readTree(McpClient.text(me)).path("login").asText();
        } catch (IOException e) {
            throw new AssertionError("get_me is not JSON: " + McpClient.text(me), e);
        }
    }

    @Override
    public String lastCredentialSeenUpstream() {
        return Fakes.lastAuthorization(api, "/api/v3/").orElse("");
    }

    @Override
    public String expectedUpstreamCredential(String owner) {
        return "Bearer " + tokens.get(owner);
    }

    /** The fake GitHub REST API itself, for tests that change how it behaves (a slow path) or clear its request journal. */
    public WireMockServer upstream() {
        return api;
    }

    @Override
    public void close() {
        api.stop();
        git.close();
    }
}
