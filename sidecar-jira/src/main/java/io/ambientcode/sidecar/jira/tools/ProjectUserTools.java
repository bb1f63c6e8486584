package io.ambientcode.sidecar.jira.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ambientcode.sidecar.jira.client.JiraClient;
import io.ambientcode.sidecar.jira.client.JiraUsers;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Toolsets {@code jira_projects} ({@code jira_get_all_projects}) and {@code jira_users} (mcp-atlassian names). */
@Singleton
@SidecarTools
public class ProjectUserTools {

    @Inject
    JiraClient jira;

    @Inject
    JiraUsers users;

    @Tool(name = "jira_get_all_projects", description = "Get all Jira projects the credential can see.",
            annotations = @Tool.Annotations(title = "Get All Projects", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse getAllProjects(
            @ToolArg(description = "Whether to include archived projects", defaultValue = "false") boolean include_archived) {
        Map<String, Object> q = new LinkedHashMap<>();
        if (include_archived) {
            q.put("includeArchived", true);
        }
        JsonNode projects = jira.get("/project", q);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode p : projects) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = p.deepCopy();
            copy.put("key", p.path("key").asText().toUpperCase(Locale.ROOT));
            out.add(copy);
        }
        return Results.json(out);
    }

    @Tool(name = "jira_get_user_profile", description = "Get the profile of a Jira user by email, username, "
            + "account id or display name ('me' for the credential's own user).",
            annotations = @Tool.Annotations(title = "Get User Profile", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse getUserProfile(
            @ToolArg(description = "User identifier: email, username, account id ('accountid:...'), display name, "
                    + "or 'me'") String user_identifier) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", true);
        result.put("user", users.profile(Args.required("user_identifier", user_identifier)));
        return Results.json(result);
    }
}
