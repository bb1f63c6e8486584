package io.ambientcode.sidecar.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.sidecar.jira.support.JiraTestBase;
import io.ambientcode.sidecar.jira.support.JiraWorld;
import io.ambientcode.sidecar.jira.tools.CommentWorklogTools;
import io.ambientcode.sidecar.jira.tools.IssueTools;
import io.ambientcode.sidecar.jira.tools.LinkFieldTools;
import io.ambientcode.sidecar.jira.tools.ProjectUserTools;
import io.ambientcode.sidecar.jira.tools.TransitionTools;
import io.ambientcode.sidecar.tools.RefreshCredentialsTool;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tools list carries mcp-atlassian's names and parameters, with truthful hints (read-only mode relies on them). */
@QuarkusTest
@QuarkusTestResource(value = JiraWorld.class, restrictToAnnotatedClass = false)
class ToolInventoryTest extends JiraTestBase {

    static final Set<String> READ_ONLY = Set.of("jira_get_issue", "jira_search", "jira_get_project_issues",
            "jira_get_transitions", "jira_get_all_projects", "jira_get_user_profile", "jira_get_issue_link_types",
            "jira_get_link_types", "jira_search_fields", "refresh_credentials");
    static final Set<String> WRITES = Set.of("jira_create_issue", "jira_update_issue", "jira_delete_issue",
            "jira_add_comment", "jira_transition_issue", "jira_add_worklog", "jira_create_issue_link");
    /** As mcp-atlassian marks them. */
    static final Set<String> DESTRUCTIVE = Set.of("jira_update_issue", "jira_delete_issue", "jira_transition_issue",
            "jira_add_worklog");

    @Test
    void toolsListHasEveryToolWithCorrectAnnotationsAndPeerParameters() {
        Map<String, JsonNode> byName = new HashMap<>();
        mcp.listTools().path("tools").forEach(t -> byName.put(t.path("name").asText(), t));
        Set<String> expected = new HashSet<>(READ_ONLY);
        expected.addAll(WRITES);
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        byName.forEach((name, tool) -> {
            JsonNode a = tool.path("annotations");
            assertThat(a.path("readOnlyHint").asBoolean()).as(name + " readOnlyHint").isEqualTo(READ_ONLY.contains(name));
            assertThat(a.path("destructiveHint").asBoolean()).as(name + " destructiveHint").isEqualTo(DESTRUCTIVE.contains(name));
        });
        assertThat(properties(byName, "jira_get_issue")).contains("issue_key", "fields", "expand", "comment_limit",
                "properties", "update_history");
        assertThat(required(byName, "jira_get_issue")).containsExactly("issue_key");
        assertThat(properties(byName, "jira_search")).contains("jql", "fields", "limit", "start_at", "projects_filter",
                "expand", "page_token");
        assertThat(required(byName, "jira_search")).containsExactly("jql");
        assertThat(required(byName, "jira_create_issue")).containsExactlyInAnyOrder("project_key", "summary", "issue_type");
        assertThat(properties(byName, "jira_create_issue")).contains("assignee", "description", "components",
                "additional_fields");
        assertThat(required(byName, "jira_transition_issue")).containsExactlyInAnyOrder("issue_key", "transition_id");
        assertThat(required(byName, "jira_add_worklog")).containsExactlyInAnyOrder("issue_key", "time_spent");
        assertThat(required(byName, "jira_create_issue_link"))
                .containsExactlyInAnyOrder("link_type", "inward_issue_key", "outward_issue_key");
        assertThat(required(byName, "jira_get_user_profile")).containsExactly("user_identifier");
        assertThat(properties(byName, "jira_search_fields")).containsExactlyInAnyOrder("keyword", "limit", "refresh");
    }

    static Set<String> properties(Map<String, JsonNode> tools, String name) {
        Set<String> out = new HashSet<>();
        tools.get(name).path("inputSchema").path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    static List<String> required(Map<String, JsonNode> tools, String name) {
        List<String> out = new java.util.ArrayList<>();
        tools.get(name).path("inputSchema").path("required").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Every bean with tools passes the redacting interceptor: a class without it would leak unredacted results. */
    @Test
    void everyToolClassIsGuarded() {
        List<Class<?>> classes = List.of(IssueTools.class, CommentWorklogTools.class, TransitionTools.class,
                ProjectUserTools.class, LinkFieldTools.class, RefreshCredentialsTool.class);
        Set<String> declared = classes.stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .map(m -> m.getAnnotation(Tool.class)).filter(Objects::nonNull).map(Tool::name)
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
