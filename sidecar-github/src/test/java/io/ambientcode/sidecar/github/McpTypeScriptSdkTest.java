package io.ambientcode.sidecar.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.ambientcode.sidecar.github.support.GitHubWorld.github;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.sidecar.github.support.GitHubWorld;
import io.ambientcode.sidecar.github.support.McpClient;
import io.ambientcode.sidecar.github.support.SidecarTestBase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Acceptance 2: the official MCP TypeScript SDK ({@code @modelcontextprotocol/sdk}, pinned with a committed lockfile
 * in src/test/node) connects over streamable HTTP ({@code /mcp}) and legacy SSE ({@code /mcp/sse}), lists the tools
 * and calls {@code get_me}. {@code npm ci} runs once when node_modules is missing; later runs work offline.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubWorld.class, restrictToAnnotatedClass = false)
class McpTypeScriptSdkTest extends SidecarTestBase {

    static final Path NODE_DIR = Path.of("src", "test", "node");

    @BeforeAll
    static void installSdk() throws Exception {
        if (Files.isDirectory(NODE_DIR.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE_DIR.toFile())
                .redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes());
        assertThat(npm.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(npm.exitValue()).as("npm ci: " + out).isZero();
    }

    @ParameterizedTest
    @CsvSource({ "streamable,/mcp", "sse,/mcp/sse" })
    void theRealSdkConnectsListsAndCalls(String mode, String path) throws Exception {
        github.stubFor(get("/user").willReturn(okJson("{\"login\":\"sdk-octocat\"}")));
        Process node = new ProcessBuilder("node", "client.mjs", mode, baseUrl() + path).directory(NODE_DIR.toFile()).start();
        String out = new String(node.getInputStream().readAllBytes());
        String err = new String(node.getErrorStream().readAllBytes());
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(err).isZero();
        McpClient.TRANSCRIPT.add(out);
        JsonNode result = new ObjectMapper().readTree(out);
        assertThat(result.path("server").path("name").asText()).isEqualTo("github");
        assertThat(result.path("tools")).hasSizeGreaterThanOrEqualTo(30);
        assertThat(result.path("tools").findValuesAsText("name")).contains("get_me", "push_files", "refresh_credentials");
        assertThat(result.path("getMe").path("isError").asBoolean(false)).isFalse();
        assertThat(result.path("getMe").path("content").path(0).path("text").asText()).contains("sdk-octocat");
    }
}
