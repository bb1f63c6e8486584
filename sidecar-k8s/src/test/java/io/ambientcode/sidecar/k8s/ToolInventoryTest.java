package io.ambientcode.sidecar.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.testing.SpecDocs;
import io.ambientcode.sidecar.k8s.support.K8sWorld;
import io.ambientcode.sidecar.k8s.tools.ClusterTools;
import io.ambientcode.sidecar.k8s.tools.PodTools;
import io.ambientcode.sidecar.k8s.tools.ResourceTools;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import io.ambientcode.sidecar.testing.ToolInventory;
import io.ambientcode.sidecar.tools.RefreshCredentialsTool;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 4 (annotations part; read-only and destructive filtering run against the packaged sidecar in
 * {@code ToolFilteringIT}): the tools list carries kubernetes-mcp-server's names, parameters and hints, and nothing
 * that returns the kubeconfig ({@code configuration_view} and friends do not exist).
 */
@QuarkusTest
@QuarkusTestResource(value = K8sWorld.class, restrictToAnnotatedClass = false)
class ToolInventoryTest extends SidecarQuarkusTestBase {

    static final Set<String> READ_ONLY = Set.of("namespaces_list", "events_list", "pods_list", "pods_list_in_namespace",
            "pods_get", "pods_log", "resources_list", "resources_get", "refresh_credentials");
    /** Every write of this sidecar is destructive in kubernetes-mcp-server's annotations. */
    static final Set<String> DESTRUCTIVE = Set.of("pods_delete", "pods_exec", "resources_create_or_update",
            "resources_delete");

    /** Parameter names and which are required, as the peer declares them. */
    static final Map<String, List<Set<String>>> PARAMETERS = Map.of(
            "namespaces_list", List.of(Set.of("fieldSelector"), Set.of()),
            "events_list", List.of(Set.of("namespace", "fieldSelector"), Set.of()),
            "pods_list", List.of(Set.of("labelSelector", "fieldSelector"), Set.of()),
            "pods_list_in_namespace", List.of(Set.of("namespace", "labelSelector", "fieldSelector"), Set.of("namespace")),
            "pods_get", List.of(Set.of("namespace", "name"), Set.of("name")),
            "pods_delete", List.of(Set.of("namespace", "name"), Set.of("name")),
            "pods_log", List.of(Set.of("namespace", "name", "container", "tail", "previous"), Set.of("name")),
            "resources_list", List.of(Set.of("apiVersion", "kind", "namespace", "labelSelector", "fieldSelector"),
                    Set.of("apiVersion", "kind")),
            "resources_get", List.of(Set.of("apiVersion", "kind", "namespace", "name"), Set.of("apiVersion", "kind", "name")),
            "resources_create_or_update", List.of(Set.of("resource"), Set.of("resource")));

    @Test
    void toolsListHasKubernetesMcpServerNamesParametersAndHints() {
        Set<String> listed = new HashSet<>(DESTRUCTIVE);
        listed.remove("pods_exec"); // off unless ambient.k8s.allow-exec=true (ToolFilteringIT turns it on)
        ToolInventory tools = ToolInventory.of(mcp.listTools()).assertHints(READ_ONLY, listed, listed);
        tools.assertMatchesSpec(Provider.KUBECONFIG, SpecDocs.table("sidecars.md", Provider.KUBECONFIG.id() + " tool"));
        assertThat(tools.names()).noneMatch(n -> n.startsWith("configuration_"));
        PARAMETERS.forEach((name, params) -> {
            assertThat(tools.properties(name)).as(name + " parameters").containsExactlyInAnyOrderElementsOf(params.get(0));
            assertThat(tools.required(name)).as(name + " required").containsExactlyInAnyOrderElementsOf(params.get(1));
        });
        assertThat(tools.tool("resources_delete").path("inputSchema").path("properties").path("gracePeriodSeconds")
                .path("type").asText()).isEqualTo("integer");
        assertThat(tools.tool("pods_log").path("inputSchema").path("properties").path("previous").path("type").asText())
                .isEqualTo("boolean");
    }

    /** Every bean with tools passes the redacting interceptor: a class without it would leak unredacted results. */
    @Test
    void everyToolClassIsGuardedAndDeclaresTheExpectedTools() {
        Set<String> expected = new HashSet<>(READ_ONLY);
        expected.addAll(DESTRUCTIVE);
        ToolInventory.assertGuarded(List.of(ClusterTools.class, PodTools.class, ResourceTools.class,
                RefreshCredentialsTool.class), expected);
        ToolInventory.assertDeclaredMatchSpec(List.of(ClusterTools.class, PodTools.class, ResourceTools.class,
                RefreshCredentialsTool.class), Provider.KUBECONFIG, SpecDocs.table("sidecars.md", "kubeconfig tool"));
    }
}
