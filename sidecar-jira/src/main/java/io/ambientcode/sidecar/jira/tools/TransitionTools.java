package io.ambientcode.sidecar.jira.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.sidecar.jira.client.JiraClient;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** Toolset {@code jira_transitions} (mcp-atlassian names and parameters). */
@Singleton
@SidecarTools
public class TransitionTools {

    @Inject
    JiraOps ops;

    @Inject
    JiraClient jira;

    @Tool(name = "jira_get_transitions", description = "Get the status transitions available for a Jira issue.",
            annotations = @Tool.Annotations(title = "Get Transitions", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse getTransitions(@ToolArg(description = "Jira issue key (e.g., 'PROJ-123')") String issue_key) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode t : ops.transitions(ops.issueKey(issue_key)).path("transitions")) {
            out.addObject().put("id", t.path("id").asText()).put("name", t.path("name").asText())
                    .put("to_status", t.path("to").path("name").asText());
        }
        return Results.json(out);
    }

    @Tool(name = "jira_transition_issue", description = "Transition a Jira issue to a new status (use "
            + "jira_get_transitions first to see the available transitions).",
            annotations = @Tool.Annotations(title = "Transition Issue", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = false, openWorldHint = true))
    public ToolResponse transitionIssue(
            @ToolArg(description = "Jira issue key (e.g., 'PROJ-123')") String issue_key,
            @ToolArg(description = "Id or name of the transition, e.g. '31' or 'In Progress'") String transition_id,
            @ToolArg(description = "JSON object of fields to set during the transition, e.g. "
                    + "{\"resolution\": {\"name\": \"Fixed\"}}", required = false) String fields,
            @ToolArg(description = "Comment to add during the transition (Markdown-style)", required = false)
            String comment) {
        String key = ops.issueKey(issue_key);
        String id = ops.resolveTransition(key, transition_id);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("transition").put("id", id);
        Map<String, Object> values = Args.jsonObject("fields", fields);
        if (!values.isEmpty()) {
            body.set("fields", IssueFields.normalize(values, jira.site(), who -> {
                throw new IllegalArgumentException("set users with jira_update_issue, not during a transition");
            }));
        }
        if (comment != null && !comment.isBlank()) {
            ObjectNode add = body.putObject("update").putArray("comment").addObject().putObject("add");
            add.set("body", IssueFields.richText(comment, jira.site()));
        }
        jira.send("POST", ops.issuePath(key) + "/transitions", Map.of(), body);
        JsonNode issue = jira.get(ops.issuePath(key), Map.of("fields", "summary,status"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("message", "Issue " + key + " transitioned successfully");
        result.put("issue", issue);
        return Results.json(result);
    }
}
