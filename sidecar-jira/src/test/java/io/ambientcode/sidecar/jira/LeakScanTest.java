package io.ambientcode.sidecar.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.ambientcode.sidecar.jira.support.JiraWorld.jira;
import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.redact.SecretRedactor;
import io.ambientcode.sidecar.jira.client.JiraAuth;
import io.ambientcode.sidecar.jira.support.JiraTestBase;
import io.ambientcode.sidecar.jira.support.JiraWorld;
import io.ambientcode.sidecar.testing.LeakScan;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Acceptance 6 (I5): a Jira that echoes the token, the bare {@code base64(email:token)} and the Basic header in results
 * and errors is redacted; then every MCP response of the whole suite and every log line the sidecar wrote are scanned
 * for every secret used in the run (both flavors' tokens, their Basic encodings, the proof). Runs last.
 */
@QuarkusTest
@QuarkusTestResource(value = JiraWorld.class, restrictToAnnotatedClass = false)
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeakScanTest extends JiraTestBase {

    @Test
    @Order(1)
    void anUpstreamEchoingTheCredentialIsRedacted() throws Exception {
        useCloud(true);
        jira.resetAll();
        String token = JiraWorld.currentToken;
        String basic = JiraAuth.basicCredentials(JiraWorld.EMAIL, token);
        jira.stubFor(get(urlPathMatching("/rest/api/3/project")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"key\":\"LEAK\",\"name\":\"t=" + token + " b=" + basic + " h=Authorization: Basic " + basic + "\"}]")));
        String ok = McpHttpClient.text(mcp.call("jira_get_all_projects", Map.of()));
        assertThat(ok).contains("LEAK").contains(SecretRedactor.MASK).doesNotContain(token).doesNotContain(basic);

        jira.stubFor(get(urlPathMatching("/rest/api/3/issue/LEAK-1")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"bad credentials " + basic + " for token " + token + "\"]}")));
        String err = error("jira_get_issue", Map.of("issue_key", "LEAK-1"));
        assertThat(err).startsWith("Jira API error 400: bad credentials").doesNotContain(token).doesNotContain(basic);
    }

    @Test
    @Order(2)
    void noSecretInAnyToolResponseOrLogLine() throws Exception {
        McpHttpClient.TRANSCRIPT.add(RestAssured.given().baseUri(managementBase()).get("/q/health").asString());
        // both flavors' tokens, their Basic encodings, the proof; no Authorization value of either scheme in the log
        LeakScan.of(JiraWorld.SECRETS, McpHttpClient.TRANSCRIPT, JiraWorld.LOG_FILE).atLeast(3, 20)
                .forbidInLog("(Basic|Bearer) [A-Za-z0-9+/=]{12,}").assertClean();
    }
}
