package io.ambientcode.sidecar.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.sidecar.github.support.McpClient;
import io.ambientcode.sidecar.github.support.SidecarProcess;
import io.ambientcode.sidecar.testing.FakeAmbient;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 7, against the packaged sidecar: {@code MCP_READ_ONLY=true} hides every write tool (and a hidden tool
 * cannot be called by name); {@code MCP_TOOLS} and {@code MCP_EXCLUDE_TOOLS} filter by name.
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

    Set<String> toolNames(McpClient mcp) {
        Set<String> names = new HashSet<>();
        mcp.listTools().path("tools").forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    McpClient start(SidecarProcess p) {
        await().atMost(Duration.ofSeconds(60)).until(() -> p.status("/q/health/ready") == 200);
        return new McpClient(p.baseUrl()).initialize();
    }

    @Test
    void readOnlyHidesEveryWriteTool() throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.put(SidecarEnv.MCP_READ_ONLY, "true");
        env.put(SidecarEnv.MCP_TOOLS, "");
        try (SidecarProcess p = new SidecarProcess(env, List.of())) {
            McpClient mcp = start(p);
            assertThat(toolNames(mcp)).containsExactlyInAnyOrderElementsOf(ToolInventoryTest.READ_ONLY);
            JsonNode hidden = mcp.callRaw("delete_file", Map.of("owner", "a", "repo", "b", "path", "c", "message", "m",
                    "branch", "main"));
            assertThat(hidden.path("error").path("message").asText()).contains("Invalid tool name");
        }
    }

    @Test
    void allowAndDenyListsFilterByName() throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.put(SidecarEnv.MCP_TOOLS, "get_me,create_issue,list_issues");
        env.put(SidecarEnv.MCP_EXCLUDE_TOOLS, "list_issues");
        try (SidecarProcess p = new SidecarProcess(env, List.of())) {
            McpClient mcp = start(p);
            assertThat(toolNames(mcp)).containsExactlyInAnyOrder("get_me", "create_issue");
            assertThat(mcp.callRaw("list_issues", Map.of("owner", "a", "repo", "b")).path("error").path("message").asText())
                    .contains("Invalid tool name");
        }
    }
}
