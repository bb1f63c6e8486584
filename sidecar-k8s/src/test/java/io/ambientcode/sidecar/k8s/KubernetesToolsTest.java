package io.ambientcode.sidecar.k8s;

import static io.ambientcode.sidecar.k8s.support.K8sWorld.HOME_NS;
import static io.ambientcode.sidecar.k8s.support.K8sWorld.OTHER_NS;
import static io.ambientcode.sidecar.k8s.support.K8sWorld.cluster;
import static io.ambientcode.sidecar.testing.McpHttpClient.isError;
import static io.ambientcode.sidecar.testing.McpHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.sidecar.k8s.support.K8sWorld;
import io.ambientcode.sidecar.k8s.support.TargetCluster;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 1 and 3: every tool called through MCP against the target cluster (fabric8 mock API server, CRUD mode);
 * the request the API server received (method, path, bearer token of the kubeconfig) and the result asserted; a
 * ConfigMap and a custom resource listed, created, updated, read and deleted; Secret values masked; API errors become
 * tool errors with status and message; denied resources refused before any request.
 */
@QuarkusTest
@QuarkusTestResource(value = K8sWorld.class, restrictToAnnotatedClass = false)
class KubernetesToolsTest extends SidecarQuarkusTestBase {

    static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder().withGroup("example.com")
            .withVersion("v1").withKind("Widget").withPlural("widgets").withNamespaced(true).build();

    JsonNode ok(String tool, Map<String, ?> args) {
        JsonNode result = mcp.call(tool, args);
        assertThat(isError(result)).as(tool + ": " + text(result)).isFalse();
        return result;
    }

    JsonNode fails(String tool, Map<String, ?> args) {
        JsonNode result = mcp.call(tool, args);
        assertThat(isError(result)).as(tool + " should fail: " + text(result)).isTrue();
        return result;
    }

    /** The requests the API server received while running the action. */
    List<TargetCluster.Request> during(Runnable action) {
        int before = cluster.requests.size();
        action.run();
        return cluster.requests.stream().skip(before).toList();
    }

