package io.ambientcode.sidecar.k8s.tools;

/**
 * The k8s-specific part of which tools are exposed, on top of the runtime's {@code ToolPolicy} (read-only mode,
 * disable-destructive, allow- and deny-lists): {@code pods_exec} only when {@code ambient.k8s.allow-exec=true}. Pure.
 */
public record K8sToolGate(boolean allowExec) {

    public static final String EXEC = "pods_exec";

    public boolean exposes(String toolName) {
        return allowExec || !EXEC.equals(toolName);
    }
}
