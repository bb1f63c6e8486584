package io.ambientcode.sidecar.jira.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ambientcode.sidecar.jira.client.JiraAuth;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.SidecarWorld;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the jira sidecar talks to, started once for the module's one Quarkus test application: the token server
 * and credential API fakes (real protocol) and WireMock as the Jira site (the credential's {@code url}). The credential
 * starts as a Cloud API token (with an email); tests switch it to a Server/DC PAT and back through the credential
 * API, as a user editing the credential would. Secrets are fresh per run.
 */
public final class JiraWorld extends SidecarWorld {

    public static final String EMAIL = "agent-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";

    public static WireMockServer jira;
    public static volatile String currentToken;
    /** Whether the credential the credential API serves now has the email (Cloud) or not (Server/DC). */
    public static volatile boolean cloud = true;

    /**
     * A token shaped like no well-known token, so only the exact-value redaction can catch it; the token and its Basic
     * form are recorded for the leak scan.
     */
    public static String newToken() {
        String t = secret("jt" + UUID.randomUUID().toString().replace("-", "") + "Z9");
        secret(JiraAuth.basicCredentials(EMAIL, t));
        return t;
    }

    @Override
    protected Map<String, String> startWorld() throws Exception {
        jira = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(8));
        jira.start();
        currentToken = newToken();
        ambient = new FakeAmbient("jira", currentToken, jira.baseUrl(), 0);
        ambient.credentialApi.setEmail(EMAIL);
        return Map.of();
    }

    @Override
    protected void stopWorld() {
        if (jira != null) {
            jira.stop();
        }
    }
}
