package io.ambientcode.sidecar.github.tools;

import static io.ambientcode.sidecar.upstream.UpstreamUrls.path;
import static io.ambientcode.sidecar.upstream.UpstreamUrls.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.sidecar.github.client.GitHubClient;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Toolset "repos": files, branches, commits and repository/code search (github-mcp-server names and parameters). */
@Singleton
@SidecarTools
public class RepositoryTools {

    /** One file of {@code push_files}. */
    public record FileEntry(String path, String content) {
    }

    @Inject
    GitHubClient github;

    @Tool(name = "search_repositories", description = "Search GitHub repositories (GitHub search syntax).",
            annotations = @Tool.Annotations(title = "Search repositories", readOnlyHint = true, destructiveHint = false))
    public ToolResponse searchRepositories(
            @ToolArg(description = "Search query, e.g. 'quarkus in:name language:java'") String query,
            @ToolArg(description = "Sort by stars, forks, help-wanted-issues or updated", required = false) String sort,
            @ToolArg(description = "asc or desc", required = false) String order,
            @ToolArg(description = "Page number (default 1)", required = false) Integer page,
            @ToolArg(description = "Results per page (default 30, max 100)", required = false) Integer perPage) {
        Map<String, Object> q = Results.paging(page, perPage);
        q.put("q", Results.required("query", query));
        q.put("sort", sort);
        q.put("order", order);
        return Results.json(github.get("/search/repositories", q));
    }

    @Tool(name = "search_code", description = "Search code across GitHub repositories (GitHub code search syntax).",
            annotations = @Tool.Annotations(title = "Search code", readOnlyHint = true, destructiveHint = false))
    public ToolResponse searchCode(
            @ToolArg(description = "Search query, e.g. 'HttpClient repo:owner/name language:java'") String query,
            @ToolArg(description = "Sort field ('indexed')", required = false) String sort,
            @ToolArg(description = "asc or desc", required = false) String order,
            @ToolArg(description = "Page number (default 1)", required = false) Integer page,
            @ToolArg(description = "Results per page (default 30, max 100)", required = false) Integer perPage) {
        Map<String, Object> q = Results.paging(page, perPage);
        q.put("q", Results.required("query", query));
        q.put("sort", sort);
        q.put("order", order);
        return Results.json(github.get("/search/code", q));
    }

    @Tool(name = "get_file_contents",
            description = "Get the contents of a file (as text) or a directory listing from a repository.",
            annotations = @Tool.Annotations(title = "Get file or directory contents", readOnlyHint = true, destructiveHint = false))
    public ToolResponse getFileContents(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Path to the file or directory (default: repository root)", required = false) String path,
            @ToolArg(description = "Git ref: branch, tag or 'refs/pull/N/head'", required = false) String ref,
            @ToolArg(description = "Commit SHA (wins over ref)", required = false) String sha) {
        String target = path == null ? "" : path;
        JsonNode node = github.get("/repos/" + segment(owner) + "/" + segment(repo) + "/contents/" + path(target),
                Results.nonNull("ref", sha != null && !sha.isBlank() ? sha : ref));
        if (node.isObject() && "file".equals(node.path("type").asText()) && node.has("content")) {
            byte[] bytes = Base64.getMimeDecoder().decode(node.path("content").asText());
            String text = new String(bytes, StandardCharsets.UTF_8);
            return Results.text("File " + node.path("path").asText() + " (sha " + node.path("sha").asText() + "):\n" + text);
        }
        return Results.json(node);
    }

    @Tool(name = "create_or_update_file",
            description = "Create or update one file in a repository with a commit. To update, pass the blob sha of the "
                    + "file being replaced.",
            annotations = @Tool.Annotations(title = "Create or update file", readOnlyHint = false, destructiveHint = true))
    public ToolResponse createOrUpdateFile(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Path of the file") String path,
            @ToolArg(description = "Content of the file (plain text)") String content,
            @ToolArg(description = "Commit message") String message,
            @ToolArg(description = "Branch to commit to") String branch,
            @ToolArg(description = "Blob SHA of the file being replaced (required for updates)", required = false) String sha) {
        Map<String, Object> body = Results.nonNull(
                "message", Results.required("message", message),
                "content", Base64.getEncoder().encodeToString(Results.required("content", content).getBytes(StandardCharsets.UTF_8)),
                "branch", Results.required("branch", branch),
                "sha", sha);
        return Results.json(github.send("PUT", "/repos/" + segment(owner) + "/" + segment(repo) + "/contents/" + path(path), body));
    }

    @Tool(name = "delete_file", description = "Delete a file from a repository with a commit.",
            annotations = @Tool.Annotations(title = "Delete file", readOnlyHint = false, destructiveHint = true))
    public ToolResponse deleteFile(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Path of the file to delete") String path,
            @ToolArg(description = "Commit message") String message,
            @ToolArg(description = "Branch to delete the file from") String branch) {
        String contents = "/repos/" + segment(owner) + "/" + segment(repo) + "/contents/" + path(Results.required("path", path));
        JsonNode current = github.get(contents, Map.of("ref", Results.required("branch", branch)));
        if (!current.isObject() || !"file".equals(current.path("type").asText())) {
            throw new IllegalArgumentException("path is not a file: " + path);
        }
        Map<String, Object> body = Results.nonNull("message", Results.required("message", message),
                "sha", current.path("sha").asText(), "branch", branch);
        return Results.json(github.send("DELETE", contents, body));
    }

