package io.ambientcode.sidecar.jira.tools;

import io.ambientcode.sidecar.jira.client.JiraClient;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** Toolsets {@code jira_comments} and {@code jira_worklog} (mcp-atlassian names and parameters). */
@Singleton
@SidecarTools
public class CommentWorklogTools {

    @Inject
    JiraOps ops;

    @Inject
    JiraClient jira;

    @Tool(name = "jira_add_comment", description = "Add a comment to a Jira issue.",
            annotations = @Tool.Annotations(title = "Add Comment", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = true))
    public ToolResponse addComment(
            @ToolArg(description = "Jira issue key (e.g., 'PROJ-123')") String issue_key,
            @ToolArg(description = "Comment text (Markdown-style)") String body,
            @ToolArg(description = "Comment visibility as JSON, e.g. {\"type\":\"group\",\"value\":\"jira-users\"}",
                    required = false) String visibility) {
        return Results.json(ops.addComment(ops.issueKey(issue_key), body, visibility));
    }

    @Tool(name = "jira_add_worklog", description = "Add a worklog entry to a Jira issue, optionally setting the "
            + "original and remaining estimates.",
            annotations = @Tool.Annotations(title = "Add Worklog", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = false, openWorldHint = true))
    public ToolResponse addWorklog(
            @ToolArg(description = "Jira issue key (e.g., 'PROJ-123')") String issue_key,
            @ToolArg(description = "Time spent in Jira format, e.g. '1h 30m', '1d', '30m'") String time_spent,
            @ToolArg(description = "Comment for the worklog (Markdown-style)", required = false) String comment,
            @ToolArg(description = "Start time, e.g. '2026-08-01T12:00:00.000+0000' (default: now)", required = false)
            String started,
            @ToolArg(description = "New value for the original estimate, e.g. '2d'", required = false)
            String original_estimate,
            @ToolArg(description = "New value for the remaining estimate, e.g. '1d 4h'", required = false)
            String remaining_estimate) {
        String key = ops.issueKey(issue_key);
        if (original_estimate != null && !original_estimate.isBlank()) {
            jira.send("PUT", ops.issuePath(key), Map.of(), Map.of("fields",
                    Map.of("timetracking", Map.of("originalEstimate", original_estimate.strip()))));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("message", "Worklog added successfully");
        result.put("worklog", ops.addWorklog(key, time_spent, comment, started, remaining_estimate));
        return Results.json(result);
    }
}