    void sentWithToken(List<TargetCluster.Request> requests) {
        assertThat(requests).isNotEmpty();
        assertThat(requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + K8sWorld.currentToken));
    }

    @Test
    void namespacesList() {
        List<TargetCluster.Request> sent = during(() -> {
            String out = text(ok("namespaces_list", Map.of()));
            assertThat(out).startsWith("APIVERSION").contains("STATUS").contains(HOME_NS).contains(OTHER_NS)
                    .contains("Active");
        });
        sentWithToken(sent);
        assertThat(sent).extracting(TargetCluster.Request::path).contains("/api/v1/namespaces");
    }

    @Test
    void eventsListInANamespace() {
        List<TargetCluster.Request> sent = during(() -> {
            String out = text(ok("events_list", Map.of("namespace", HOME_NS)));
            assertThat(out).startsWith("# The following events (YAML format) were found:")
                    .contains("Reason: BackOff").contains("Type: Warning").contains("Name: web-1")
                    .contains("Message: Back-off restarting failed container app\n").contains("2026-01-02T03:04:05Z");
        });
        sentWithToken(sent);
        assertThat(sent).extracting(TargetCluster.Request::path).contains("/api/v1/namespaces/" + HOME_NS + "/events");
        assertThat(text(ok("events_list", Map.of("namespace", OTHER_NS)))).isEqualTo("# No events found");
    }

    @Test
    void podsListAcrossNamespacesAndBySelector() {
        List<TargetCluster.Request> sent = during(() -> {
            String all = text(ok("pods_list", Map.of()));
            assertThat(all).startsWith("NAMESPACE").contains("web-1").contains("db-1").contains("Running")
                    .contains("Pending").contains("app=web");
        });
        sentWithToken(sent);
        assertThat(sent).extracting(TargetCluster.Request::path).contains("/api/v1/pods");
        String selected = text(ok("pods_list", Map.of("labelSelector", "app=web")));
        assertThat(selected).contains("web-1").doesNotContain("db-1");
        assertThat(cluster.requests).extracting(TargetCluster.Request::path)
                .anyMatch(p -> p.startsWith("/api/v1/pods?") && p.contains("labelSelector=app%3Dweb"));
    }

    @Test
    void podsListInNamespace() {
        String out = text(ok("pods_list_in_namespace", Map.of("namespace", OTHER_NS)));
        assertThat(out).contains("db-1").doesNotContain("web-1");
        assertThat(cluster.requests).extracting(TargetCluster.Request::path).contains("/api/v1/namespaces/" + OTHER_NS + "/pods");
        assertThat(text(fails("pods_list_in_namespace", Map.of()))).isEqualTo("Missing required argument: namespace");
    }

    @Test
    void podsGetUsesTheContextNamespaceWhenNoneIsGiven() {
        List<TargetCluster.Request> sent = during(() -> {
            String out = text(ok("pods_get", Map.of("name", "web-1")));
            assertThat(out).contains("name: web-1").contains("namespace: " + HOME_NS).contains("image: nginx:1.27")
                    .doesNotContain("managedFields");
        });
        sentWithToken(sent);
        assertThat(sent).extracting(TargetCluster.Request::path).contains("/api/v1/namespaces/" + HOME_NS + "/pods/web-1");
        assertThat(text(ok("pods_get", Map.of("namespace", OTHER_NS, "name", "db-1")))).contains("image: postgres:17");
    }

    @Test
    void podsGetOfAMissingPodIsA404ToolError() {
        assertThat(text(fails("pods_get", Map.of("name", "nope"))))
                .isEqualTo("Kubernetes API error 404: pods \"nope\" not found in namespace team-a (v1 Pod)");
        assertThat(text(fails("pods_get", Map.of("name", "Not A Name"))))
                .isEqualTo("invalid argument: name 'Not A Name' is not a Kubernetes object name");
    }

    @Test
    void podsDelete() {
        cluster.admin().pods().inNamespace(OTHER_NS).resource(new PodBuilder().withNewMetadata().withName("doomed")
                .endMetadata().withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
                .build()).create();
        List<TargetCluster.Request> sent = during(() -> assertThat(text(ok("pods_delete",
                Map.of("namespace", OTHER_NS, "name", "doomed")))).isEqualTo("Pod deleted successfully"));
        sentWithToken(sent);
        assertThat(sent).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("DELETE");
            assertThat(r.path()).isEqualTo("/api/v1/namespaces/" + OTHER_NS + "/pods/doomed");
        });
        assertThat(cluster.admin().pods().inNamespace(OTHER_NS).withName("doomed").get()).isNull();
        assertThat(text(fails("pods_delete", Map.of("namespace", OTHER_NS, "name", "doomed"))))
                .startsWith("Kubernetes API error 404: pods \"doomed\" not found");
    }

    @Test
    void podsLogTailsTheContainerLog() {
        String path = "/api/v1/namespaces/" + HOME_NS + "/pods/web-1/log?pretty=false&container=app&tailLines=5";
        cluster.server.expect().get().withPath(path).andReturn(200, "line 1\nline 2\n").once();
        List<TargetCluster.Request> sent = during(() -> assertThat(text(ok("pods_log",
                Map.of("name", "web-1", "container", "app", "tail", 5)))).isEqualTo("line 1\nline 2\n"));
        sentWithToken(sent);
        assertThat(sent).extracting(TargetCluster.Request::path).contains(path);

        String previous = "/api/v1/namespaces/" + HOME_NS + "/pods/web-1/log?pretty=false&previous=true&tailLines=100";
        cluster.server.expect().get().withPath(previous).andReturn(200, "").once();
        assertThat(text(ok("pods_log", Map.of("name", "web-1", "previous", true))))
                .isEqualTo("The pod web-1 in namespace team-a has not logged any message yet");
    }

    @Test
    void podsExecIsNeitherListedNorCallableByDefault() {
        assertThat(mcp.toolNames()).doesNotContain("pods_exec").contains("pods_log");
        JsonNode refused = mcp.callRaw("pods_exec", Map.of("name", "web-1", "command", List.of("id")));
        assertThat(refused.path("error").path("message").asText()).contains("Invalid tool name");
        assertThat(cluster.requests).noneMatch(r -> r.path().contains("/exec"));
    }

    @Test
    void configMapCreateUpdateGetListDelete() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  color: blue
                """;
        List<TargetCluster.Request> sent = during(() -> assertThat(text(ok("resources_create_or_update",
                Map.of("resource", yaml))))
                .startsWith("# The following resources (YAML) have been created or updated successfully")
                .contains("name: settings").contains("namespace: " + HOME_NS).contains("color: blue"));
        sentWithToken(sent);
        assertThat(sent).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/v1/namespaces/" + HOME_NS + "/configmaps");
        });
        ConfigMap stored = cluster.admin().configMaps().inNamespace(HOME_NS).withName("settings").get();
        assertThat(stored.getData()).containsEntry("color", "blue");

        // applying again updates the object in place
        ok("resources_create_or_update", Map.of("resource", yaml.replace("blue", "green")));
        assertThat(cluster.admin().configMaps().inNamespace(HOME_NS).withName("settings").get().getData())
                .containsEntry("color", "green");

        assertThat(text(ok("resources_get", Map.of("apiVersion", "v1", "kind", "ConfigMap", "name", "settings"))))
                .contains("color: green").startsWith("apiVersion: v1");
        assertThat(text(ok("resources_list", Map.of("apiVersion", "v1", "kind", "ConfigMap", "namespace", HOME_NS))))
                .contains("settings").contains("ConfigMap");

        List<TargetCluster.Request> deleted = during(() -> assertThat(text(ok("resources_delete",
                Map.of("apiVersion", "v1", "kind", "ConfigMap", "namespace", HOME_NS, "name", "settings",
                        "gracePeriodSeconds", 0)))).isEqualTo("Resource deleted successfully"));
        assertThat(deleted).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("DELETE");
            assertThat(r.path()).isEqualTo("/api/v1/namespaces/" + HOME_NS + "/configmaps/settings");
            assertThat(r.body()).contains("\"gracePeriodSeconds\":0");
        });
        assertThat(cluster.admin().configMaps().inNamespace(HOME_NS).withName("settings").get()).isNull();
        assertThat(text(ok("resources_list", Map.of("apiVersion", "v1", "kind", "ConfigMap", "namespace", HOME_NS))))
                .doesNotContain("settings");
    }

    @Test
    void customResourceByDiscoveredPlural() {
        String json = """
                {"apiVersion":"example.com/v1","kind":"Widget",
                 "metadata":{"name":"sprocket","namespace":"team-b","labels":{"tier":"gold"}},
                 "spec":{"teeth":42}}
                """;
        List<TargetCluster.Request> sent = during(() -> assertThat(text(ok("resources_create_or_update",
                Map.of("resource", json)))).contains("kind: Widget").contains("teeth: 42"));
        sentWithToken(sent);
        // the plural came from the API server's discovery document, then the object went to it
        assertThat(sent).extracting(TargetCluster.Request::path).contains("/apis/example.com/v1")
                .contains("/apis/example.com/v1/namespaces/team-b/widgets");
        GenericKubernetesResource stored = cluster.admin().genericKubernetesResources(WIDGETS).inNamespace(OTHER_NS)
                .withName("sprocket").get();
        assertThat(stored.getAdditionalProperties().get("spec")).isEqualTo(Map.of("teeth", 42));

        assertThat(text(ok("resources_list", Map.of("apiVersion", "example.com/v1", "kind", "Widget"))))
                .contains("sprocket").contains("tier=gold").contains("team-b");
        assertThat(text(ok("resources_get", Map.of("apiVersion", "example.com/v1", "kind", "widget",
                "namespace", OTHER_NS, "name", "sprocket")))).contains("teeth: 42");
        ok("resources_delete", Map.of("apiVersion", "example.com/v1", "kind", "Widget", "namespace", OTHER_NS,
                "name", "sprocket"));
        assertThat(cluster.admin().genericKubernetesResources(WIDGETS).inNamespace(OTHER_NS).withName("sprocket").get())
                .isNull();
    }

    @Test
    void unknownKindsAndBadManifestsAreClearToolErrors() {
        assertThat(text(fails("resources_list", Map.of("apiVersion", "example.com/v1", "kind", "Gadget"))))
                .startsWith("the API server serves no kind Gadget in apiVersion example.com/v1");
        assertThat(text(fails("resources_get", Map.of("apiVersion", "v1", "kind", "ConfigMap", "name", "absent"))))
                .isEqualTo("Kubernetes API error 404: configmaps \"absent\" not found in namespace team-a (v1 ConfigMap)");
        assertThat(text(fails("resources_list", Map.of("apiVersion", "v1/x/y", "kind", "Pod"))))
                .isEqualTo("invalid argument: 'v1/x/y' is not an apiVersion (e.g. v1, apps/v1)");
        assertThat(text(fails("resources_create_or_update", Map.of("resource", "kind: [unclosed"))))
                .startsWith("invalid argument: resource is not valid YAML or JSON (line");
        assertThat(text(fails("resources_create_or_update", Map.of("resource", "apiVersion: v1\nkind: ConfigMap\n"))))
                .isEqualTo("invalid argument: resource: metadata.name is required");
    }

    @Test
    void anApiServerRefusalBecomesAToolErrorWithStatusAndMessage() {
        cluster.server.expect().get().withPath("/api/v1/namespaces/" + HOME_NS + "/configmaps/locked")
                .andReturn(403, Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure", "code", 403,
                        "reason", "Forbidden", "message", "configmaps \"locked\" is forbidden: User \"agent\" cannot get "
                                + "resource \"configmaps\" in the namespace \"team-a\""))
                .once();
        assertThat(text(fails("resources_get", Map.of("apiVersion", "v1", "kind", "ConfigMap", "name", "locked"))))
                .isEqualTo("Kubernetes API error 403: configmaps \"locked\" is forbidden: User \"agent\" cannot get "
                        + "resource \"configmaps\" in the namespace \"team-a\"");
    }

    @Test
    void secretValuesAreMaskedKeysKept() {
        String got = text(ok("resources_get", Map.of("apiVersion", "v1", "kind", "Secret", "name", "db-credentials")));
        assertThat(got).startsWith("# Secret values are masked").contains("password: '***'").contains("username: '***'")
                .contains("kubectl.kubernetes.io/last-applied-configuration: '***'")
                .doesNotContain(K8sWorld.SECRET_VALUE).doesNotContain("YXBw");

        String created = text(ok("resources_create_or_update", Map.of("resource", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: api-key
                stringData:
                  key: %s
                """.formatted(K8sWorld.SECRET_VALUE))));
        assertThat(created).startsWith("# Secret values are masked").contains("key: '***'").doesNotContain(K8sWorld.SECRET_VALUE);
        assertThat(cluster.admin().secrets().inNamespace(HOME_NS).withName("api-key").get()).isNotNull();

        assertThat(text(ok("resources_list", Map.of("apiVersion", "v1", "kind", "Secret", "namespace", HOME_NS))))
                .contains("db-credentials").contains("api-key").doesNotContain(K8sWorld.SECRET_VALUE);
    }

    @Test
    void deniedResourcesAreRefusedBeforeAnyRequest() {
        List<TargetCluster.Request> sent = during(() -> {
            assertThat(text(fails("resources_list", Map.of("apiVersion", "v1", "kind", "ServiceAccount"))))
                    .isEqualTo("resource not allowed: list of v1 ServiceAccount is denied by this sidecar's configuration "
                            + "(ambient.k8s.denied-resources)");
            assertThat(text(fails("resources_get", Map.of("apiVersion", "v1", "kind", "serviceaccount", "name", "x"))))
                    .startsWith("resource not allowed: get of v1 serviceaccount");
            assertThat(text(fails("resources_delete", Map.of("apiVersion", "rbac.authorization.k8s.io/v1",
                    "kind", "ClusterRole", "name", "admin"))))
                    .startsWith("resource not allowed: delete of rbac.authorization.k8s.io/v1 ClusterRole");
            assertThat(text(fails("resources_create_or_update", Map.of("resource", """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: harmless}
                    ---
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: RoleBinding
                    metadata: {name: escalate}
                    """))))
                    .startsWith("resource not allowed: create or update of rbac.authorization.k8s.io/v1 RoleBinding");
        });
        assertThat(sent).as("nothing reached the API server, not even the harmless first document").isEmpty();
        assertThat(cluster.admin().configMaps().inNamespace(HOME_NS).withName("harmless").get()).isNull();
    }
}