    @Tool(name = "push_files",
            description = "Push several files to a branch in one commit (through the git data API).",
            annotations = @Tool.Annotations(title = "Push files", readOnlyHint = false, destructiveHint = true))
    public ToolResponse pushFiles(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Branch to push to") String branch,
            @ToolArg(description = "Files to push: objects with 'path' and 'content'") List<FileEntry> files,
            @ToolArg(description = "Commit message") String message) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("files must name at least one file");
        }
        String r = "/repos/" + segment(owner) + "/" + segment(repo);
        JsonNode ref = github.get(r + "/git/ref/heads/" + path(Results.required("branch", branch)), Map.of());
        String parentSha = ref.path("object").path("sha").asText();
        JsonNode parent = github.get(r + "/git/commits/" + segment(parentSha), Map.of());
        String baseTree = parent.path("tree").path("sha").asText();
        List<Map<String, Object>> tree = new ArrayList<>();
        for (FileEntry f : files) {
            tree.add(Map.of("path", Results.required("files[].path", f.path()), "mode", "100644", "type", "blob",
                    "content", Results.required("files[].content", f.content())));
        }
        JsonNode newTree = github.send("POST", r + "/git/trees", Map.of("base_tree", baseTree, "tree", tree));
        JsonNode commit = github.send("POST", r + "/git/commits", Map.of("message", Results.required("message", message),
                "tree", newTree.path("sha").asText(), "parents", List.of(parentSha)));
        JsonNode updated = github.send("PATCH", r + "/git/refs/heads/" + path(branch),
                Map.of("sha", commit.path("sha").asText(), "force", false));
        return Results.json(updated);
    }

    @Tool(name = "create_branch", description = "Create a new branch from another branch (default: the repository's default branch).",
            annotations = @Tool.Annotations(title = "Create branch", readOnlyHint = false, destructiveHint = false))
    public ToolResponse createBranch(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Name of the new branch") String branch,
            @ToolArg(description = "Source branch (default: the repository's default branch)", required = false) String from_branch) {
        String r = "/repos/" + segment(owner) + "/" + segment(repo);
        String from = from_branch;
        if (from == null || from.isBlank()) {
            from = github.get(r, Map.of()).path("default_branch").asText();
        }
        String sha = github.get(r + "/git/ref/heads/" + path(from), Map.of()).path("object").path("sha").asText();
        return Results.json(github.send("POST", r + "/git/refs",
                Map.of("ref", "refs/heads/" + Results.required("branch", branch), "sha", sha)));
    }

    @Tool(name = "list_branches", description = "List branches of a repository.",
            annotations = @Tool.Annotations(title = "List branches", readOnlyHint = true, destructiveHint = false))
    public ToolResponse listBranches(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Page number (default 1)", required = false) Integer page,
            @ToolArg(description = "Results per page (default 30, max 100)", required = false) Integer perPage) {
        return Results.json(github.get("/repos/" + segment(owner) + "/" + segment(repo) + "/branches", Results.paging(page, perPage)));
    }

    @Tool(name = "list_commits", description = "List commits of a branch, tag or SHA.",
            annotations = @Tool.Annotations(title = "List commits", readOnlyHint = true, destructiveHint = false))
    public ToolResponse listCommits(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Branch, tag or commit SHA to start from", required = false) String sha,
            @ToolArg(description = "Author login or email to filter by", required = false) String author,
            @ToolArg(description = "Page number (default 1)", required = false) Integer page,
            @ToolArg(description = "Results per page (default 30, max 100)", required = false) Integer perPage) {
        Map<String, Object> q = Results.paging(page, perPage);
        q.put("sha", sha);
        q.put("author", author);
        return Results.json(github.get("/repos/" + segment(owner) + "/" + segment(repo) + "/commits", q));
    }

    @Tool(name = "get_commit", description = "Get one commit, with its diff by default.",
            annotations = @Tool.Annotations(title = "Get commit", readOnlyHint = true, destructiveHint = false))
    public ToolResponse getCommit(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Commit SHA, branch or tag") String sha,
            @ToolArg(description = "Include the file diffs (default true)", required = false) Boolean include_diff,
            @ToolArg(description = "Page number of the file list (default 1)", required = false) Integer page,
            @ToolArg(description = "Files per page (default 30, max 100)", required = false) Integer perPage) {
        JsonNode commit = github.get("/repos/" + segment(owner) + "/" + segment(repo) + "/commits/" + segment(Results.required("sha", sha)),
                Results.paging(page, perPage));
        if (Boolean.FALSE.equals(include_diff) && commit.isObject() && commit.path("files").isArray()) {
            for (JsonNode file : commit.path("files")) {
                ((ObjectNode) file).remove("patch");
            }
        }
        return Results.json(commit);
    }
}
