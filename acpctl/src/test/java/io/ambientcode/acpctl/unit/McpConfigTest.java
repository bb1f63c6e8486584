package io.ambientcode.acpctl.unit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.acpctl.session.McpConfig;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.contracts.session.SidecarStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpConfigTest {

    static AgenticSession withSidecars(SidecarStatus... sidecars) {
        AgenticSession s = new AgenticSession();
        AgenticSessionStatus st = new AgenticSessionStatus();
        st.setPodName("pod-1");
        st.setSidecars(List.of(sidecars));
        s.setStatus(st);
        return s;
    }

    @Test
    void clusterUrlsAreLocalhostPortsNamedByMcpServerName() {
        AgenticSession s = withSidecars(new SidecarStatus("google", "credential-google", null, true, null),
                new SidecarStatus("kubeconfig", "credential-k8s", 8093, true, null));
        McpConfig.Servers found = McpConfig.servers(s, false);
        assertThat(found.servers()).extracting(McpConfig.Server::name, McpConfig.Server::url).containsExactly(
                org.assertj.core.groups.Tuple.tuple("google-workspace", "http://localhost:" + Provider.GOOGLE.port() + "/mcp"),
                org.assertj.core.groups.Tuple.tuple("kubernetes", "http://localhost:8093/mcp"));
        assertThat(McpConfig.portForwardHint(s, found.servers(), "ns", null))
                .isEqualTo("kubectl -n ns port-forward pod/pod-1 8094:8094 8093:8093");
    }

    @Test
    void localUrlsUseTheReportedLoopbackPortAndSkipWhatCannotBeReached() {
        AgenticSession s = withSidecars(new SidecarStatus("github", "credential-github", 41000, true, null),
                new SidecarStatus("jira", "credential-jira", null, false, "starting"),
                new SidecarStatus("gitlab", null, 9999, false, null),
                new SidecarStatus("github", "credential-github", 70000, true, null));
        McpConfig.Servers found = McpConfig.servers(s, true);
        assertThat(found.servers()).extracting(McpConfig.Server::url).containsExactly("http://127.0.0.1:41000/mcp");
        assertThat(found.skipped()).containsExactly("jira: no port reported yet", "gitlab: not a provider with a sidecar",
                "github: no port reported yet");
    }

    @Test
    void shapesForCommonClients() {
        List<McpConfig.Server> servers = List.of(new McpConfig.Server("github", "github", 8091, "http://localhost:8091/mcp", true, null));
        assertThat(McpConfig.render(McpConfig.Client.claude, servers))
                .isEqualTo(Map.of("mcpServers", Map.of("github", Map.of("type", "http", "url", "http://localhost:8091/mcp"))));
        assertThat(McpConfig.render(McpConfig.Client.vscode, servers))
                .isEqualTo(Map.of("servers", Map.of("github", Map.of("type", "http", "url", "http://localhost:8091/mcp"))));
        assertThat(McpConfig.render(McpConfig.Client.generic, servers)).isEqualTo(Map.of("github", "http://localhost:8091/mcp"));
        assertThat(McpConfig.servers(new AgenticSession(), false).servers()).isEmpty();
    }
}
