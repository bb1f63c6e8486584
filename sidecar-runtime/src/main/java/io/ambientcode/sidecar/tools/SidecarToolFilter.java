package io.ambientcode.sidecar.tools;

import io.ambientcode.sidecar.bootstrap.SidecarContext;
import io.ambientcode.sidecar.bootstrap.SidecarEnvironment;
import io.quarkiverse.mcp.server.FilterContext;
import io.quarkiverse.mcp.server.ToolFilter;
import io.quarkiverse.mcp.server.ToolManager.ToolAnnotations;
import io.quarkiverse.mcp.server.ToolManager.ToolInfo;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Applies {@link ToolPolicy} to {@code tools/list} and to {@code tools/call} (the MCP server runs filters for both,
 * so a hidden tool cannot be called by name either).
 */
@Singleton
public class SidecarToolFilter implements ToolFilter {

    @Inject
    SidecarContext context;

    private volatile ToolPolicy policy;

    @Override
    public boolean test(ToolInfo tool, FilterContext filterContext) {
        boolean readOnlyHint = tool.annotations().map(ToolAnnotations::readOnlyHint).orElse(false);
        boolean destructiveHint = tool.annotations().map(ToolAnnotations::destructiveHint).orElse(true);
        return policy().exposes(tool.name(), readOnlyHint, destructiveHint);
    }

    private ToolPolicy policy() {
        ToolPolicy p = policy;
        if (p == null) {
            SidecarEnvironment env = context.environment();
            p = new ToolPolicy(env.readOnly(), env.disableDestructive(), env.allowedTools(), env.excludedTools());
            policy = p;
        }
        return p;
    }
}
