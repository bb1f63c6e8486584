package io.ambientcode.sidecar.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Acceptance 4 against the packaged sidecar: in read-only mode, under each of its three spellings, the write tools are
 * absent from tools/list and refused when called by name; the one ToolPolicy decision sees the folded value (an
 * explicit MCP_READ_ONLY=false does not undo an upstream spelling that asks for read-only). The truthy words each
 * spelling accepts (1, yes, y, on, ...) are {@code ReadOnlySpellingsTest}'s.
 */
class ReadOnlyModeIT {

    static FakeAmbient ambient;

    @BeforeAll
    static void fakes() throws Exception {
        ambient = new FakeAmbient("jira", "jt" + UUID.randomUUID(), "http://127.0.0.1:9", 0);
    }

    @AfterAll
    static void stop() {
        ambient.close();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "MCP_READ_ONLY, true", "JIRA_READ_ONLY_MODE, true", "READ_ONLY_MODE, yes" })
    void writeToolsAreHiddenAndRefusedByName(String variable, String value) throws Exception {
        Map<String, String> env = new HashMap<>(ambient.env());
        env.put(variable, value);
        if (!variable.equals(SidecarEnv.MCP_READ_ONLY)) {
            env.put(SidecarEnv.MCP_READ_ONLY, "false");
        }
        try (SidecarLauncher p = new SidecarLauncher(env).awaitReady(Duration.ofSeconds(60))) {
            McpHttpClient mcp = new McpHttpClient(p.baseUrl()).initialize();
            assertThat(mcp.toolNames()).containsExactlyInAnyOrderElementsOf(ToolInventoryTest.READ_ONLY);
            for (String write : ToolInventoryTest.WRITES) {
                JsonNode refused = mcp.callRaw(write, Map.of("issue_key", "PROJ-1"));
                assertThat(refused.path("error").path("message").asText()).as(write).contains("Invalid tool name");
            }
        }
    }
}
