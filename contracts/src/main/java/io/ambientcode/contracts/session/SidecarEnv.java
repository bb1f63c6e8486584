package io.ambientcode.contracts.session;

/**
 * The environment contract between the control plane (which writes it into each sidecar container) and the
 * sidecar runtime (which validates it at start-up and refuses to run when it is wrong). ARCHITECTURE.md sections 6, 7.
 */
public final class SidecarEnv {

    public static final String SESSION_ID = "SESSION_ID";
    /** The sidecar's provider id ({@code github}, …). */
    public static final String CREDENTIAL_PROVIDER = "CREDENTIAL_PROVIDER";
    /** JSON object {provider: credential id}; a sidecar only ever receives its own provider's entry. */
    public static final String CREDENTIAL_IDS = "CREDENTIAL_IDS";
    /** Base URL of the credential API (the sidecar appends {@code /api/ambient/v1/...}). */
    public static final String AMBIENT_API_URL = "AMBIENT_API_URL";
    /** Full URL of the token server's exchange endpoint, including {@code /token}. */
    public static final String AMBIENT_CP_TOKEN_URL = "AMBIENT_CP_TOKEN_URL";
    /** The token server's exchange public key, SPKI PEM text. */
    public static final String AMBIENT_CP_TOKEN_PUBLIC_KEY = "AMBIENT_CP_TOKEN_PUBLIC_KEY";
    /** Path of the file holding this sidecar's proof secret. */
    public static final String AMBIENT_SIDECAR_PROOF_FILE = "AMBIENT_SIDECAR_PROOF_FILE";
    /** {@code true} lets the two URLs above point outside loopback and the cluster (https only). */
    public static final String AMBIENT_ALLOW_EXTERNAL_API = "AMBIENT_ALLOW_EXTERNAL_API";
    public static final String MCP_READ_ONLY = "MCP_READ_ONLY";
    /** Comma-separated allow-list of tool names. */
    public static final String MCP_TOOLS = "MCP_TOOLS";
    /** Comma-separated deny-list of tool names. */
    public static final String MCP_EXCLUDE_TOOLS = "MCP_EXCLUDE_TOOLS";
    /**
     * {@code true} hides every tool annotated destructive (kubernetes-mcp-server's {@code --disable-destructive}), in
     * every sidecar; read-only and additive tools stay.
     */
    public static final String MCP_DISABLE_DESTRUCTIVE = "MCP_DISABLE_DESTRUCTIVE";

    /** kubeconfig sidecar: {@code true} shows Secret {@code data}/{@code stringData} values (masked by default). */
    public static final String K8S_ALLOW_SECRET_VALUES = "K8S_ALLOW_SECRET_VALUES";
    /** kubeconfig sidecar: {@code true} exposes {@code pods_exec} (off by default). */
    public static final String K8S_ALLOW_EXEC = "K8S_ALLOW_EXEC";
    /**
     * kubeconfig sidecar: comma-separated {@code group/version/kind} entries no tool may touch (e.g.
     * {@code v1/Secret,rbac.authorization.k8s.io/v1}); an invalid entry stops the sidecar at start-up.
     */
    public static final String K8S_DENIED_RESOURCES = "K8S_DENIED_RESOURCES";

    /** Readiness (first credential held) and liveness, on the sidecar's management port. */
    public static final String READINESS_PATH = "/q/health/ready";
    public static final String LIVENESS_PATH = "/q/health/live";

    /** Where a sidecar's proof volume is mounted; the file inside is named after the provider. */
    public static final String PROOF_MOUNT_PATH = "/var/run/ambient/proof";

    private SidecarEnv() {
    }

    public static String proofFile(String provider) {
        return PROOF_MOUNT_PATH + "/" + provider;
    }
}
