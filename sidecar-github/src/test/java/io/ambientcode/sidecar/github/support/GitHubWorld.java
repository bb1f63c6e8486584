package io.ambientcode.sidecar.github.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the github sidecar talks to, started once for the module's one Quarkus test application: the token
 * server and credential API fakes (real protocol), WireMock as the GitHub API (the credential's {@code url} points
 * at it), and a local git host serving bare repositories through {@code git http-backend}. Secrets are fresh per run.
 */
public final class GitHubWorld implements QuarkusTestResourceLifecycleManager {

    public static final Path LOG_FILE = Path.of("target", "sidecar-test.log");

    public static FakeAmbient ambient;
    public static WireMockServer github;
    public static GitServer git;
    public static Path gitRoot;
    /** Every credential value used in the run, for leak scans. */
    public static final List<String> tokens = new ArrayList<>();
    public static volatile String currentToken;

    public static String newToken() {
        String t = "ghp_" + UUID.randomUUID().toString().replace("-", "") + "Ab12";
        tokens.add(t);
        return t;
    }

    @Override
    public Map<String, String> start() {
        try {
            Files.deleteIfExists(LOG_FILE);
            github = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                    .containerThreads(8));
            github.start();
            currentToken = newToken();
            ambient = new FakeAmbient("github", currentToken, github.baseUrl(), 0);
            tokens.add(ambient.proof);
            gitRoot = Files.createTempDirectory("git-host");
            GitRepos.createBare(gitRoot.resolve("acme/widgets.git"));
            git = new GitServer(gitRoot, currentToken);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>(ambient.env());
        config.put("ambient.github.git-base-url", git.baseUrl());
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
        if (github != null) {
            github.stop();
        }
        if (git != null) {
            git.close();
        }
    }
}
