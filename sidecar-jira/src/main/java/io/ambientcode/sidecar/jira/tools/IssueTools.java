package io.ambientcode.sidecar.jira.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.sidecar.jira.client.JiraClient;
import io.ambientcode.sidecar.jira.client.JiraSite;
import io.ambientcode.sidecar.jira.client.JiraUsers;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Toolset {@code jira_issues} (mcp-atlassian names and parameters). */
@Singleton
@SidecarTools
public class IssueTools {

    @Inject
    JiraClient jira;

    @Inject
    JiraOps ops;

    @Inject
    JiraUsers users;

    @Tool(name = "jira_get_issue", description = "Get details of a specific Jira issue: the requested fields, "
            + "rich text as plain text, and the latest comments.",
            annotations = @Tool.Annotations(title = "Get Issue", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse getIssue(
            @ToolArg(description = "Jira issue key (e.g., 'PROJ-123')") String issue_key,
            @ToolArg(description = "Comma-separated fields to return (e.g. 'summary,status,customfield_10010'); "
                    + "'*all' for all fields", defaultValue = JiraOps.DEFAULT_FIELDS) String fields,
            @ToolArg(description = "Fields to expand, e.g. 'renderedFields', 'transitions', 'changelog'",
                    required = false) String expand,
            @ToolArg(description = "Maximum number of comments to include (0 for none)", defaultValue = "10")
            int comment_limit,
            @ToolArg(description = "Comma-separated issue properties to return", required = false) String properties,
            @ToolArg(description = "Whether to update the issue view history for the requesting user",
                    defaultValue = "true") boolean update_history) {
        String key = ops.issueKey(issue_key);
        int comments = Args.range("comment_limit", comment_limit, 0, 100, 10);
        String requested = fields == null || fields.isBlank() ? JiraOps.DEFAULT_FIELDS : fields.strip();
        if (comments > 0 && !requested.equals("*all") && !Args.csv(requested).contains("comment")) {
            requested = requested + ",comment";
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("fields", requested);
        q.put("expand", expand);
        q.put("properties", properties);
        q.put("updateHistory", update_history);
        JsonNode issue = jira.get(ops.issuePath(key), q);
        ObjectNode result = issue.deepCopy();
        result.put("url", jira.site().browse(issue.path("key").asText(key)));
        trimComments(result, comments);
        return Results.json(result);
    }

    /** Keeps the last {@code limit} comments (Jira returns them oldest first); none when the limit is 0. */
    static void trimComments(ObjectNode issue, int limit) {
        JsonNode fields = issue.path("fields");
        if (!fields.isObject() || !fields.has("comment")) {
            return;
        }
        ObjectNode f = (ObjectNode) fields;
        if (limit == 0) {
            f.remove("comment");
            return;
        }
        JsonNode all = f.path("comment").path("comments");
        if (all.isArray() && all.size() > limit) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (int i = all.size() - limit; i < all.size(); i++) {
                kept.add(all.get(i));
            }
            ((ObjectNode) f.get("comment")).set("comments", kept);
        }
    }

    @Tool(name = "jira_search", description = "Search Jira issues using JQL (Jira Query Language). Cloud pages with "
            + "page_token (next_page_token of the previous answer); Server/DC with start_at.",
            annotations = @Tool.Annotations(title = "Search Issues", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse search(
            @ToolArg(description = "JQL query, e.g. 'project = PROJ AND status = \"In Progress\"'") String jql,
            @ToolArg(description = "Comma-separated fields to return; '*all' for all fields",
                    defaultValue = JiraOps.DEFAULT_FIELDS) String fields,
            @ToolArg(description = "Maximum number of results (1-50)", defaultValue = "10") int limit,
            @ToolArg(description = "Starting index for pagination (0-based; Server/DC)", defaultValue = "0") int start_at,
            @ToolArg(description = "Comma-separated project keys to narrow the results to", required = false)
            String projects_filter,
            @ToolArg(description = "Fields to expand, e.g. 'renderedFields', 'transitions', 'changelog'",
                    required = false) String expand,
            @ToolArg(description = "Pagination token from a previous result (Cloud only)", required = false)
            String page_token) {
        String query = Jql.withProjects(Args.required("jql", jql), projects(projects_filter));
        return Results.json(ops.search(query, fields, Args.range("limit", limit, 1, 50, 10),
                Args.range("start_at", start_at, 0, Integer.MAX_VALUE, 0), expand, page_token));
    }

    @Tool(name = "jira_get_project_issues", description = "Get the issues of a Jira project, newest first.",
            annotations = @Tool.Annotations(title = "Get Project Issues", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse getProjectIssues(
            @ToolArg(description = "Jira project key (e.g., 'PROJ')") String project_key,
            @ToolArg(description = "Maximum number of results (1-50)", defaultValue = "10") int limit,
            @ToolArg(description = "Starting index for pagination (0-based)", defaultValue = "0") int start_at) {
        String jql = "project = " + Jql.quote(ops.projectKey("project_key", project_key)) + " ORDER BY created DESC";
        return Results.json(ops.search(jql, null, Args.range("limit", limit, 1, 50, 10),
                Args.range("start_at", start_at, 0, Integer.MAX_VALUE, 0), null, null));
    }

    @Tool(name = "jira_create_issue", description = "Create a new Jira issue (optionally with a parent or epic in "
            + "additional_fields).",
            annotations = @Tool.Annotations(title = "Create Issue", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = true))
    public ToolResponse createIssue(
            @ToolArg(description = "The project key (e.g. 'PROJ'); never guess it, ask the user") String project_key,
            @ToolArg(description = "Summary/title of the issue") String summary,
            @ToolArg(description = "Issue type, e.g. 'Task', 'Bug', 'Story', 'Epic', 'Subtask'") String issue_type,
            @ToolArg(description = "Assignee: email, display name, username or account id", required = false)
            String assignee,
            @ToolArg(description = "Issue description (Markdown-style text)", required = false) String description,
            @ToolArg(description = "Comma-separated component names, e.g. 'Frontend,API'", required = false)
            String components,
            @ToolArg(description = "JSON object of more fields, e.g. {\"priority\": {\"name\": \"High\"}, "
                    + "\"labels\": [\"x\"], \"parent\": \"PROJ-1\", \"customfield_10010\": \"v\"}", required = false)
            String additional_fields) {
        JiraSite site = jira.site();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project", Map.of("key", ops.projectKey("project_key", project_key)));
        fields.put("summary", Args.required("summary", summary));
        fields.put("issuetype", Map.of("name", Args.required("issue_type", issue_type)));
        if (description != null && !description.isBlank()) {
            fields.put("description", description);
        }
        if (assignee != null && !assignee.isBlank()) {
            fields.put("assignee", assignee);
        }
        if (components != null && !components.isBlank()) {
            fields.put("components", Args.csv(components));
        }
        fields.putAll(Args.jsonObject("additional_fields", additional_fields));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("fields", IssueFields.normalize(fields, site, users::fieldValue));
        JsonNode created = jira.send("POST", "/issue", Map.of(), body);
        ObjectNode issue = JsonNodeFactory.instance.objectNode()
                .put("id", created.path("id").asText())
                .put("key", created.path("key").asText())
                .put("url", site.browse(created.path("key").asText()));
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("message", "Issue created successfully");
        result.set("issue", issue);
        return Results.json(result);
    }

    @Tool(name = "jira_update_issue", description = "Update an issue's fields and optionally transition it, comment "
            + "on it and log work, in one call.",
            annotations = @Tool.Annotations(title = "Update Issue", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = false, openWorldHint = true))
    public ToolResponse updateIssue(
            @ToolArg(description = "Jira issue key (e.g., 'PROJ-123')") String issue_key,
            @ToolArg(description = "JSON object of fields to update, e.g. {\"summary\": \"New\", \"assignee\": "
                    + "\"user@example.com\", \"description\": \"text\"}", required = false) String fields,
            @ToolArg(description = "JSON object of additional (custom) fields to update", required = false)
            String additional_fields,
            @ToolArg(description = "Comma-separated component names (replaces the current ones)", required = false)
            String components,
            @ToolArg(description = "Transition name or id to apply after the update", required = false) String transition,
            @ToolArg(description = "Comment to add (Markdown-style text)", required = false) String comment,
            @ToolArg(description = "Comment visibility as JSON, e.g. {\"type\":\"group\",\"value\":\"jira-users\"}",
                    required = false) String comment_visibility,
            @ToolArg(description = "Time spent to log, e.g. '1h 30m'", required = false) String worklog,
            @ToolArg(description = "When the logged work started (Jira format, e.g. '2026-01-01T12:00:00.000+0000')",
                    required = false) String worklog_started,
            @ToolArg(description = "Comma-separated fields of the updated issue to return ('*all' for everything)",
                    defaultValue = "*all") String return_fields) {
        String key = ops.issueKey(issue_key);
        JiraSite site = jira.site();
        Map<String, Object> values = Args.jsonObject("fields", fields);
        values.putAll(Args.jsonObject("additional_fields", additional_fields));
        if (components != null && !components.isBlank()) {
            values.put("components", Args.csv(components));
        }
        boolean anything = !values.isEmpty() || notBlank(transition) || notBlank(comment) || notBlank(worklog);
        if (!anything) {
            throw new IllegalArgumentException("nothing to update: give fields, additional_fields, components, "
                    + "transition, comment or worklog");
        }
        List<String> done = new ArrayList<>();
        if (!values.isEmpty()) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("fields", IssueFields.normalize(values, site, users::fieldValue));
            jira.send("PUT", ops.issuePath(key), Map.of(), body);
            done.add("fields");
        }
        if (notBlank(transition)) {
            String id = ops.resolveTransition(key, transition);
            jira.send("POST", ops.issuePath(key) + "/transitions", Map.of(), Map.of("transition", Map.of("id", id)));
            done.add("transition");
        }
        if (notBlank(comment)) {
            ops.addComment(key, comment, comment_visibility);
            done.add("comment");
        }
        if (notBlank(worklog)) {
            ops.addWorklog(key, worklog, null, worklog_started, null);
            done.add("worklog");
        }
        JsonNode issue = jira.get(ops.issuePath(key), Map.of("fields",
                return_fields == null || return_fields.isBlank() ? "*all" : return_fields.strip()));
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("message", "Issue " + key + " updated: "
                + String.join(", ", done));
        result.set("issue", issue);
        return Results.json(result);
    }

    @Tool(name = "jira_delete_issue", description = "Delete an existing Jira issue.",
            annotations = @Tool.Annotations(title = "Delete Issue", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse deleteIssue(@ToolArg(description = "Jira issue key (e.g., 'PROJ-123')") String issue_key) {
        String key = ops.issueKey(issue_key);
        jira.send("DELETE", ops.issuePath(key), Map.of(), null);
        return Results.json(Map.of("message", "Issue " + key + " has been deleted successfully."));
    }

    private List<String> projects(String csv) {
        List<String> keys = Args.csv(csv);
        keys.forEach(k -> ops.projectKey("projects_filter", k));
        return keys;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
