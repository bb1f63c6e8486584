package io.ambientcode.sidecar.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.ambientcode.sidecar.github.support.GitHubWorld.github;
import static io.ambientcode.sidecar.testing.McpHttpClient.isError;
import static io.ambientcode.sidecar.testing.McpHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.redact.SecretRedactor;
import io.ambientcode.sidecar.github.support.GitHubWorld;
import io.ambientcode.sidecar.testing.LeakScan;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Acceptance 6 (I5): an upstream that echoes the credential is redacted in results and errors; then every tool
 * response of the whole suite and every log line the sidecar wrote are scanned for every secret used in the run.
 * Runs last (junit-platform.properties orders classes by {@link Order}).
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubWorld.class, restrictToAnnotatedClass = false)
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeakScanTest extends SidecarQuarkusTestBase {

    @Test
    @Order(1)
    void anUpstreamEchoingTheTokenIsRedacted() {
        String token = GitHubWorld.currentToken;
        github.stubFor(get("/user").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"login\":\"octocat\",\"debug\":\"Authorization: Bearer " + token + "\",\"other\":\"ghp_"
                        + "abcdefghijklmnopqrstuvwxyz0123\"}")));
        JsonNode ok = mcp.call("get_me", Map.of());
        assertThat(text(ok)).contains("octocat").contains(SecretRedactor.MASK).doesNotContain(token)
                .doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123");

        github.stubFor(get("/repos/acme/widgets/issues/1").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"token " + token + " is invalid for this\"}")));
        JsonNode err = mcp.call("get_issue", Map.of("owner", "acme", "repo", "widgets", "issue_number", 1));
        assertThat(isError(err)).isTrue();
        assertThat(text(err)).startsWith("GitHub API error 422").doesNotContain(token);
    }

    @Test
    @Order(2)
    void noSecretInAnyToolResponseOrLogLine() throws Exception {
        // the health endpoints are part of the surface too
        McpHttpClient.TRANSCRIPT.add(RestAssured.given().baseUri(managementBase()).get("/q/health").asString());
        // every token of the run and the proof; the git proxy's Basic values are derived from the tokens
        LeakScan.of(GitHubWorld.SECRETS, McpHttpClient.TRANSCRIPT, GitHubWorld.LOG_FILE).atLeast(2, 20).assertClean();
    }
}
