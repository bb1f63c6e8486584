package io.ambientcode.controlplane.plan;

import java.util.List;

/**
 * What a session asks of one provider's sidecar: read-only mode, hiding destructive tools, and tool allow/deny lists
 * (all optional).
 */
public record SidecarSettings(Boolean readOnly, Boolean disableDestructive, List<String> tools, List<String> excludeTools) {

    public static final SidecarSettings NONE = new SidecarSettings(null, null, List.of(), List.of());

    /** Read-only mode and lists only (no opinion on destructive tools). */
    public SidecarSettings(Boolean readOnly, List<String> tools, List<String> excludeTools) {
        this(readOnly, null, tools, excludeTools);
    }

    public SidecarSettings {
        tools = tools == null ? List.of() : List.copyOf(tools);
        excludeTools = excludeTools == null ? List.of() : List.copyOf(excludeTools);
    }
}
