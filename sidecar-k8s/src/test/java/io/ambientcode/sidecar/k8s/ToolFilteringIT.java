package io.ambientcode.sidecar.k8s;

import static io.ambientcode.sidecar.testing.McpHttpClient.isError;
import static io.ambientcode.sidecar.testing.McpHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.sidecar.k8s.support.Kubeconfigs;
import io.ambientcode.sidecar.k8s.support.TargetCluster;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusStreamMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 4 against the packaged sidecar: {@code MCP_READ_ONLY=true} hides every write tool and refuses them by
 * name; {@code MCP_DISABLE_DESTRUCTIVE=true} (kubernetes-mcp-server's {@code --disable-destructive}) hides the
 * destructive ones; {@code ambient.k8s.allow-exec=true} exposes {@code pods_exec}, which then runs a command over the
 * exec stream. The default apply mode, server-side apply, is checked here too (the CRUD mock cannot apply, so the
 * request is answered by a recorded expectation).
 */
class ToolFilteringIT {

    static TargetCluster cluster;
    static FakeAmbient ambient;
    static String token;

    @BeforeAll
    static void fakes() throws Exception {
        cluster = new TargetCluster();
        cluster.admin().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata()
                .build()).create();
        cluster.admin().pods().inNamespace("team-a").resource(new PodBuilder().withNewMetadata().withName("web-1")
                .endMetadata().withNewSpec().addNewContainer().withName("app").withImage("nginx").endContainer().endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build()).create();
        token = Kubeconfigs.newToken();
        ambient = new FakeAmbient("kubeconfig", Kubeconfigs.withToken(cluster.url(), "team-a", token), null, 0);
    }

    @AfterAll
    static void stop() {
        ambient.close();
        cluster.close();
    }

    static McpHttpClient start(SidecarLauncher p) throws Exception {
        p.awaitReady(Duration.ofSeconds(60));
        return new McpHttpClient(p.baseUrl()).initialize();
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(ambient.env());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** Also: {@code K8S_ALLOW_SECRET_VALUES=true} (the spelling) shows Secret values. */
    @Test
    void readOnlyHidesEveryWriteToolAndRefusesItByName() throws Exception {
        String value = java.util.Base64.getEncoder().encodeToString(("v-" + java.util.UUID.randomUUID()).getBytes());
        cluster.admin().secrets().inNamespace("team-a").resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata().withName("shown").endMetadata().addToData("k", value).build()).create();
        try (SidecarLauncher p = new SidecarLauncher(env(SidecarEnv.MCP_READ_ONLY, "true", "AMBIENT_K8S_ALLOW_EXEC", "true",
                "K8S_ALLOW_SECRET_VALUES", "true"))) {
            McpHttpClient mcp = start(p);
            assertThat(text(mcp.call("resources_get", Map.of("apiVersion", "v1", "kind", "Secret", "name", "shown"))))
                    .contains("k: " + value).doesNotContain("masked");
            assertThat(mcp.toolNames()).containsExactlyInAnyOrderElementsOf(ToolInventoryTest.READ_ONLY);
            for (String write : ToolInventoryTest.DESTRUCTIVE) {
                JsonNode refused = mcp.callRaw(write, Map.of("apiVersion", "v1", "kind", "ConfigMap", "name", "x",
                        "resource", "{}", "command", List.of("id")));
                assertThat(refused.path("error").path("message").asText()).as(write).contains("Invalid tool name");
            }
            assertThat(isError(mcp.call("pods_list", Map.of()))).isFalse();
            assertThat(cluster.requests).noneMatch(r -> r.method().equals("DELETE") || r.path().contains("/exec"));
        }
    }

    @Test
    void disableDestructiveHidesTheDestructiveTools() throws Exception {
        try (SidecarLauncher p = new SidecarLauncher(env("MCP_DISABLE_DESTRUCTIVE", "true",
                "AMBIENT_K8S_ALLOW_EXEC", "true"))) {
            McpHttpClient mcp = start(p);
            Set<String> names = mcp.toolNames();
            assertThat(names).containsAll(ToolInventoryTest.READ_ONLY).doesNotContainAnyElementsOf(ToolInventoryTest.DESTRUCTIVE);
            assertThat(mcp.callRaw("pods_delete", Map.of("name", "web-1")).path("error").path("message").asText())
                    .contains("Invalid tool name");
            assertThat(cluster.admin().pods().inNamespace("team-a").withName("web-1").get()).isNotNull();
        }
    }

    @Test
    void allowExecExposesPodsExecAndServerSideApplyIsTheDefault() throws Exception {
        cluster.server.expect().get().withPath("/api/v1/namespaces/team-a/pods/web-1/exec?command=id&command=-u&container=app"
                + "&stdout=true&stderr=true").andUpgradeToWebSocket()
                .open(new OutputStreamMessage("1000\n"), new StatusStreamMessage(0)).done().once();
        String applyPath = "/api/v1/namespaces/team-a/configmaps/applied?fieldManager=ambient-credential-k8s&force=true";
        cluster.server.expect().patch().withPath(applyPath).andReturn(200, new ConfigMapBuilder().withNewMetadata()
                .withName("applied").withNamespace("team-a").endMetadata().addToData("k", "v").build()).once();
        try (SidecarLauncher p = new SidecarLauncher(env("AMBIENT_K8S_ALLOW_EXEC", "true"))) {
            McpHttpClient mcp = start(p);
            Set<String> expected = new HashSet<>(ToolInventoryTest.READ_ONLY);
            expected.addAll(ToolInventoryTest.DESTRUCTIVE);
            assertThat(mcp.toolNames()).containsExactlyInAnyOrderElementsOf(expected);

            JsonNode exec = mcp.call("pods_exec", Map.of("name", "web-1", "container", "app", "command", List.of("id", "-u")));
            assertThat(isError(exec)).as(text(exec) + p.output()).isFalse();
            assertThat(text(exec)).isEqualTo("1000\n");

            JsonNode applied = mcp.call("resources_create_or_update", Map.of("resource",
                    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: applied}\ndata: {k: v}\n"));
            assertThat(isError(applied)).as(text(applied)).isFalse();
            assertThat(cluster.requests).anySatisfy(r -> {
                assertThat(r.method()).isEqualTo("PATCH");
                assertThat(r.path()).isEqualTo(applyPath);
                assertThat(r.contentType()).startsWith("application/apply-patch+yaml");
                assertThat(r.authorization()).isEqualTo("Bearer " + token);
                assertThat(r.body()).contains("\"name\":\"applied\"").contains("\"namespace\":\"team-a\"");
            });
            assertThat(p.output()).doesNotContain(token);
        }
    }
}
