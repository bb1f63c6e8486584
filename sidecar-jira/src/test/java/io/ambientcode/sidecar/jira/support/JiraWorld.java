package io.ambientcode.sidecar.jira.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ambientcode.sidecar.jira.client.JiraAuth;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the jira sidecar talks to, started once for the module's one Quarkus test application: the token server
 * and credential API fakes (real protocol) and WireMock as the Jira site (the credential's {@code url}). The credential
 * starts as a Cloud API token (with an email); tests switch it to a Server/DC PAT and back through the credential
 * API, as a user editing the credential would. Secrets are fresh per run.
 */
public final class JiraWorld implements QuarkusTestResourceLifecycleManager {

    public static final Path LOG_FILE = Path.of("target", "sidecar-test.log");
    public static final String EMAIL = "agent-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";

    public static FakeAmbient ambient;
    public static WireMockServer jira;
    /** Every secret value used in the run (tokens, derived Basic credentials, the proof), for leak scans. */
    public static final List<String> secrets = new CopyOnWriteArrayList<>();
    public static volatile String currentToken;
    /** Whether the credential the credential API serves now has the email (Cloud) or not (Server/DC). */
    public static volatile boolean cloud = true;

    /** A token shaped like no well-known token, so only the exact-value redaction can catch it. */
    public static String newToken() {
        String t = "jt" + UUID.randomUUID().toString().replace("-", "") + "Z9";
        secrets.add(t);
        secrets.add(JiraAuth.basicCredentials(EMAIL, t));
        return t;
    }

    @Override
    public Map<String, String> start() {
        try {
            Files.deleteIfExists(LOG_FILE);
            jira = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                    .containerThreads(8));
            jira.start();
            currentToken = newToken();
            ambient = new FakeAmbient("jira", currentToken, jira.baseUrl(), 0);
            ambient.credentialApi.setEmail(EMAIL);
            secrets.addAll(ambient.secrets());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>(ambient.env());
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.path", LOG_FILE.toString());
        config.put("quarkus.log.file.filter", "ambient-redact");
        config.put("quarkus.log.category.\"io.ambientcode\".level", "DEBUG");
        return config;
    }

    @Override
    public void stop() {
        if (ambient != null) {
            ambient.close();
        }
        if (jira != null) {
            jira.stop();
        }
    }
}
