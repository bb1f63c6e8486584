package io.ambientcode.sidecar.google.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.ambientcode.sidecar.credential.CredentialRefresher;
import io.ambientcode.sidecar.google.auth.AccessTokens;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import jakarta.inject.Inject;
import java.util.Map;

/** Test base of the google module: request/result helpers. */
public abstract class GoogleTestBase extends SidecarQuarkusTestBase {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final String GMAIL = "/gmail/v1/users/me";
    protected static final String DRIVE = "/drive/v3";

    @Inject
    protected CredentialRefresher refresher;

    @Inject
    protected AccessTokens tokens;

    /** Every API request must carry the access token the token endpoint handed out. */
    protected static void verify(RequestPatternBuilder request) {
        GoogleWorld.google.verify(request.withHeader("Authorization", equalTo("Bearer " + GoogleWorld.accessToken)));
    }

    protected JsonNode ok(String tool, Map<String, ?> args) throws Exception {
        return JSON.readTree(okText(tool, args));
    }

    protected String okText(String tool, Map<String, ?> args) {
        JsonNode result = mcp.call(tool, args);
        assertThat(McpHttpClient.isError(result)).as(tool + ": " + McpHttpClient.text(result)).isFalse();
        return McpHttpClient.text(result);
    }

    protected String error(String tool, Map<String, ?> args) {
        JsonNode result = mcp.call(tool, args);
        assertThat(McpHttpClient.isError(result)).as(tool + " should fail: " + McpHttpClient.text(result)).isTrue();
        return McpHttpClient.text(result);
    }
}
