package io.ambientcode.sidecar.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.ambientcode.sidecar.jira.support.JiraWorld.jira;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.sidecar.jira.support.JiraTestBase;
import io.ambientcode.sidecar.jira.support.JiraWorld;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.McpSdkClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Acceptance 5: the official MCP TypeScript SDK (pinned in sidecar-runtime/src/test/node) connects over streamable
 * HTTP ({@code /mcp}) and legacy SSE ({@code /mcp/sse}), lists the jira tools and calls {@code jira_get_all_projects}.
 */
@QuarkusTest
@QuarkusTestResource(value = JiraWorld.class, restrictToAnnotatedClass = false)
class McpTypeScriptSdkTest extends JiraTestBase {

    @ParameterizedTest
    @CsvSource({ "streamable,/mcp", "sse,/mcp/sse" })
    void theRealSdkConnectsListsAndCalls(String mode, String path) throws Exception {
        jira.stubFor(get(urlPathMatching("/rest/api/[23]/project")).willReturn(okJson("[{\"key\":\"SDK\",\"name\":\"Via SDK\"}]")));
        JsonNode result = McpSdkClient.run(mode, baseUrl() + path, "jira_get_all_projects", "{}");
        McpHttpClient.TRANSCRIPT.add(result.toString());
        assertThat(result.path("server").path("name").asText()).isEqualTo("jira");
        assertThat(result.path("tools").findValuesAsText("name")).hasSize(17)
                .contains("jira_get_issue", "jira_search", "jira_create_issue", "refresh_credentials");
        assertThat(result.path("call").path("isError").asBoolean(false)).isFalse();
        assertThat(result.path("call").path("content").path(0).path("text").asText()).contains("Via SDK");
    }
}
