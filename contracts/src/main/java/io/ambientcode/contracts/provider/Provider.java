package io.ambientcode.contracts.provider;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider registry (ARCHITECTURE.md section 3): the only place that says which providers have a credential
 * sidecar, what their container is called, which localhost port it serves on, the MCP server name runners use
 * for it, and what shape its stored credential has. Every other module asks this enum.
 */
public enum Provider {

    GITHUB("github", "credential-github", 8091, "github", CredentialShape.GITHUB),
    JIRA("jira", "credential-jira", 8092, "jira", CredentialShape.JIRA),
    KUBECONFIG("kubeconfig", "credential-k8s", 8093, "kubernetes", CredentialShape.KUBECONFIG),
    GOOGLE("google", "credential-google", 8094, "google-workspace", CredentialShape.GOOGLE);

    /**
     * Providers the credential API stores although no sidecar serves them yet. A session bound to one reports it in
     * {@code status.unsupportedProviders}; it is never dropped silently and never handed to the runner.
     */
    public static final Map<String, CredentialShape> STORED_WITHOUT_SIDECAR = Map.of("gitlab", CredentialShape.TOKEN);

    private final String id;
    private final String containerName;
    private final int port;
    private final String mcpServerName;
    private final CredentialShape shape;

    Provider(String id, String containerName, int port, String mcpServerName, CredentialShape shape) {
        this.id = id;
        this.containerName = containerName;
        this.port = port;
        this.mcpServerName = mcpServerName;
        this.shape = shape;
    }

    /** The provider id used on the wire: in credentials, in the exchange assertion, in env and status. */
    public String id() {
        return id;
    }

    /** Name of the sidecar container in a session pod. */
    public String containerName() {
        return containerName;
    }

    /** The localhost port the sidecar serves MCP (and, for github, the git proxy) on. */
    public int port() {
        return port;
    }

    /**
     * The port of the sidecar's management interface ({@code /q/health/*}, {@code /q/metrics}), bound to all
     * interfaces so the kubelet's probes reach it. The MCP and git endpoints on {@link #port()} bind to loopback only:
     * another pod that knows the pod IP must not be able to use this session's credential.
     */
    public int managementPort() {
        return port + MANAGEMENT_PORT_OFFSET;
    }

    /** Management ports sit this far above the MCP ports (8091 → 9091). */
    public static final int MANAGEMENT_PORT_OFFSET = 1000;

    /** The MCP server name runners register the sidecar under. */
    public String mcpServerName() {
        return mcpServerName;
    }

    /** What the credential's {@code token} (and {@code url}/{@code email}) must look like. */
    public CredentialShape shape() {
        return shape;
    }

    /** The streamable-HTTP MCP URL a runner in the same pod uses. */
    public String localMcpUrl() {
        return "http://localhost:" + port + "/mcp";
    }

    /** Looks a provider up by its wire id; empty for unknown or unsupported providers (e.g. {@code gitlab}). */
    public static Optional<Provider> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Provider p : values()) {
            if (p.id.equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** True when a sidecar exists for this provider id. */
    public static boolean isSupported(String id) {
        return byId(id).isPresent();
    }

    /** The shape of a credential the credential API may store under this provider id; empty = unknown provider. */
    public static Optional<CredentialShape> storableShape(String id) {
        return byId(id).map(Provider::shape).or(() -> Optional.ofNullable(id == null ? null : STORED_WITHOUT_SIDECAR.get(id)));
    }

    /** All provider ids, in registry order (which is also the deterministic order of sidecars in a pod). */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Provider::id).toList();
    }
}
