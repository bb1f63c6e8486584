package io.ambientcode.sidecar.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.ambientcode.sidecar.github.support.GitHubWorld.github;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.sidecar.github.support.GitHubWorld;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import io.ambientcode.sidecar.testing.McpSdkClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Acceptance 2: the official MCP TypeScript SDK ({@code @modelcontextprotocol/sdk}, pinned with a committed lockfile
 * in sidecar-runtime/src/test/node) connects over streamable HTTP ({@code /mcp}) and legacy SSE ({@code /mcp/sse}), lists the tools
 * and calls {@code get_me}. {@code npm ci} runs once when node_modules is missing; later runs work offline.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubWorld.class, restrictToAnnotatedClass = false)
class McpTypeScriptSdkTest extends SidecarQuarkusTestBase {

    @ParameterizedTest
    @CsvSource({ "streamable,/mcp", "sse,/mcp/sse" })
    void theRealSdkConnectsListsAndCalls(String mode, String path) throws Exception {
        github.stubFor(get("/user").willReturn(okJson("{\"login\":\"sdk-octocat\"}")));
        JsonNode result = McpSdkClient.run(mode, baseUrl() + path, "get_me", "{}");
        McpHttpClient.TRANSCRIPT.add(result.toString());
        assertThat(result.path("server").path("name").asText()).isEqualTo("github");
        assertThat(result.path("tools")).hasSizeGreaterThanOrEqualTo(30);
        assertThat(result.path("tools").findValuesAsText("name")).contains("get_me", "push_files", "refresh_credentials");
        assertThat(result.path("call").path("isError").asBoolean(false)).isFalse();
        assertThat(result.path("call").path("content").path(0).path("text").asText()).contains("sdk-octocat");
    }
}
