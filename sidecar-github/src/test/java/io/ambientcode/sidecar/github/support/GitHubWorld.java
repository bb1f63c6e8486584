package io.ambientcode.sidecar.github.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.SidecarWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the github sidecar talks to, started once for the module's one Quarkus test application: the token
 * server and credential API fakes (real protocol), WireMock as the GitHub API (the credential's {@code url} points
 * at it), and a local git host serving bare repositories through {@code git http-backend}. Secrets are fresh per run.
 */
public final class GitHubWorld extends SidecarWorld {

    public static WireMockServer github;
    public static GitServer git;
    public static Path gitRoot;
    public static volatile String currentToken;

    /** A fresh token, recorded for the leak scan. */
    public static String newToken() {
        return secret("ghp_" + UUID.randomUUID().toString().replace("-", "") + "Ab12");
    }

    @Override
    protected Map<String, String> startWorld() throws Exception {
        github = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(8));
        github.start();
        currentToken = newToken();
        ambient = new FakeAmbient("github", currentToken, github.baseUrl(), 0);
        gitRoot = Files.createTempDirectory("git-host");
        GitRepos.createBare(gitRoot.resolve("acme/widgets.git"));
        git = new GitServer(gitRoot, currentToken);
        return Map.of("ambient.github.git-base-url", git.baseUrl());
    }

    @Override
    protected void stopWorld() {
        if (github != null) {
            github.stop();
        }
        if (git != null) {
            git.close();
        }
    }
}
