package io.ambientcode.sidecar.github.tools;

import static io.ambientcode.sidecar.upstream.UpstreamUrls.segment;

import io.ambientcode.sidecar.github.client.GitHubClient;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Toolset "issues" (github-mcp-server names and parameters; {@code get_issue} kept as the older alias). */
@Singleton
@SidecarTools
public class IssueTools {

    @Inject
    GitHubClient github;

    @Tool(name = "list_issues", description = "List issues of a repository (pull requests excluded by GitHub's filter "
            + "are still marked with 'pull_request').",
            annotations = @Tool.Annotations(title = "List issues", readOnlyHint = true, destructiveHint = false))
    public ToolResponse listIssues(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "open, closed or all (default open)", required = false) String state,
            @ToolArg(description = "Labels to filter by", required = false) List<String> labels,
            @ToolArg(description = "Order by created, updated or comments", required = false) String orderBy,
            @ToolArg(description = "asc or desc", required = false) String direction,
            @ToolArg(description = "Only issues updated at or after this ISO 8601 time", required = false) String since,
            @ToolArg(description = "Page number (default 1)", required = false) Integer page,
            @ToolArg(description = "Results per page (default 30, max 100)", required = false) Integer perPage) {
        Map<String, Object> q = Results.paging(page, perPage);
        q.put("state", state == null ? null : state.toLowerCase());
        q.put("labels", labels == null || labels.isEmpty() ? null : String.join(",", labels));
        q.put("sort", orderBy == null ? null : orderBy.toLowerCase());
        q.put("direction", direction == null ? null : direction.toLowerCase());
        q.put("since", since);
        return Results.json(github.get(repo(owner, repo) + "/issues", q));
    }

    @Tool(name = "issue_read", description = "Read an issue: method get, get_comments, get_labels or get_sub_issues.",
            annotations = @Tool.Annotations(title = "Read issue", readOnlyHint = true, destructiveHint = false))
    public ToolResponse issueRead(
            @ToolArg(description = "get, get_comments, get_labels or get_sub_issues") String method,
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Issue number") Integer issue_number,
            @ToolArg(description = "Page number (default 1)", required = false) Integer page,
            @ToolArg(description = "Results per page (default 30, max 100)", required = false) Integer perPage) {
        String issue = repo(owner, repo) + "/issues/" + Results.required("issue_number", issue_number);
        return switch (Results.required("method", method)) {
            case "get" -> Results.json(github.get(issue, Map.of()));
            case "get_comments" -> Results.json(github.get(issue + "/comments", Results.paging(page, perPage)));
            case "get_labels" -> Results.json(github.get(issue + "/labels", Results.paging(page, perPage)));
            case "get_sub_issues" -> Results.json(github.get(issue + "/sub_issues", Results.paging(page, perPage)));
            default -> throw new IllegalArgumentException("unknown method '" + method
                    + "' (get, get_comments, get_labels, get_sub_issues)");
        };
    }

    @Tool(name = "get_issue", description = "Get one issue (older name of issue_read with method get).",
            annotations = @Tool.Annotations(title = "Get issue", readOnlyHint = true, destructiveHint = false))
    public ToolResponse getIssue(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Issue number") Integer issue_number) {
        return Results.json(github.get(repo(owner, repo) + "/issues/" + Results.required("issue_number", issue_number), Map.of()));
    }

    @Tool(name = "create_issue", description = "Create an issue.",
            annotations = @Tool.Annotations(title = "Create issue", readOnlyHint = false, destructiveHint = false))
    public ToolResponse createIssue(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Issue title") String title,
            @ToolArg(description = "Issue body (markdown)", required = false) String body,
            @ToolArg(description = "Logins to assign", required = false) List<String> assignees,
            @ToolArg(description = "Labels to apply", required = false) List<String> labels,
            @ToolArg(description = "Milestone number", required = false) Integer milestone) {
        return Results.json(github.send("POST", repo(owner, repo) + "/issues", Results.nonNull(
                "title", Results.required("title", title), "body", body, "assignees", assignees, "labels", labels,
                "milestone", milestone)));
    }

    @Tool(name = "update_issue", description = "Update an issue: title, body, state, labels, assignees, milestone.",
            annotations = @Tool.Annotations(title = "Update issue", readOnlyHint = false, destructiveHint = false))
    public ToolResponse updateIssue(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Issue number") Integer issue_number,
            @ToolArg(description = "New title", required = false) String title,
            @ToolArg(description = "New body", required = false) String body,
            @ToolArg(description = "open or closed", required = false) String state,
            @ToolArg(description = "completed, not_planned or reopened", required = false) String state_reason,
            @ToolArg(description = "Labels (replaces the current ones)", required = false) List<String> labels,
            @ToolArg(description = "Assignees (replaces the current ones)", required = false) List<String> assignees,
            @ToolArg(description = "Milestone number", required = false) Integer milestone) {
        return Results.json(github.send("PATCH", repo(owner, repo) + "/issues/" + Results.required("issue_number", issue_number),
                Results.nonNull("title", title, "body", body, "state", state, "state_reason", state_reason,
                        "labels", labels, "assignees", assignees, "milestone", milestone)));
    }

    @Tool(name = "issue_write", description = "Create (method create) or update (method update) an issue.",
            annotations = @Tool.Annotations(title = "Create or update issue", readOnlyHint = false, destructiveHint = false))
    public ToolResponse issueWrite(
            @ToolArg(description = "create or update") String method,
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Issue number (update only)", required = false) Integer issue_number,
            @ToolArg(description = "Title", required = false) String title,
            @ToolArg(description = "Body", required = false) String body,
            @ToolArg(description = "open or closed (update only)", required = false) String state,
            @ToolArg(description = "completed, not_planned or reopened (update only)", required = false) String state_reason,
            @ToolArg(description = "Labels", required = false) List<String> labels,
            @ToolArg(description = "Assignees", required = false) List<String> assignees,
            @ToolArg(description = "Milestone number", required = false) Integer milestone) {
        return switch (Results.required("method", method)) {
            case "create" -> createIssue(owner, repo, title, body, assignees, labels, milestone);
            case "update" -> updateIssue(owner, repo, issue_number, title, body, state, state_reason, labels, assignees, milestone);
            default -> throw new IllegalArgumentException("unknown method '" + method + "' (create, update)");
        };
    }

    @Tool(name = "add_issue_comment", description = "Add a comment to an issue or pull request.",
            annotations = @Tool.Annotations(title = "Add issue comment", readOnlyHint = false, destructiveHint = false))
    public ToolResponse addIssueComment(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Issue or pull request number") Integer issue_number,
            @ToolArg(description = "Comment text (markdown)") String body) {
        return Results.json(github.send("POST", repo(owner, repo) + "/issues/" + Results.required("issue_number", issue_number)
                + "/comments", Map.of("body", Results.required("body", body))));
    }

    @Tool(name = "search_issues", description = "Search issues across GitHub (is:issue is added unless the query says otherwise).",
            annotations = @Tool.Annotations(title = "Search issues", readOnlyHint = true, destructiveHint = false))
    public ToolResponse searchIssues(
            @ToolArg(description = "Search query (GitHub issue search syntax)") String query,
            @ToolArg(description = "Limit to this owner", required = false) String owner,
            @ToolArg(description = "Limit to this repository (needs owner)", required = false) String repo,
            @ToolArg(description = "Sort: comments, reactions, created, updated, ...", required = false) String sort,
            @ToolArg(description = "asc or desc", required = false) String order,
            @ToolArg(description = "Page number (default 1)", required = false) Integer page,
            @ToolArg(description = "Results per page (default 30, max 100)", required = false) Integer perPage) {
        String q = Results.required("query", query);
        if (!q.contains("is:issue") && !q.contains("is:pr") && !q.contains("type:")) {
            q = "is:issue " + q;
        }
        if (owner != null && !owner.isBlank()) {
            q = q + (repo != null && !repo.isBlank() ? " repo:" + owner + "/" + repo : " user:" + owner);
        }
        Map<String, Object> params = Results.paging(page, perPage);
        params.put("q", q);
        params.put("sort", sort);
        params.put("order", order);
        return Results.json(github.get("/search/issues", params));
    }

    static String repo(String owner, String repo) {
        return "/repos/" + segment(Results.required("owner", owner)) + "/" + segment(Results.required("repo", repo));
    }
}
