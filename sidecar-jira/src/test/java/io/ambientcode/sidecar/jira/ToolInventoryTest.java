package io.ambientcode.sidecar.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.testing.SpecDocs;
import io.ambientcode.sidecar.jira.support.JiraTestBase;
import io.ambientcode.sidecar.jira.support.JiraWorld;
import io.ambientcode.sidecar.jira.tools.CommentWorklogTools;
import io.ambientcode.sidecar.jira.tools.IssueTools;
import io.ambientcode.sidecar.jira.tools.LinkFieldTools;
import io.ambientcode.sidecar.jira.tools.ProjectUserTools;
import io.ambientcode.sidecar.jira.tools.TransitionTools;
import io.ambientcode.sidecar.testing.ToolInventory;
import io.ambientcode.sidecar.tools.RefreshCredentialsTool;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        ToolInventory tools = ToolInventory.of(mcp.listTools()).assertHints(READ_ONLY, WRITES, DESTRUCTIVE);
        tools.assertMatchesSpec(Provider.JIRA, SpecDocs.table("sidecars.md", Provider.JIRA.id() + " tool"));
        assertThat(tools.properties("jira_get_issue")).contains("issue_key", "fields", "expand", "comment_limit",
                "properties", "update_history");
        assertThat(tools.required("jira_get_issue")).containsExactly("issue_key");
        assertThat(tools.properties("jira_search")).contains("jql", "fields", "limit", "start_at", "projects_filter",
                "expand", "page_token");
        assertThat(tools.required("jira_search")).containsExactly("jql");
        assertThat(tools.required("jira_create_issue")).containsExactlyInAnyOrder("project_key", "summary", "issue_type");
        assertThat(tools.properties("jira_create_issue")).contains("assignee", "description", "components",
                "additional_fields");
        assertThat(tools.required("jira_transition_issue")).containsExactlyInAnyOrder("issue_key", "transition_id");
        assertThat(tools.required("jira_add_worklog")).containsExactlyInAnyOrder("issue_key", "time_spent");
        assertThat(tools.required("jira_create_issue_link"))
                .containsExactlyInAnyOrder("link_type", "inward_issue_key", "outward_issue_key");
        assertThat(tools.required("jira_get_user_profile")).containsExactly("user_identifier");
        assertThat(tools.properties("jira_search_fields")).containsExactlyInAnyOrder("keyword", "limit", "refresh");
    }

    /** Every bean with tools passes the redacting interceptor: a class without it would leak unredacted results. */
    @Test
    void everyToolClassIsGuarded() {
        Set<String> all = new HashSet<>(READ_ONLY);
        all.addAll(WRITES);
        ToolInventory.assertGuarded(List.of(IssueTools.class, CommentWorklogTools.class, TransitionTools.class,
                ProjectUserTools.class, LinkFieldTools.class, RefreshCredentialsTool.class), all);
    }
}
