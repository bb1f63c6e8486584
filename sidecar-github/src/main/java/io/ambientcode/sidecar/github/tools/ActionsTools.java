package io.ambientcode.sidecar.github.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.sidecar.github.client.GitHubClient;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.ambientcode.sidecar.upstream.UpstreamUrls;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/** Toolset "actions": workflow runs and job logs. */
@Singleton
@SidecarTools
public class ActionsTools {

    static final int DEFAULT_TAIL_LINES = 500;

    @Inject
    GitHubClient github;

    @Tool(name = "list_workflow_runs", description = "List workflow runs of a repository, or of one workflow.",
            annotations = @Tool.Annotations(title = "List workflow runs", readOnlyHint = true, destructiveHint = false))
    public ToolResponse listWorkflowRuns(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Workflow id or file name (e.g. ci.yml); all workflows when empty", required = false) String workflow_id,
            @ToolArg(description = "Filter by the login that triggered the run", required = false) String actor,
            @ToolArg(description = "Filter by branch", required = false) String branch,
            @ToolArg(description = "Filter by event (push, pull_request, ...)", required = false) String event,
            @ToolArg(description = "Filter by status or conclusion (completed, in_progress, failure, ...)", required = false) String status,
            @ToolArg(description = "Page number (default 1)", required = false) Integer page,
            @ToolArg(description = "Results per page (default 30, max 100)", required = false) Integer perPage) {
        Map<String, Object> q = Results.paging(page, perPage);
        q.put("actor", actor);
        q.put("branch", branch);
        q.put("event", event);
        q.put("status", status);
        String base = IssueTools.repo(owner, repo) + "/actions";
        String path = workflow_id == null || workflow_id.isBlank() ? base + "/runs"
                : base + "/workflows/" + UpstreamUrls.segment(workflow_id) + "/runs";
        return Results.json(github.get(path, q));
    }

    @Tool(name = "get_workflow_run", description = "Get one workflow run.",
            annotations = @Tool.Annotations(title = "Get workflow run", readOnlyHint = true, destructiveHint = false))
    public ToolResponse getWorkflowRun(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Workflow run id") Long run_id) {
        return Results.json(github.get(IssueTools.repo(owner, repo) + "/actions/runs/" + Results.required("run_id", run_id), Map.of()));
    }

    @Tool(name = "get_job_logs", description = "Get the logs of one job (job_id), or of every failed job of a run "
            + "(run_id with failed_only=true). Returns the last tail_lines lines of each log.",
            annotations = @Tool.Annotations(title = "Get job logs", readOnlyHint = true, destructiveHint = false))
    public ToolResponse getJobLogs(
            @ToolArg(description = "Repository owner") String owner,
            @ToolArg(description = "Repository name") String repo,
            @ToolArg(description = "Job id", required = false) Long job_id,
            @ToolArg(description = "Workflow run id (with failed_only)", required = false) Long run_id,
            @ToolArg(description = "With run_id: only the failed jobs", required = false) Boolean failed_only,
            @ToolArg(description = "Return the log text (default true)", required = false) Boolean return_content,
            @ToolArg(description = "Lines from the end of each log (default 500)", required = false) Integer tail_lines) {
        String base = IssueTools.repo(owner, repo) + "/actions";
        int tail = tail_lines == null ? DEFAULT_TAIL_LINES : tail_lines;
        if (tail < 1) {
            throw new IllegalArgumentException("tail_lines must be 1 or more");
        }
        if (job_id != null) {
            return Results.text(jobLog(base, job_id, tail));
        }
        if (run_id == null || !Boolean.TRUE.equals(failed_only)) {
            throw new IllegalArgumentException("give job_id, or run_id with failed_only=true");
        }
        JsonNode jobs = github.get(base + "/runs/" + run_id + "/jobs", Map.of("filter", "latest", "per_page", 100));
        StringBuilder out = new StringBuilder();
        int failed = 0;
        for (JsonNode job : jobs.path("jobs")) {
            if (!"failure".equals(job.path("conclusion").asText())) {
                continue;
            }
            failed++;
            out.append("=== job ").append(job.path("id").asLong()).append(" (").append(job.path("name").asText()).append(") ===\n");
            if (!Boolean.FALSE.equals(return_content)) {
                out.append(jobLog(base, job.path("id").asLong(), tail)).append('\n');
            }
        }
        if (failed == 0) {
            return Results.text("No failed jobs in run " + run_id + ".");
        }
        return Results.text(out.toString());
    }

    private String jobLog(String base, long jobId, int tail) {
        return tail(github.getRedirected(base + "/jobs/" + jobId + "/logs"), tail);
    }

    static String tail(String log, int lines) {
        String[] all = log.split("\n", -1);
        if (all.length <= lines) {
            return log;
        }
        return String.join("\n", java.util.Arrays.copyOfRange(all, all.length - lines, all.length));
    }
}
