package io.ambientcode.sidecar.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.sidecar.k8s.support.K8sWorld;
import io.ambientcode.sidecar.k8s.tools.ClusterTools;
import io.ambientcode.sidecar.k8s.tools.PodTools;
import io.ambientcode.sidecar.k8s.tools.ResourceTools;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import io.ambientcode.sidecar.tools.RefreshCredentialsTool;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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
        JsonNode tools = mcp.listTools().path("tools");
        Map<String, JsonNode> byName = new HashMap<>();
        tools.forEach(t -> byName.put(t.path("name").asText(), t));
        Set<String> expected = new HashSet<>(READ_ONLY);
        expected.addAll(DESTRUCTIVE);
        expected.remove("pods_exec"); // off unless ambient.k8s.allow-exec=true (ToolFilteringIT turns it on)
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(byName.keySet()).noneMatch(n -> n.startsWith("configuration_"));
        byName.forEach((name, tool) -> {
            JsonNode a = tool.path("annotations");
            assertThat(a.isObject()).as(name + " has annotations").isTrue();
            assertThat(a.path("readOnlyHint").asBoolean()).as(name + " readOnlyHint").isEqualTo(READ_ONLY.contains(name));
            assertThat(a.path("destructiveHint").asBoolean()).as(name + " destructiveHint")
                    .isEqualTo(DESTRUCTIVE.contains(name));
        });
        PARAMETERS.forEach((name, params) -> {
            JsonNode schema = byName.get(name).path("inputSchema");
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as(name + " parameters").containsExactlyInAnyOrderElementsOf(params.get(0));
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            assertThat(required).as(name + " required").containsExactlyInAnyOrderElementsOf(params.get(1));
        });
        JsonNode delete = byName.get("resources_delete").path("inputSchema").path("properties");
        assertThat(delete.path("gracePeriodSeconds").path("type").asText()).isEqualTo("integer");
        assertThat(byName.get("pods_log").path("inputSchema").path("properties").path("previous").path("type").asText())
                .isEqualTo("boolean");
    }

    /** Every bean with tools passes the redacting interceptor: a class without it would leak unredacted results. */
    @Test
    void everyToolClassIsGuardedAndDeclaresTheExpectedTools() {
        List<Class<?>> classes = List.of(ClusterTools.class, PodTools.class, ResourceTools.class,
                RefreshCredentialsTool.class);
        Set<String> declared = classes.stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .map(m -> m.getAnnotation(Tool.class)).filter(Objects::nonNull).map(Tool::name)
                .collect(Collectors.toSet());
        Set<String> expected = new HashSet<>(READ_ONLY);
        expected.addAll(DESTRUCTIVE);
        assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
        for (Class<?> c : classes) {
            assertThat(c.isAnnotationPresent(SidecarTools.class)).as(c.getSimpleName()).isTrue();
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Tool.class)) {
                    assertThat(m.getReturnType().getSimpleName()).as(m.getName()).isEqualTo("ToolResponse");
                }
            }
        }
    }
}
