package io.ambientcode.sidecar.github.tools;

import io.ambientcode.sidecar.github.client.GitHubClient;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;

/** Toolset "context": who the credential belongs to. */
@Singleton
@SidecarTools
public class ContextTools {

    @Inject
    GitHubClient github;

    @Tool(name = "get_me", description = "Get details of the authenticated GitHub user.",
            annotations = @Tool.Annotations(title = "Get my user profile", readOnlyHint = true, destructiveHint = false))
    public ToolResponse getMe() {
        return Results.json(github.get("/user", Map.of()));
    }
}
