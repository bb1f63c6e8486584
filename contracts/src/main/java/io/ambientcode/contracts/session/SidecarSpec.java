package io.ambientcode.contracts.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-provider sidecar settings: read-only mode, hiding destructive tools, and tool allow/deny lists (MCP_READ_ONLY,
 * MCP_DISABLE_DESTRUCTIVE, MCP_TOOLS, MCP_EXCLUDE_TOOLS).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SidecarSpec {

    private Boolean readOnly;
    private Boolean disableDestructive;
    private List<String> tools;
    private List<String> excludeTools;

    public Boolean getReadOnly() {
        return readOnly;
    }

    public void setReadOnly(Boolean readOnly) {
        this.readOnly = readOnly;
    }

    public Boolean getDisableDestructive() {
        return disableDestructive;
    }

    public void setDisableDestructive(Boolean disableDestructive) {
        this.disableDestructive = disableDestructive;
    }

    public List<String> getTools() {
        return tools;
    }

    public void setTools(List<String> tools) {
        this.tools = tools == null ? null : new ArrayList<>(tools);
    }

    public List<String> getExcludeTools() {
        return excludeTools;
    }

    public void setExcludeTools(List<String> excludeTools) {
        this.excludeTools = excludeTools == null ? null : new ArrayList<>(excludeTools);
    }
}
