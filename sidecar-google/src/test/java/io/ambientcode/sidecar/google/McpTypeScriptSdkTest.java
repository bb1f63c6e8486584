package io.ambientcode.sidecar.google;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ambientcode.sidecar.google.support.GoogleWorld.google;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.sidecar.google.support.GoogleTestBase;
import io.ambientcode.sidecar.google.support.GoogleWorld;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.McpSdkClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Acceptance 5: the official MCP TypeScript SDK (pinned in sidecar-runtime/src/test/node) connects over streamable
 * HTTP ({@code /mcp}) and legacy SSE ({@code /mcp/sse}), lists the google tools and calls {@code list_gmail_labels}.
 */
@QuarkusTest
@QuarkusTestResource(value = GoogleWorld.class, restrictToAnnotatedClass = false)
class McpTypeScriptSdkTest extends GoogleTestBase {

    @ParameterizedTest
    @CsvSource({ "streamable,/mcp", "sse,/mcp/sse" })
    void theRealSdkConnectsListsAndCalls(String mode, String path) throws Exception {
        GoogleWorld.stubTokenEndpoint(3600);
        google.stubFor(get(urlPathEqualTo(GMAIL + "/labels")).willReturn(okJson("{\"labels\":[{\"id\":\"Label_9\","
                + "\"name\":\"Via SDK\",\"type\":\"user\"}]}")));
        JsonNode result = McpSdkClient.run(mode, baseUrl() + path, "list_gmail_labels", "{}");
        McpHttpClient.TRANSCRIPT.add(result.toString());
        assertThat(result.path("server").path("name").asText()).isEqualTo("google-workspace");
        assertThat(result.path("tools").findValuesAsText("name")).hasSize(12)
                .contains("search_gmail_messages", "get_drive_file_content", "create_drive_file", "refresh_credentials");
        assertThat(result.path("call").path("isError").asBoolean(false)).isFalse();
        assertThat(result.path("call").path("content").path(0).path("text").asText()).contains("Via SDK");
    }
}
