package io.ambientcode.sidecar.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ambientcode.sidecar.github.support.GitHubWorld.github;
import static io.ambientcode.sidecar.testing.McpHttpClient.isError;
import static io.ambientcode.sidecar.testing.McpHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.ambientcode.sidecar.github.support.GitHubWorld;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Acceptance 1: every GitHub tool called through the MCP protocol against WireMock, asserting the request GitHub
 * receives (method, path, query, body, auth header) and the tool result; GitHub errors become tool errors.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubWorld.class, restrictToAnnotatedClass = false)
class GitHubToolsTest extends SidecarQuarkusTestBase {

    static final String R = "/repos/acme/widgets";

    @BeforeEach
    void resetGitHub() {
        github.resetAll();
    }

    String auth() {
        return "Bearer " + GitHubWorld.currentToken;
    }

    void stub(MappingBuilder m, String body) {
        github.stubFor(m.willReturn(okJson(body)));
    }

    void verify(RequestPatternBuilder r) {
        github.verify(r.withHeader("Authorization", equalTo(auth()))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
    }

    JsonNode ok(String tool, Map<String, ?> args) {
        JsonNode result = mcp.call(tool, args);
        assertThat(isError(result)).as(tool + ": " + text(result)).isFalse();
        return result;
    }

    @Test
    void getMe() {
        stub(get("/user"), "{\"login\":\"octocat\",\"id\":1}");
        assertThat(text(ok("get_me", Map.of()))).contains("\"login\":\"octocat\"");
        verify(getRequestedFor(urlPathEqualTo("/user")));
    }

    @Test
    void searchRepositoriesAndCode() {
        stub(get(urlPathEqualTo("/search/repositories")), "{\"total_count\":1,\"items\":[{\"full_name\":\"acme/widgets\"}]}");
        assertThat(text(ok("search_repositories", Map.of("query", "widgets in:name", "page", 2, "perPage", 5))))
                .contains("acme/widgets");
        verify(getRequestedFor(urlPathEqualTo("/search/repositories")).withQueryParam("q", equalTo("widgets in:name"))
                .withQueryParam("page", equalTo("2")).withQueryParam("per_page", equalTo("5")));

        stub(get(urlPathEqualTo("/search/code")), "{\"total_count\":1,\"items\":[{\"path\":\"src/Main.java\"}]}");
        assertThat(text(ok("search_code", Map.of("query", "HttpClient repo:acme/widgets")))).contains("src/Main.java");
        verify(getRequestedFor(urlPathEqualTo("/search/code")).withQueryParam("q", equalTo("HttpClient repo:acme/widgets"))
                .withQueryParam("page", equalTo("1")).withQueryParam("per_page", equalTo("30")));
    }

    @Test
    void getFileContentsDecodesFilesAndListsDirectories() {
        String encoded = Base64.getMimeEncoder().encodeToString("hello world\n".getBytes(StandardCharsets.UTF_8));
        stub(get(urlPathEqualTo(R + "/contents/docs/a%20b.md")),
                "{\"type\":\"file\",\"path\":\"docs/a b.md\",\"sha\":\"abc\",\"content\":\"" + encoded.replace("\r\n", "\\n") + "\"}");
        assertThat(text(ok("get_file_contents", Map.of("owner", "acme", "repo", "widgets", "path", "docs/a b.md", "ref", "dev"))))
                .contains("hello world").contains("sha abc");
        verify(getRequestedFor(urlPathEqualTo(R + "/contents/docs/a%20b.md")).withQueryParam("ref", equalTo("dev")));

        stub(get(urlPathEqualTo(R + "/contents/")), "[{\"type\":\"dir\",\"name\":\"src\"}]");
        assertThat(text(ok("get_file_contents", Map.of("owner", "acme", "repo", "widgets")))).contains("\"name\":\"src\"");
    }

    @Test
    void createOrUpdateFileSendsBase64Content() {
        stub(put(urlPathEqualTo(R + "/contents/notes.txt")), "{\"commit\":{\"sha\":\"c1\"}}");
        ok("create_or_update_file", Map.of("owner", "acme", "repo", "widgets", "path", "notes.txt", "content", "hi",
                "message", "add notes", "branch", "main", "sha", "old"));
        verify(putRequestedFor(urlPathEqualTo(R + "/contents/notes.txt")).withRequestBody(equalToJson(
                "{\"message\":\"add notes\",\"content\":\"aGk=\",\"branch\":\"main\",\"sha\":\"old\"}")));
    }

    @Test
    void deleteFileLooksUpTheBlobSha() {
        stub(get(urlPathEqualTo(R + "/contents/old.txt")), "{\"type\":\"file\",\"sha\":\"blob1\",\"path\":\"old.txt\"}");
        stub(delete(urlPathEqualTo(R + "/contents/old.txt")), "{\"commit\":{\"sha\":\"c2\"}}");
        ok("delete_file", Map.of("owner", "acme", "repo", "widgets", "path", "old.txt", "message", "rm", "branch", "main"));
        verify(getRequestedFor(urlPathEqualTo(R + "/contents/old.txt")).withQueryParam("ref", equalTo("main")));
        verify(deleteRequestedFor(urlPathEqualTo(R + "/contents/old.txt"))
                .withRequestBody(equalToJson("{\"message\":\"rm\",\"sha\":\"blob1\",\"branch\":\"main\"}")));
    }

    @Test
    void pushFilesMakesOneCommitThroughTheGitDataApi() {
        stub(get(R + "/git/ref/heads/feature"), "{\"object\":{\"sha\":\"parent1\"}}");
        stub(get(R + "/git/commits/parent1"), "{\"tree\":{\"sha\":\"tree0\"}}");
        stub(post(R + "/git/trees"), "{\"sha\":\"tree1\"}");
        stub(post(R + "/git/commits"), "{\"sha\":\"commit1\"}");
        stub(patch(urlPathEqualTo(R + "/git/refs/heads/feature")), "{\"object\":{\"sha\":\"commit1\"}}");
        JsonNode r = ok("push_files", Map.of("owner", "acme", "repo", "widgets", "branch", "feature", "message", "two files",
                "files", List.of(Map.of("path", "a.txt", "content", "A"), Map.of("path", "dir/b.txt", "content", "B"))));
        assertThat(text(r)).contains("commit1");
        verify(postRequestedFor(urlPathEqualTo(R + "/git/trees")).withRequestBody(equalToJson(
                "{\"base_tree\":\"tree0\",\"tree\":[{\"path\":\"a.txt\",\"mode\":\"100644\",\"type\":\"blob\",\"content\":\"A\"},"
                        + "{\"path\":\"dir/b.txt\",\"mode\":\"100644\",\"type\":\"blob\",\"content\":\"B\"}]}")));
        verify(postRequestedFor(urlPathEqualTo(R + "/git/commits")).withRequestBody(equalToJson(
                "{\"message\":\"two files\",\"tree\":\"tree1\",\"parents\":[\"parent1\"]}")));
        verify(patchRequestedFor(urlPathEqualTo(R + "/git/refs/heads/feature"))
                .withRequestBody(equalToJson("{\"sha\":\"commit1\",\"force\":false}")));
    }

    @Test
    void branchesAndCommits() {
        stub(get(R), "{\"default_branch\":\"main\"}");
        stub(get(R + "/git/ref/heads/main"), "{\"object\":{\"sha\":\"m1\"}}");
        stub(post(R + "/git/refs"), "{\"ref\":\"refs/heads/topic\"}");
        ok("create_branch", Map.of("owner", "acme", "repo", "widgets", "branch", "topic"));
        verify(postRequestedFor(urlPathEqualTo(R + "/git/refs"))
                .withRequestBody(equalToJson("{\"ref\":\"refs/heads/topic\",\"sha\":\"m1\"}")));

        stub(get(urlPathEqualTo(R + "/branches")), "[{\"name\":\"main\"}]");
        assertThat(text(ok("list_branches", Map.of("owner", "acme", "repo", "widgets", "perPage", 100)))).contains("main");
        verify(getRequestedFor(urlPathEqualTo(R + "/branches")).withQueryParam("per_page", equalTo("100")));

        stub(get(urlPathEqualTo(R + "/commits")), "[{\"sha\":\"c9\"}]");
        ok("list_commits", Map.of("owner", "acme", "repo", "widgets", "sha", "main", "author", "octocat"));
        verify(getRequestedFor(urlPathEqualTo(R + "/commits")).withQueryParam("sha", equalTo("main"))
                .withQueryParam("author", equalTo("octocat")));

        stub(get(urlPathEqualTo(R + "/commits/c9")), "{\"sha\":\"c9\",\"files\":[{\"filename\":\"a\",\"patch\":\"@@ -1 +1 @@\"}]}");
        assertThat(text(ok("get_commit", Map.of("owner", "acme", "repo", "widgets", "sha", "c9")))).contains("@@ -1 +1 @@");
        assertThat(text(ok("get_commit", Map.of("owner", "acme", "repo", "widgets", "sha", "c9", "include_diff", false))))
                .doesNotContain("@@").contains("\"filename\":\"a\"");
    }

    @Test
    void issues() {
        stub(get(urlPathEqualTo(R + "/issues")), "[{\"number\":7}]");
        ok("list_issues", Map.of("owner", "acme", "repo", "widgets", "state", "OPEN", "labels", List.of("bug", "p1"),
                "orderBy", "CREATED_AT".equals("x") ? "x" : "created", "direction", "DESC", "perPage", 10));
        verify(getRequestedFor(urlPathEqualTo(R + "/issues")).withQueryParam("state", equalTo("open"))
                .withQueryParam("labels", equalTo("bug,p1")).withQueryParam("sort", equalTo("created"))
                .withQueryParam("direction", equalTo("desc")).withQueryParam("per_page", equalTo("10")));

        stub(get(R + "/issues/7"), "{\"number\":7,\"title\":\"Broken\"}");
        assertThat(text(ok("issue_read", Map.of("method", "get", "owner", "acme", "repo", "widgets", "issue_number", 7))))
                .contains("Broken");
        assertThat(text(ok("get_issue", Map.of("owner", "acme", "repo", "widgets", "issue_number", 7)))).contains("Broken");
        stub(get(urlPathEqualTo(R + "/issues/7/comments")), "[{\"body\":\"me too\"}]");
        assertThat(text(ok("issue_read", Map.of("method", "get_comments", "owner", "acme", "repo", "widgets",
                "issue_number", 7, "page", 3)))).contains("me too");
        verify(getRequestedFor(urlPathEqualTo(R + "/issues/7/comments")).withQueryParam("page", equalTo("3")));

        stub(post(R + "/issues"), "{\"number\":8}");
        ok("create_issue", Map.of("owner", "acme", "repo", "widgets", "title", "New", "body", "text", "labels", List.of("bug")));
        verify(postRequestedFor(urlPathEqualTo(R + "/issues"))
                .withRequestBody(equalToJson("{\"title\":\"New\",\"body\":\"text\",\"labels\":[\"bug\"]}")));

        stub(patch(urlPathEqualTo(R + "/issues/8")), "{\"number\":8,\"state\":\"closed\"}");
        ok("update_issue", Map.of("owner", "acme", "repo", "widgets", "issue_number", 8, "state", "closed",
                "state_reason", "completed"));
        verify(patchRequestedFor(urlPathEqualTo(R + "/issues/8"))
                .withRequestBody(equalToJson("{\"state\":\"closed\",\"state_reason\":\"completed\"}")));
        ok("issue_write", Map.of("method", "update", "owner", "acme", "repo", "widgets", "issue_number", 8, "title", "T2"));
        verify(patchRequestedFor(urlPathEqualTo(R + "/issues/8")).withRequestBody(equalToJson("{\"title\":\"T2\"}")));

        stub(post(R + "/issues/8/comments"), "{\"id\":99}");
        ok("add_issue_comment", Map.of("owner", "acme", "repo", "widgets", "issue_number", 8, "body", "thanks"));
        verify(postRequestedFor(urlPathEqualTo(R + "/issues/8/comments")).withRequestBody(equalToJson("{\"body\":\"thanks\"}")));

        stub(get(urlPathEqualTo("/search/issues")), "{\"total_count\":0,\"items\":[]}");
        ok("search_issues", Map.of("query", "crash", "owner", "acme", "repo", "widgets", "sort", "updated"));
        verify(getRequestedFor(urlPathEqualTo("/search/issues"))
                .withQueryParam("q", equalTo("is:issue crash repo:acme/widgets")).withQueryParam("sort", equalTo("updated")));
    }

    @Test
    void pullRequests() {
        stub(get(urlPathEqualTo(R + "/pulls")), "[{\"number\":5}]");
        ok("list_pull_requests", Map.of("owner", "acme", "repo", "widgets", "state", "all", "base", "main"));
        verify(getRequestedFor(urlPathEqualTo(R + "/pulls")).withQueryParam("state", equalTo("all"))
                .withQueryParam("base", equalTo("main")).withQueryParam("head", absent()));

        stub(get(R + "/pulls/5").withHeader("Accept", equalTo("application/vnd.github+json")),
                "{\"number\":5,\"head\":{\"sha\":\"h5\"}}");
        assertThat(text(ok("get_pull_request", Map.of("owner", "acme", "repo", "widgets", "pullNumber", 5)))).contains("h5");
        stub(get(urlPathEqualTo(R + "/pulls/5/files")), "[{\"filename\":\"x.java\"}]");
        assertThat(text(ok("get_pull_request_files", Map.of("owner", "acme", "repo", "widgets", "pullNumber", 5))))
                .contains("x.java");
        github.stubFor(get(R + "/pulls/5").withHeader("Accept", equalTo("application/vnd.github.diff"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                        .withBody("diff --git a/x.java b/x.java\n")));
        assertThat(text(ok("get_pull_request_diff", Map.of("owner", "acme", "repo", "widgets", "pullNumber", 5))))
                .startsWith("diff --git");
        assertThat(text(ok("pull_request_read", Map.of("method", "get_diff", "owner", "acme", "repo", "widgets", "pullNumber", 5))))
                .startsWith("diff --git");
        stub(get(R + "/commits/h5/status"), "{\"state\":\"success\"}");
        assertThat(text(ok("get_pull_request_status", Map.of("owner", "acme", "repo", "widgets", "pullNumber", 5))))
                .contains("\"head_sha\":\"h5\"").contains("success");
        stub(get(urlPathEqualTo(R + "/pulls/5/reviews")), "[{\"state\":\"APPROVED\"}]");
        assertThat(text(ok("pull_request_read", Map.of("method", "get_reviews", "owner", "acme", "repo", "widgets",
                "pullNumber", 5)))).contains("APPROVED");

        stub(post(R + "/pulls"), "{\"number\":6}");
        ok("create_pull_request", Map.of("owner", "acme", "repo", "widgets", "title", "Feat", "head", "topic", "base", "main",
                "draft", true));
        verify(postRequestedFor(urlPathEqualTo(R + "/pulls")).withRequestBody(
                equalToJson("{\"title\":\"Feat\",\"head\":\"topic\",\"base\":\"main\",\"draft\":true}")));

        stub(patch(urlPathEqualTo(R + "/pulls/6")), "{\"number\":6}");
        stub(post(R + "/pulls/6/requested_reviewers"), "{}");
        stub(get(R + "/pulls/6"), "{\"number\":6,\"requested_reviewers\":[{\"login\":\"hubot\"}]}");
        assertThat(text(ok("update_pull_request", Map.of("owner", "acme", "repo", "widgets", "pullNumber", 6,
                "title", "Feat 2", "reviewers", List.of("hubot"))))).contains("hubot");
        verify(patchRequestedFor(urlPathEqualTo(R + "/pulls/6")).withRequestBody(equalToJson("{\"title\":\"Feat 2\"}")));
        verify(postRequestedFor(urlPathEqualTo(R + "/pulls/6/requested_reviewers"))
                .withRequestBody(equalToJson("{\"reviewers\":[\"hubot\"]}")));

        stub(put(urlPathEqualTo(R + "/pulls/6/merge")), "{\"merged\":true}");
        ok("merge_pull_request", Map.of("owner", "acme", "repo", "widgets", "pullNumber", 6, "merge_method", "squash"));
        verify(putRequestedFor(urlPathEqualTo(R + "/pulls/6/merge")).withRequestBody(equalToJson("{\"merge_method\":\"squash\"}")));
    }

    @Test
    void actions() {
        stub(get(urlPathEqualTo(R + "/actions/workflows/ci.yml/runs")), "{\"total_count\":1,\"workflow_runs\":[{\"id\":42}]}");
        ok("list_workflow_runs", Map.of("owner", "acme", "repo", "widgets", "workflow_id", "ci.yml", "branch", "main",
                "status", "failure"));
        verify(getRequestedFor(urlPathEqualTo(R + "/actions/workflows/ci.yml/runs")).withQueryParam("branch", equalTo("main"))
                .withQueryParam("status", equalTo("failure")));
        stub(get(urlPathEqualTo(R + "/actions/runs")), "{\"total_count\":0,\"workflow_runs\":[]}");
        ok("list_workflow_runs", Map.of("owner", "acme", "repo", "widgets"));

        stub(get(R + "/actions/runs/42"), "{\"id\":42,\"conclusion\":\"failure\"}");
        assertThat(text(ok("get_workflow_run", Map.of("owner", "acme", "repo", "widgets", "run_id", 42)))).contains("failure");

        // Job logs: GitHub redirects to storage; the storage must not receive the GitHub token.
        github.stubFor(get(R + "/actions/jobs/7/logs").willReturn(aResponse().withStatus(302)
                .withHeader("Location", github.baseUrl() + "/storage/logs/7?sig=abc")));
        github.stubFor(get(urlPathEqualTo("/storage/logs/7"))
                .willReturn(aResponse().withStatus(200).withBody("line1\nline2\nline3\nERROR boom\n")));
        assertThat(text(ok("get_job_logs", Map.of("owner", "acme", "repo", "widgets", "job_id", 7, "tail_lines", 2))))
                .isEqualTo("ERROR boom\n");
        github.verify(getRequestedFor(urlPathEqualTo("/storage/logs/7")).withHeader("Authorization", absent()));

        stub(get(urlPathEqualTo(R + "/actions/runs/42/jobs")),
                "{\"jobs\":[{\"id\":7,\"name\":\"build\",\"conclusion\":\"failure\"},{\"id\":8,\"name\":\"lint\",\"conclusion\":\"success\"}]}");
        String failed = text(ok("get_job_logs", Map.of("owner", "acme", "repo", "widgets", "run_id", 42, "failed_only", true)));
        assertThat(failed).contains("job 7 (build)").contains("ERROR boom").doesNotContain("lint");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "404|{\"message\":\"Not Found\"}||GitHub API error 404: Not Found",
        "403|{\"message\":\"Resource not accessible by personal access token\"}||GitHub API error 403: Resource not accessible",
        "422|{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\",\"code\":\"missing_field\",\"field\":\"title\"}]}||GitHub API error 422: Validation Failed (missing_field title)",
        "429|{\"message\":\"slow down\"}||GitHub API error 429: rate limit exceeded",
        "403|{\"message\":\"API rate limit exceeded for user\"}|0|GitHub API error 403: rate limit exceeded; resets at 2026-",
        "500|oops not json||GitHub API error 500: no message",
    })
    void upstreamErrorsBecomeToolErrorsWithTheStatus(int status, String body, String remaining, String expected) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
        if (remaining != null) {
            response.withHeader("x-ratelimit-remaining", remaining).withHeader("x-ratelimit-reset", "1795000000");
        }
        github.stubFor(get(R + "/issues/1").willReturn(response));
        JsonNode r = mcp.call("get_issue", Map.of("owner", "acme", "repo", "widgets", "issue_number", 1));
        assertThat(isError(r)).isTrue();
        assertThat(text(r)).startsWith(expected).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badArgumentsAreToolErrorsAndNotFetched() {
        JsonNode r = mcp.call("list_branches", Map.of("owner", "acme", "repo", "widgets", "perPage", 1000));
        assertThat(isError(r)).isTrue();
        assertThat(text(r)).contains("perPage must be between 1 and 100");
        JsonNode m = mcp.call("issue_read", Map.of("method", "explode", "owner", "acme", "repo", "widgets", "issue_number", 1));
        assertThat(text(m)).contains("unknown method 'explode'");
        github.verify(0, getRequestedFor(urlPathEqualTo(R + "/branches")));
    }

    @Test
    void unreachableGitHubIsAToolError() {
        github.stubFor(get("/user").willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        JsonNode r = mcp.call("get_me", Map.of());
        assertThat(isError(r)).isTrue();
        assertThat(text(r)).isEqualTo("GitHub API unreachable: connection failed");
    }

}
