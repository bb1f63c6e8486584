package io.ambientcode.sidecar.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.testing.SpecDocs;
import io.ambientcode.sidecar.github.support.GitHubWorld;
import io.ambientcode.sidecar.github.tools.ActionsTools;
import io.ambientcode.sidecar.github.tools.ContextTools;
import io.ambientcode.sidecar.github.tools.IssueTools;
import io.ambientcode.sidecar.github.tools.PullRequestTools;
import io.ambientcode.sidecar.github.tools.RepositoryTools;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import io.ambientcode.sidecar.testing.ToolInventory;
import io.ambientcode.sidecar.tools.RefreshCredentialsTool;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 7 (annotations part; read-only mode and allow/deny lists run against the packaged sidecar in
 * {@code ToolFilteringIT}): the tools list carries the names github-mcp-server uses and truthful hints.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubWorld.class, restrictToAnnotatedClass = false)
class ToolInventoryTest extends SidecarQuarkusTestBase {

    static final Set<String> READ_ONLY = Set.of("get_me", "search_repositories", "get_file_contents", "list_branches",
            "list_commits", "get_commit", "list_issues", "issue_read", "get_issue", "search_issues", "list_pull_requests",
            "get_pull_request", "get_pull_request_files", "get_pull_request_diff", "get_pull_request_status",
            "pull_request_read", "search_code", "list_workflow_runs", "get_workflow_run", "get_job_logs",
            "refresh_credentials");
    static final Set<String> WRITES = Set.of("create_or_update_file", "delete_file", "push_files", "create_branch",
            "create_issue", "update_issue", "issue_write", "add_issue_comment", "create_pull_request",
            "update_pull_request", "merge_pull_request");
    static final Set<String> DESTRUCTIVE = Set.of("create_or_update_file", "delete_file", "push_files");

    @Test
    void toolsListHasEveryToolWithCorrectAnnotations() {
        ToolInventory tools = ToolInventory.of(mcp.listTools()).assertHints(READ_ONLY, WRITES, DESTRUCTIVE);
        tools.assertMatchesSpec(Provider.GITHUB, SpecDocs.table("sidecars.md", Provider.GITHUB.id() + " tool"));
        assertThat(tools.tool("push_files").path("inputSchema").path("properties").path("files").path("type").asText())
                .isEqualTo("array");
        assertThat(tools.required("list_issues")).containsExactlyInAnyOrder("owner", "repo");
        assertThat(tools.properties("get_pull_request")).contains("pullNumber");
    }

    /** Every bean with tools passes the redacting interceptor: a class without it would leak unredacted results. */
    @Test
    void everyToolClassIsGuarded() {
        Set<String> all = new HashSet<>(READ_ONLY);
        all.addAll(WRITES);
        ToolInventory.assertGuarded(List.of(ContextTools.class, RepositoryTools.class, IssueTools.class,
                PullRequestTools.class, ActionsTools.class, RefreshCredentialsTool.class), all);
    }
}
