package io.ambientcode.systemtests.kubernetes.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.systemtests.kubernetes.harness.McpClient;
import io.ambientcode.systemtests.kubernetes.harness.MockCluster;
import io.ambientcode.systemtests.kubernetes.harness.Runner;
import io.ambientcode.systemtests.support.RunSecrets;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * kubeconfig: a second fabric8 mock API server is the cluster the credential points at. It is seeded with a namespace
 * and a pod, then serves only the bearer tokens of the current kubeconfigs (401 otherwise, like an API server).
 */
public final class KubeconfigScenario implements ProviderScenario {

    private final MockCluster target = MockCluster.start();
    private final String namespace = "systest-" + Fakes.random(6).toLowerCase();
    private final String pod = "worker-" + Fakes.random(6).toLowerCase();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();

    public KubeconfigScenario() {
        target.withNamespaces(Map.of(namespace, Map.of()));
        target.client().pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(pod).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("registry.example/worker:1.0").endContainer().endSpec()
                .build()).create();
        target.requireAuthorization(accepted);
    }

    @Override
    public Provider provider() {
        return Provider.KUBECONFIG;
    }

    @Override
    public Map<String, Object> newCredential(String owner) {
        return Map.of("name", "kubeconfig-" + owner, "provider", "kubeconfig", "token", kubeconfig(owner, newToken(owner)),
                "description", "system tests");
    }

    @Override
    public Map<String, Object> rotate(String owner) {
        accepted.remove("Bearer " + tokens.get(owner));
        return Map.of("token", kubeconfig(owner, newToken(owner)));
    }

    private String newToken(String owner) {
        String token = "eyJhbGciOiJSUzI1NiJ9.systest-" + Fakes.random(48);
        RunSecrets.register("kubernetes bearer token of " + owner, token);
        tokens.put(owner, token);
        accepted.add("Bearer " + token);
        return token;
    }

    private String kubeconfig(String owner, String token) {
        String doc = String.join("\n", List.of(
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: systest",
                "  cluster:",
                "    server: " + target.url(),
                "users:",
                "- name: " + owner,
                "  user:",
                "    token: " + token,
                "contexts:",
                "- name: systest",
                "  context:",
                "    cluster: systest",
                "    user: " + owner,
                "    namespace: " + namespace,
                "current-context: systest",
                ""));
        RunSecrets.register("kubeconfig of " + owner, doc);
        return doc;
    }

    @Override
    public String exercise(McpClient mcp, Runner runner) {
        assertThat(mcp.toolNames()).contains("namespaces_list", "pods_list_in_namespace", "resources_get", "refresh_credentials");
        String me = whoAmI(mcp);
        JsonNode pods = mcp.call("pods_list_in_namespace", Map.of("namespace", namespace));
        assertThat(McpClient.isError(pods)).as("pods_list_in_namespace: %s", McpClient.text(pods)).isFalse();
        assertThat(McpClient.text(pods)).contains(pod);
        return "namespaces_list as " + me + ", pods_list_in_namespace " + namespace;
    }

    @Override
    public JsonNode identityCall(McpClient mcp) {
        return mcp.call("namespaces_list", Map.of());
    }

    /** The target cluster serves only current tokens; the answer is the owner whose token it accepted last. */
    @Override
    public String whoAmI(McpClient mcp) {
        JsonNode result = identityCall(mcp);
        assertThat(McpClient.isError(result)).as("namespaces_list: %s", McpClient.text(result)).isFalse();
        assertThat(McpClient.text(result)).contains(namespace);
        String last = lastCredentialSeenUpstream();
        return tokens.entrySet().stream().filter(e -> last.equals("Bearer " + e.getValue())).map(Map.Entry::getKey)
                .findFirst().orElse("(unknown token)");
    }

    @Override
    public String lastCredentialSeenUpstream() {
        List<String> all = target.authorizations();
        return all.isEmpty() ? "" : all.get(all.size() - 1);
    }

    @Override
    public String expectedUpstreamCredential(String owner) {
        return "Bearer " + tokens.get(owner);
    }

    @Override
    public void close() {
        target.close();
    }
}
