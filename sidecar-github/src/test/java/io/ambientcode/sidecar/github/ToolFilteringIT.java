package io.ambientcode.sidecar.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
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
 * annotations {@code ToolInventoryTest} checks.
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
        }
    }
}
