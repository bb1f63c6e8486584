package io.ambientcode.acpctl.session;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.SidecarStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MCP client configuration for a session's credential sidecars, the user-side equivalent of the runner's
 * {@code CREDENTIAL_MCP_URLS}: one streamable-HTTP server per sidecar in {@code status.sidecars}, named by the
 * provider's MCP server name. In a cluster the URL is {@code http://localhost:<port>/mcp} (reached through
 * {@code kubectl port-forward}); locally it is the loopback port the local runtime reports.
 */
public final class McpConfig {

    /** Local sidecars bind 127.0.0.1 only; "localhost" may resolve to ::1 first in some clients. */
    static final String LOCAL_HOST = "127.0.0.1";
    /** kubectl port-forward listens on localhost (both address families). */
    static final String FORWARD_HOST = "localhost";

    /** MCP client shapes: Claude Desktop / Claude Code / Cursor ({@code mcpServers}), VS Code ({@code servers}), plain. */
    public enum Client {
        claude,
        vscode,
        generic
    }

    /** One sidecar as an MCP server. */
    public record Server(String name, String provider, int port, String url, boolean ready, String message) {
    }

    /** What the servers are, plus the sidecars that could not be listed and why (for warnings). */
    public record Servers(List<Server> servers, List<String> skipped) {
    }

    private McpConfig() {
    }

    public static Servers servers(AgenticSession session, boolean local) {
        List<Server> servers = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<SidecarStatus> sidecars = session.getStatus() == null ? null : session.getStatus().getSidecars();
        if (sidecars == null) {
            return new Servers(servers, skipped);
        }
        for (SidecarStatus s : sidecars) {
            Provider provider = Provider.byId(s.getProvider()).orElse(null);
            if (provider == null) {
                skipped.add(s.getProvider() + ": not a provider with a sidecar");
                continue;
            }
            Integer port = s.getPort();
            if (port == null && !local) {
                port = provider.port();
            }
            if (port == null || port < 1 || port > 65535) {
                skipped.add(s.getProvider() + ": no port reported yet");
                continue;
            }
            String url = "http://" + (local ? LOCAL_HOST : FORWARD_HOST) + ":" + port + "/mcp";
            servers.add(new Server(provider.mcpServerName(), provider.id(), port, url, Boolean.TRUE.equals(s.getReady()),
                    s.getMessage()));
        }
        return new Servers(servers, skipped);
    }

    /** The configuration document for a client. */
    public static Map<String, Object> render(Client client, List<Server> servers) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Server s : servers) {
            if (client == Client.generic) {
                byName.put(s.name(), s.url());
            } else {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("type", "http");
                entry.put("url", s.url());
                byName.put(s.name(), entry);
            }
        }
        return switch (client) {
            case claude -> Map.of("mcpServers", byName);
            case vscode -> Map.of("servers", byName);
            case generic -> byName;
        };
    }

    /** The port-forward that makes the cluster URLs reachable from this machine. */
    public static String portForwardHint(AgenticSession session, List<Server> servers, String namespace, String kubeContext) {
        String pod = session.getStatus() == null ? null : session.getStatus().getPodName();
        StringBuilder sb = new StringBuilder("kubectl");
        if (kubeContext != null) {
            sb.append(" --context ").append(kubeContext);
        }
        sb.append(" -n ").append(namespace).append(" port-forward pod/").append(pod == null ? "<pod>" : pod);
        servers.forEach(s -> sb.append(' ').append(s.port()).append(':').append(s.port()));
        return sb.toString();
    }
}
