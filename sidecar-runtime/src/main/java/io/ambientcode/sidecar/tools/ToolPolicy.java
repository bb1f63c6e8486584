package io.ambientcode.sidecar.tools;

import java.util.Set;

/**
 * Which tools a sidecar exposes (ARCHITECTURE.md section 7), in this order: read-only mode ({@code MCP_READ_ONLY})
 * hides every tool not marked read-only, and {@code MCP_DISABLE_DESTRUCTIVE} every tool marked destructive (a tool
 * without annotations counts as a destructive write: fail closed); then the allow-list ({@code MCP_TOOLS}, empty =
 * all), then the deny-list ({@code MCP_EXCLUDE_TOOLS}). Both modes win even over a tool named in the allow-list. Pure.
 */
public record ToolPolicy(boolean readOnly, boolean disableDestructive, Set<String> allowed, Set<String> excluded) {

    /**
     * @param readOnlyHint    the tool's annotation; false when it has none
     * @param destructiveHint the tool's annotation; true when it has none (MCP's default for a tool that is not
     *                        read-only). A read-only tool is never destructive, whatever it says.
     */
    public boolean exposes(String toolName, boolean readOnlyHint, boolean destructiveHint) {
        if (readOnly && !readOnlyHint) {
            return false;
        }
        if (disableDestructive && !readOnlyHint && destructiveHint) {
            return false;
        }
        if (!allowed.isEmpty() && !allowed.contains(toolName)) {
            return false;
        }
        return !excluded.contains(toolName);
    }
}
