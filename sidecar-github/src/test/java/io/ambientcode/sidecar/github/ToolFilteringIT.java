package io.ambientcode.sidecar.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 7, against the packaged sidecar: {@code MCP_READ_ONLY=true} hides every write tool of github (and a hidden
 * tool cannot be called by name). The name filters ({@code MCP_TOOLS}, {@code MCP_EXCLUDE_TOOLS}) and
 * {@code MCP_DISABLE_DESTRUCTIVE} are the runtime's one policy, proven through a packaged sidecar by sidecar-runtime's
 * {@code StartupContractIT} and rule by rule by {@code ToolPolicyTest}; which github tools they hide follows from the
 * annotations {@code ToolInventoryTest} checks. Read-only mode also refuses pushes through the git proxy, before any
 * request leaves the sidecar, while fetches are still forwarded.
 */
class ToolFilteringIT {

    static FakeAmbient ambient;

    @BeforeAll
    static void fakes() throws Exception {
        ambient = new FakeAmbient("github", "ghp_" + java.util.UUID.randomUUID().toString().replace("-", ""),
                "http://127.0.0.1:9", 0);
    }

    @AfterAll
    static void stop() {
        ambient.close();
    }

    @Test
    void readOnlyHidesEveryWriteTool() throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.put(SidecarEnv.MCP_READ_ONLY, "true");
        env.put(SidecarEnv.MCP_TOOLS, "");
        try (SidecarLauncher p = new SidecarLauncher(env).awaitReady(Duration.ofSeconds(60))) {
            McpHttpClient mcp = new McpHttpClient(p.baseUrl()).initialize();
            assertThat(mcp.toolNames()).containsExactlyInAnyOrderElementsOf(ToolInventoryTest.READ_ONLY);
            JsonNode hidden = mcp.callRaw("delete_file", Map.of("owner", "a", "repo", "b", "path", "c", "message", "m",
                    "branch", "main"));
            assertThat(hidden.path("error").path("message").asText()).contains("Invalid tool name");

            // The git host of this credential (127.0.0.1:9) answers nothing: a forwarded request ends in "could not
            // be reached", a refused push never gets that far.
            assertThat(gitBody(p, "/git/octo/demo.git/info/refs?service=git-receive-pack", "GET"))
                    .contains("read-only (MCP_READ_ONLY=true): git push is refused").doesNotContain("could not be reached");
            assertThat(gitBody(p, "/git/octo/demo.git/git-receive-pack", "POST"))
                    .contains("git push is refused");
            assertThat(gitBody(p, "/git/octo/demo.git/info/refs?service=git-upload-pack", "GET"))
                    .contains("could not be reached").doesNotContain("refused");
        }
    }

    private static String gitBody(SidecarLauncher p, String path, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(p.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofString("0000"))
                .timeout(Duration.ofSeconds(30)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
