package io.ambientcode.sidecar.github.gitproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.testing.SpecDocs;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The git proxy table of docs/specs/sidecars.md against {@link GitRequest}: every documented request is accepted and
 * forwarded to the documented upstream URL with the documented method, and requests the table does not list are
 * refused. Pure.
 */
class GitProxySpecDocTest {

    private static final URI HOST = URI.create("https://git.example.com");

    @Test
    void everyDocumentedRequestIsForwardedAsDocumented() {
        List<Map<String, String>> rows = SpecDocs.table("sidecars.md", "request");
        assertThat(rows).hasSize(4);
        for (Map<String, String> row : rows) {
            for (String suffix : List.of(".git", "")) {
                String[] request = row.get("request").replace("{owner}", "octo").replace("{repo}", "hello")
                        .replace("[.git]", suffix).split(" ", 2);
                String[] pathAndQuery = request[1].split("\\?service=", 2);
                Optional<GitRequest> parsed = GitRequest.parse(request[0], pathAndQuery[0],
                        pathAndQuery.length > 1 ? pathAndQuery[1] : null);
                assertThat(parsed).as(row.get("request") + " with '" + suffix + "'").isPresent();

                String[] forwarded = row.get("forwarded as").replace("<git host>", HOST.toString())
                        .replace("{owner}", "octo").replace("{repo}", "hello").split(" ", 2);
                assertThat(parsed.get().upstream(HOST)).hasToString(forwarded[1]);
                // GitProxyRoute sends advertisements as GET and the two services as POST.
                assertThat(parsed.get().isAdvertisement() ? "GET" : "POST").isEqualTo(forwarded[0]);
            }
        }
    }

    @Test
    void requestsTheTableDoesNotListAreRefused() {
        assertThat(GitRequest.parse("GET", "/git/octo/hello.git/git-upload-pack", null)).isEmpty();
        assertThat(GitRequest.parse("POST", "/git/octo/hello.git/info/refs", "git-upload-pack")).isEmpty();
        assertThat(GitRequest.parse("GET", "/git/octo/hello.git/info/refs", null)).isEmpty();
        assertThat(GitRequest.parse("GET", "/git/octo/hello.git/info/refs", "git-upload-archive")).isEmpty();
        assertThat(GitRequest.parse("GET", "/git/octo/hello.git/HEAD", null)).isEmpty();
        assertThat(GitRequest.parse("GET", "/git/octo/hello.git/objects/info/packs", null)).isEmpty();
        assertThat(GitRequest.parse("POST", "/git/../hello.git/git-receive-pack", null)).isEmpty();
    }
}
