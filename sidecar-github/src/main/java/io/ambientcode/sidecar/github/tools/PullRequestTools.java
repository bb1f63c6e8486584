package io.ambientcode.sidecar.github.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.sidecar.github.client.GitHubClient;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.ambientcode.sidecar.upstream.UpstreamUrls;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Toolset "pull_requests": {@code pull_request_read} with its methods, plus the older single-purpose names
 * ({@code get_pull_request}, {@code get_pull_request_files}, {@code get_pull_request_diff},
 * {@code get_pull_request_status}) so prompts written for either generation work.
 */
@Singleton
@SidecarTools
public class PullRequestTools {

    @Inject
    GitHubClient github;

    @Tool(name = "list_pull_requests", description = "List pull requests of a repository.",
            annotations = @Tool.Annotations(title = "List pull requests", readOnlyHint = true, destructiveHint = false))
    public ToolResponse listPullRequests(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "open, closed or all", required = false) String state,
            @ToolArg(description = "Filter by head user/org and branch, 'user:branch'", required = false) String head,
            @ToolArg(description = "Filter by base branch", required = false) String base,
            @ToolArg(description = "created, updated, popularity or long-running", required = false) String sort,
            @ToolArg(description = "asc or desc", required = false) String direction,
            @ToolArg(description = "Page number (default 1)", required = false) Integer page,
            @ToolArg(description = "Results per page (default 30, max 100)", required = false) Integer perPage) {
        Map<String, Object> q = Results.paging(page, perPage);
        q.put("state", state);
        q.put("head", head);
        q.put("base", base);
        q.put("sort", sort);
        q.put("direction", direction);
        return Results.json(github.get(IssueTools.repo(owner, repo) + "/pulls", q));
    }

    @Tool(name = "pull_request_read", description = "Read a pull request: method get, get_diff, get_status, get_files, "
            + "get_commits, get_reviews, get_review_comments or get_comments.",
            annotations = @Tool.Annotations(title = "Read pull request", readOnlyHint = true, destructiveHint = false))
    public ToolResponse pullRequestRead(
            @ToolArg(description = "get, get_diff, get_status, get_files, get_commits, get_reviews, get_review_comments, get_comments") String method,
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Pull request number") Integer pullNumber,
            @ToolArg(description = "Page number (default 1)", required = false) Integer page,
            @ToolArg(description = "Results per page (default 30, max 100)", required = false) Integer perPage) {
        String pr = pr(owner, repo, pullNumber);
        return switch (Results.required("method", method)) {
            case "get" -> Results.json(github.get(pr, Map.of()));
            case "get_diff" -> Results.text(github.getText(pr, "application/vnd.github.diff"));
            case "get_status" -> status(owner, repo, pullNumber);
            case "get_files" -> Results.json(github.get(pr + "/files", Results.paging(page, perPage)));
            case "get_commits" -> Results.json(github.get(pr + "/commits", Results.paging(page, perPage)));
            case "get_reviews" -> Results.json(github.get(pr + "/reviews", Results.paging(page, perPage)));
            case "get_review_comments" -> Results.json(github.get(pr + "/comments", Results.paging(page, perPage)));
            case "get_comments" -> Results.json(github.get(IssueTools.repo(owner, repo) + "/issues/" + pullNumber + "/comments",
                    Results.paging(page, perPage)));
            default -> throw new IllegalArgumentException("unknown method '" + method + "'");
        };
    }

    @Tool(name = "get_pull_request", description = "Get one pull request.",
            annotations = @Tool.Annotations(title = "Get pull request", readOnlyHint = true, destructiveHint = false))
    public ToolResponse getPullRequest(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Pull request number") Integer pullNumber) {
        return Results.json(github.get(pr(owner, repo, pullNumber), Map.of()));
    }

    @Tool(name = "get_pull_request_files", description = "List the files changed by a pull request.",
            annotations = @Tool.Annotations(title = "Get pull request files", readOnlyHint = true, destructiveHint = false))
    public ToolResponse getPullRequestFiles(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Pull request number") Integer pullNumber,
            @ToolArg(description = "Page number (default 1)", required = false) Integer page,
            @ToolArg(description = "Results per page (default 30, max 100)", required = false) Integer perPage) {
        return Results.json(github.get(pr(owner, repo, pullNumber) + "/files", Results.paging(page, perPage)));
    }

    @Tool(name = "get_pull_request_diff", description = "Get the unified diff of a pull request.",
            annotations = @Tool.Annotations(title = "Get pull request diff", readOnlyHint = true, destructiveHint = false))
    public ToolResponse getPullRequestDiff(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Pull request number") Integer pullNumber) {
        return Results.text(github.getText(pr(owner, repo, pullNumber), "application/vnd.github.diff"));
    }

    @Tool(name = "get_pull_request_status", description = "Get the combined commit status of a pull request's head.",
            annotations = @Tool.Annotations(title = "Get pull request status", readOnlyHint = true, destructiveHint = false))
    public ToolResponse getPullRequestStatus(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Pull request number") Integer pullNumber) {
        return status(owner, repo, pullNumber);
    }

    @Tool(name = "create_pull_request", description = "Open a pull request.",
            annotations = @Tool.Annotations(title = "Create pull request", readOnlyHint = false, destructiveHint = false))
    public ToolResponse createPullRequest(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Title") String title,
            @ToolArg(description = "Branch with the changes") String head,
            @ToolArg(description = "Branch to merge into") String base,
            @ToolArg(description = "Description (markdown)", required = false) String body,
            @ToolArg(description = "Open as draft", required = false) Boolean draft,
            @ToolArg(description = "Allow maintainers to push to the head branch", required = false) Boolean maintainer_can_modify) {
        return Results.json(github.send("POST", IssueTools.repo(owner, repo) + "/pulls", Results.nonNull(
                "title", Results.required("title", title), "head", Results.required("head", head),
                "base", Results.required("base", base), "body", body, "draft", draft,
                "maintainer_can_modify", maintainer_can_modify)));
    }

    @Tool(name = "update_pull_request", description = "Update a pull request: title, body, state, base; request reviewers.",
            annotations = @Tool.Annotations(title = "Update pull request", readOnlyHint = false, destructiveHint = false))
    public ToolResponse updatePullRequest(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Pull request number") Integer pullNumber,
            @ToolArg(description = "New title", required = false) String title,
            @ToolArg(description = "New description", required = false) String body,
            @ToolArg(description = "open or closed", required = false) String state,
            @ToolArg(description = "New base branch", required = false) String base,
            @ToolArg(description = "Allow maintainers to push", required = false) Boolean maintainer_can_modify,
            @ToolArg(description = "Logins to request reviews from", required = false) List<String> reviewers) {
        String pr = pr(owner, repo, pullNumber);
        Map<String, Object> fields = Results.nonNull("title", title, "body", body, "state", state, "base", base,
                "maintainer_can_modify", maintainer_can_modify);
        JsonNode result = fields.isEmpty() ? github.get(pr, Map.of()) : github.send("PATCH", pr, fields);
        if (reviewers != null && !reviewers.isEmpty()) {
            github.send("POST", pr + "/requested_reviewers", Map.of("reviewers", reviewers));
            result = github.get(pr, Map.of());
        }
        return Results.json(result);
    }

    @Tool(name = "merge_pull_request", description = "Merge a pull request.",
            annotations = @Tool.Annotations(title = "Merge pull request", readOnlyHint = false, destructiveHint = false))
    public ToolResponse mergePullRequest(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Pull request number") Integer pullNumber,
            @ToolArg(description = "Title of the merge commit", required = false) String commit_title,
            @ToolArg(description = "Message of the merge commit", required = false) String commit_message,
            @ToolArg(description = "merge, squash or rebase", required = false) String merge_method) {
        return Results.json(github.send("PUT", pr(owner, repo, pullNumber) + "/merge", Results.nonNull(
                "commit_title", commit_title, "commit_message", commit_message, "merge_method", merge_method)));
    }

    private ToolResponse status(String owner, String repo, Integer pullNumber) {
        JsonNode pr = github.get(pr(owner, repo, pullNumber), Map.of());
        String sha = pr.path("head").path("sha").asText();
        JsonNode status = github.get(IssueTools.repo(owner, repo) + "/commits/" + UpstreamUrls.segment(sha) + "/status", Map.of());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("head_sha", sha);
        out.set("status", status);
        return Results.json(out);
    }

    private static String pr(String owner, String repo, Integer pullNumber) {
        return IssueTools.repo(owner, repo) + "/pulls/" + Results.required("pullNumber", pullNumber);
    }
}
