package io.ambientcode.sidecar.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.sidecar.github.support.GitHubWorld;
import io.ambientcode.sidecar.github.support.SidecarTestBase;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 7 (annotations part; read-only mode and allow/deny lists run against the packaged sidecar in
 * {@code ToolFilteringIT}): the tools list carries the names github-mcp-server uses and truthful hints.
 */
@QuarkusTest
@QuarkusTestResource(value = GitHubWorld.class, restrictToAnnotatedClass = false)
class ToolInventoryTest extends SidecarTestBase {

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
        JsonNode tools = mcp.listTools().path("tools");
        Map<String, JsonNode> byName = new HashMap<>();
        tools.forEach(t -> byName.put(t.path("name").asText(), t));
        Set<String> expected = new java.util.HashSet<>(READ_ONLY);
        expected.addAll(WRITES);
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        byName.forEach((name, tool) -> {
            JsonNode a = tool.path("annotations");
            assertThat(a.isObject()).as(name + " has annotations").isTrue();
            assertThat(a.path("readOnlyHint").asBoolean()).as(name + " readOnlyHint").isEqualTo(READ_ONLY.contains(name));
            if (READ_ONLY.contains(name)) {
                assertThat(a.path("destructiveHint").asBoolean()).as(name + " destructiveHint").isFalse();
            } else {
                assertThat(a.path("destructiveHint").asBoolean()).as(name + " destructiveHint").isEqualTo(DESTRUCTIVE.contains(name));
            }
        });
        JsonNode files = byName.get("push_files").path("inputSchema").path("properties").path("files");
        assertThat(files.path("type").asText()).isEqualTo("array");
        assertThat(byName.get("list_issues").path("inputSchema").path("required"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("owner", "repo");
        assertThat(byName.get("get_pull_request").path("inputSchema").path("properties").has("pullNumber")).isTrue();
    }

    /** Every bean with tools passes the redacting interceptor: a class without it would leak unredacted results. */
    @Test
    void everyToolClassIsGuarded() {
        List<Class<?>> classes = List.of(io.ambientcode.sidecar.github.tools.ContextTools.class,
                io.ambientcode.sidecar.github.tools.RepositoryTools.class, io.ambientcode.sidecar.github.tools.IssueTools.class,
                io.ambientcode.sidecar.github.tools.PullRequestTools.class, io.ambientcode.sidecar.github.tools.ActionsTools.class,
                io.ambientcode.sidecar.tools.RefreshCredentialsTool.class);
        Set<String> declared = classes.stream().flatMap(c -> java.util.Arrays.stream(c.getDeclaredMethods()))
                .map(m -> m.getAnnotation(Tool.class)).filter(java.util.Objects::nonNull).map(Tool::name)
                .collect(Collectors.toSet());
        assertThat(declared).hasSize(READ_ONLY.size() + WRITES.size());
        for (Class<?> c : classes) {
            assertThat(c.isAnnotationPresent(SidecarTools.class)).as(c.getSimpleName()).isTrue();
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Tool.class)) {
                    assertThat(m.getReturnType().getSimpleName()).as(m.getName()).isEqualTo("ToolResponse");
                }
            }
        }
    }
}
