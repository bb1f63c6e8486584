package io.ambientcode.sidecar.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ambientcode.sidecar.github.support.GitHubWorld.ambient;
import static io.ambientcode.sidecar.github.support.GitHubWorld.git;
import static io.ambientcode.sidecar.github.support.GitHubWorld.github;
import static io.ambientcode.sidecar.testing.McpHttpClient.isError;
import static io.ambientcode.sidecar.testing.McpHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;


import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.sidecar.github.support.GitHubWorld;
import io.ambientcode.sidecar.github.support.RunnerGit;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Acceptance 4 (I7): a rotated credential reaches the live tool client and the git proxy without a restart, via an
 * upstream 401 (one refresh, one retry) and via {@code refresh_credentials} / {@code POST /refresh} (30 s limit).
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubWorld.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CredentialLifecycleTest extends SidecarQuarkusTestBase {

    @BeforeEach
    void resetGitHub() {
        github.resetAll();
    }

    /** The user rotates the credential: the credential API and GitHub (and the git host) know only the new one. */
    static String rotate() {
        String old = GitHubWorld.currentToken;
        String fresh = GitHubWorld.newToken();
        ambient.credentialApi.rotate(fresh);
        git.expectToken(fresh);
        GitHubWorld.currentToken = fresh;
        github.stubFor(get("/user").withHeader("Authorization", equalTo("Bearer " + old))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));
        github.stubFor(get("/user").withHeader("Authorization", equalTo("Bearer " + fresh))
                .willReturn(okJson("{\"login\":\"octocat\"}")));
        return old;
    }

    @Test
    @Order(1)
    void anUpstream401RefreshesOnceAndRetriesOnce() {
        String old = rotate();
        int fetches = ambient.credentialApi.fetches();
        JsonNode r = mcp.call("get_me", Map.of());
        assertThat(isError(r)).as(text(r)).isFalse();
        assertThat(text(r)).contains("octocat");
        github.verify(1, getRequestedFor(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + old)));
        github.verify(1, getRequestedFor(urlPathEqualTo("/user"))
                .withHeader("Authorization", equalTo("Bearer " + GitHubWorld.currentToken)));
        assertThat(ambient.credentialApi.fetches()).isEqualTo(fetches + 1);
    }

    @Test
    @Order(2)
    void aSecond401IsAToolError() {
        github.stubFor(get("/user").willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));
        JsonNode r = mcp.call("get_me", Map.of());
        assertThat(isError(r)).isTrue();
        assertThat(text(r)).isEqualTo("GitHub API error 401: Bad credentials");
        github.verify(2, getRequestedFor(urlPathEqualTo("/user")));
    }

    @Test
    @Order(3)
    void aGitHostThatRefusesTheOldTokenGetsTheNewOneAfterOneRefresh() throws Exception {
        rotate();
        Path work = Files.createTempDirectory("runner");
        RunnerGit runner = new RunnerGit(base.getPort());
        runner.git(work, "clone", "-q", "https://github.com/acme/widgets.git", "w");
        assertThat(git.authLog).contains("refused");
        assertThat(Files.readString(work.resolve("w/README.md"))).contains("widgets");
    }

    @Test
    @Order(4)
    void refreshCredentialsMakesTheNextCallAndTheNextPushUseTheNewToken() throws Exception {
        Path work = Files.createTempDirectory("runner");
        RunnerGit runner = new RunnerGit(base.getPort());
        runner.git(work, "clone", "-q", "https://github.com/acme/widgets.git", "w");
        Path repo = work.resolve("w");

        rotate();
        JsonNode refreshed = mcp.call("refresh_credentials", Map.of());
        assertThat(isError(refreshed)).as(text(refreshed)).isFalse();
        assertThat(text(refreshed)).startsWith("Credentials refreshed");

        JsonNode me = mcp.call("get_me", Map.of());
        assertThat(isError(me)).isFalse();
        github.verify(0, getRequestedFor(urlPathEqualTo("/user")).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.notMatching("Bearer " + GitHubWorld.currentToken)));

        int refusedBefore = (int) git.authLog.stream().filter("refused"::equals).count();
        Files.writeString(repo.resolve("rotated.txt"), "after rotation\n");
        runner.git(repo, "add", ".");
        runner.git(repo, "commit", "-q", "-m", "after rotation");
        runner.git(repo, "push", "-q", "origin", "HEAD:refs/heads/after-rotation");
        assertThat(git.authLog.stream().filter("refused"::equals).count()).as("no 401 needed: the push used the new token")
                .isEqualTo(refusedBefore);

        JsonNode again = mcp.call("refresh_credentials", Map.of());
        assertThat(isError(again)).isTrue();
        assertThat(text(again)).matches("Credentials were refreshed recently; try again in \\d+ seconds\\.");

        RestAssured.given().baseUri(baseUrl()).post("/refresh").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"))
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("refresh_too_early"))
                .body("detail", containsString("may be refreshed again in"));
    }
}
