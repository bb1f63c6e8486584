package io.ambientcode.sidecar.k8s;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the kubernetes sidecar beyond the shared runtime's ({@code MCP_READ_ONLY}, {@code MCP_DISABLE_DESTRUCTIVE}
 * (kubernetes-mcp-server's {@code --disable-destructive}), {@code MCP_TOOLS}, {@code MCP_EXCLUDE_TOOLS} come from the
 * runtime). Every value is checked at start-up; an invalid one stops the sidecar (I6). The session-level switches are
 * also read under their contract names ({@code SidecarEnv.K8S_*}, see application.properties).
 */
@ConfigMapping(prefix = "ambient.k8s")
public interface K8sConfig {

    /**
     * Expose {@code pods_exec} (runs commands inside the target cluster's containers). Off by default: it is the
     * tool most able to do harm, and it needs {@code pods/exec} RBAC the agent rarely needs. Also read from
     * {@code K8S_ALLOW_EXEC}.
     */
    @WithDefault("false")
    boolean allowExec();

    /**
     * Show the values of Secret {@code data}/{@code stringData}. Off by default: values are replaced by
     * {@code ***} and only the keys are shown. Also read from {@code K8S_ALLOW_SECRET_VALUES}.
     */
    @WithDefault("false")
    boolean allowSecretValues();

    /**
     * Resources no tool may touch, as {@code group/version/kind} ({@code /v1/Secret} or {@code v1/Secret} for the
     * core group, {@code rbac.authorization.k8s.io/v1/ClusterRole}); {@code *} as version matches every version, an
     * entry without a kind ({@code rbac.authorization.k8s.io/v1}) denies the whole group version.
     */
    Optional<List<String>> deniedResources();

    /**
     * {@code resources_create_or_update} uses server-side apply (as kubernetes-mcp-server does). When false, it
     * creates the object or replaces the existing one (for API servers without server-side apply).
     */
    @WithDefault("true")
    boolean serverSideApply();

    /** Field manager name of server-side apply. */
    @WithDefault("ambient-credential-k8s")
    String fieldManager();

    /** How list tools print: {@code table} (compact, the peer's default) or {@code yaml}. */
    @WithDefault("table")
    ListOutput listOutput();

    /** Longest time {@code pods_exec} waits for the command to finish. */
    @WithDefault("30s")
    Duration execTimeout();

    /**
     * How long a replaced client stays open after a credential refresh, so calls that started with it can finish;
     * then it is closed.
     */
    @WithDefault("30s")
    Duration retiredClientGrace();

    enum ListOutput {
        table, yaml
    }
}
