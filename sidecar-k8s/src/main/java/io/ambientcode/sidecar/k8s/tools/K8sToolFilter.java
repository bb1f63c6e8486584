package io.ambientcode.sidecar.k8s.tools;

import io.ambientcode.sidecar.k8s.K8sConfig;
import io.quarkiverse.mcp.server.FilterContext;
import io.quarkiverse.mcp.server.ToolFilter;
import io.quarkiverse.mcp.server.ToolManager.ToolInfo;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Applies {@link K8sToolGate} to {@code tools/list} and {@code tools/call} (filters are AND-combined with the
 * runtime's, and the MCP server runs them for calls too, so a hidden tool cannot be called by name).
 */
@Singleton
public class K8sToolFilter implements ToolFilter {

    private final K8sToolGate gate;

    @Inject
    public K8sToolFilter(K8sConfig config) {
        this.gate = new K8sToolGate(config.allowExec());
    }

    @Override
    public boolean test(ToolInfo tool, FilterContext context) {
        return gate.exposes(tool.name());
    }
}
