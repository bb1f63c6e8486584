package io.ambientcode.sidecar.jira.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.ambientcode.sidecar.credential.CredentialRefresher;
import io.ambientcode.sidecar.jira.client.JiraAuth;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import jakarta.inject.Inject;
import java.util.Map;

/** Test base of the jira module: flavor switching (Cloud / Server-DC) and request/result helpers. */
public abstract class JiraTestBase extends SidecarQuarkusTestBase {

    protected static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected CredentialRefresher refresher;

    /** Makes the credential a Cloud API token (true: with email) or a Server/DC PAT (false), refreshing if needed. */
    protected void useCloud(boolean wanted) throws Exception {
        if (JiraWorld.cloud != wanted) {
            JiraWorld.ambient.credentialApi.setEmail(wanted ? JiraWorld.EMAIL : null);
            JiraWorld.cloud = wanted;
            refresher.refreshNow();
        }
    }

    protected static String api() {
        return JiraWorld.cloud ? "/rest/api/3" : "/rest/api/2";
    }

    protected static String auth() {
        return JiraWorld.cloud ? "Basic " + JiraAuth.basicCredentials(JiraWorld.EMAIL, JiraWorld.currentToken)
                : "Bearer " + JiraWorld.currentToken;
    }

    /** Every request must carry the credential of the current flavor. */
    protected static void verify(RequestPatternBuilder request) {
        JiraWorld.jira.verify(request.withHeader("Authorization", equalTo(auth())));
    }

    /** Calls a tool that must succeed and parses its JSON result. */
    protected JsonNode ok(String tool, Map<String, ?> args) throws Exception {
        JsonNode result = mcp.call(tool, args);
        assertThat(McpHttpClient.isError(result)).as(tool + ": " + McpHttpClient.text(result)).isFalse();
        return JSON.readTree(McpHttpClient.text(result));
    }

    /** Calls a tool that must fail and returns its error text. */
    protected String error(String tool, Map<String, ?> args) {
        JsonNode result = mcp.call(tool, args);
        assertThat(McpHttpClient.isError(result)).as(tool + " should fail: " + McpHttpClient.text(result)).isTrue();
        return McpHttpClient.text(result);
    }
}
