package io.ambientcode.controlplane.plan;

import java.util.List;

/** What a session asks of one provider's sidecar: read-only mode and tool allow/deny lists (all optional). */
public record SidecarSettings(Boolean readOnly, List<String> tools, List<String> excludeTools) {

    public static final SidecarSettings NONE = new SidecarSettings(null, List.of(), List.of());

    public SidecarSettings {
        tools = tools == null ? List.of() : List.copyOf(tools);
        excludeTools = excludeTools == null ? List.of() : List.copyOf(excludeTools);
    }
}
