package io.ambientcode.sidecar.tools;

import java.util.Set;

/**
 * Which tools a sidecar exposes (ARCHITECTURE.md section 7), in this order: read-only mode hides every tool not
 * marked read-only (a tool without annotations counts as a write: fail closed), then the allow-list
 * ({@code MCP_TOOLS}, empty = all), then the deny-list ({@code MCP_EXCLUDE_TOOLS}). Read-only mode wins even over a
 * tool named in the allow-list. Pure.
 */
public record ToolPolicy(boolean readOnly, Set<String> allowed, Set<String> excluded) {

    public boolean exposes(String toolName, boolean readOnlyHint) {
        if (readOnly && !readOnlyHint) {
            return false;
        }
        if (!allowed.isEmpty() && !allowed.contains(toolName)) {
            return false;
        }
        return !excluded.contains(toolName);
    }
}
