package io.ambientcode.sidecar.k8s.tools;

/**
 * The k8s-specific part of which tools are exposed, on top of the runtime's {@code ToolPolicy} (read-only mode,
 * allow- and deny-lists): {@code pods_exec} only when {@code ambient.k8s.allow-exec=true}, and with
 * {@code ambient.k8s.disable-destructive=true} (kubernetes-mcp-server's {@code --disable-destructive}) no tool whose
 * {@code destructiveHint} is true. A tool without annotations counts as destructive (fail closed). Pure.
 */
public record K8sToolGate(boolean allowExec, boolean disableDestructive) {

    public static final String EXEC = "pods_exec";

    /**
     * @param destructiveHint the tool's annotation; {@code null} when the tool has no annotations
     */
    public boolean exposes(String toolName, Boolean destructiveHint) {
        if (EXEC.equals(toolName) && !allowExec) {
            return false;
        }
        return !(disableDestructive && (destructiveHint == null || destructiveHint));
    }
}
