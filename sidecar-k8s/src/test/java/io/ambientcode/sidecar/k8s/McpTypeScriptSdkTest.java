package io.ambientcode.sidecar.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.sidecar.k8s.support.K8sWorld;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.McpSdkClient;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Acceptance 5: the official MCP TypeScript SDK (pinned by the lockfile in sidecar-runtime/src/test/node) connects over
 * streamable HTTP ({@code /mcp}) and legacy SSE ({@code /mcp/sse}), lists the tools and calls
 * {@code pods_list_in_namespace} against the target cluster.
 */
@QuarkusTest
@QuarkusTestResource(value = K8sWorld.class, restrictToAnnotatedClass = false)
class McpTypeScriptSdkTest extends SidecarQuarkusTestBase {

    @ParameterizedTest
    @CsvSource({ "streamable,/mcp", "sse,/mcp/sse" })
    void theRealSdkConnectsListsAndCalls(String mode, String path) throws Exception {
        JsonNode result = McpSdkClient.run(mode, baseUrl() + path, "pods_list_in_namespace",
                "{\"namespace\":\"" + K8sWorld.HOME_NS + "\"}");
        McpHttpClient.TRANSCRIPT.add(result.toString());
        assertThat(result.path("server").path("name").asText()).isEqualTo("kubernetes");
        assertThat(result.path("tools").findValuesAsText("name")).contains("pods_list", "resources_create_or_update",
                "refresh_credentials").doesNotContain("pods_exec");
        assertThat(result.path("call").path("isError").asBoolean(false)).isFalse();
        assertThat(result.path("call").path("content").path(0).path("text").asText()).contains("web-1");
    }
}
