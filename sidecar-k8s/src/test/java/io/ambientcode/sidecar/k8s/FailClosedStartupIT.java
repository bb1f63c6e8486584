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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * I6 against the packaged sidecar: a missing session variable and an invalid k8s setting stop it before a port opens;
 * and the pod's own Kubernetes identity is never used: with {@code KUBERNETES_SERVICE_HOST/PORT},
 * {@code KUBERNETES_MASTER}, {@code KUBERNETES_AUTH_TOKEN}, {@code KUBECONFIG}, a {@code ~/.kube/config} and a
 * service-account token file all pointing at a decoy API server with a decoy token, a kubeconfig credential that points
 * nowhere makes tools fail (nothing reaches the decoy), and an anonymous kubeconfig for the decoy reaches it without
 * any credential.
 */
class FailClosedStartupIT {

    static FakeAmbient ambient(String kubeconfig) throws Exception {
        return new FakeAmbient("kubeconfig", kubeconfig, null, 0);
    }

    @Test
    void aMissingSessionVariableStopsTheSidecarBeforeAPortOpens() throws Exception {
        try (FakeAmbient ambient = ambient(Kubeconfigs.withToken("http://127.0.0.1:9", "x", Kubeconfigs.newToken()))) {
            Map<String, String> env = new HashMap<>(ambient.env());
            env.remove(SidecarEnv.SESSION_ID);
            try (SidecarLauncher p = new SidecarLauncher(env)) {
                assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.output()).isNotZero();
                assertThat(p.output()).contains("invalid environment: SESSION_ID:");
                assertThat(p.portEverOpened()).isFalse();
                assertThat(p.output()).doesNotContain(ambient.proof);
            }
        }
    }

    @Test
    void anInvalidDeniedResourcesEntryStopsTheSidecarBeforeAPortOpens() throws Exception {
        try (FakeAmbient ambient = ambient(Kubeconfigs.withToken("http://127.0.0.1:9", "x", Kubeconfigs.newToken()))) {
            Map<String, String> env = new HashMap<>(ambient.env());
            env.put("AMBIENT_K8S_DENIED_RESOURCES", "v1/Secret,Secret");
            try (SidecarLauncher p = new SidecarLauncher(env)) {
                assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.output()).isNotZero();
                assertThat(p.output()).contains("invalid configuration: ambient.k8s.denied-resources: 'Secret' is not "
                        + "group/version/kind");
                assertThat(p.portEverOpened()).isFalse();
            }
        }
    }

    @Test
    void thePodsOwnKubernetesIdentityIsNeverUsed() throws Exception {
        String podToken = "pod-identity-" + java.util.UUID.randomUUID();
        try (TargetCluster decoy = new TargetCluster()) {
            Path home = Files.createTempDirectory("home");
            Files.createDirectories(home.resolve(".kube"));
            String decoyKubeconfig = Kubeconfigs.withToken(decoy.url(), "default", podToken);
            Files.writeString(home.resolve(".kube/config"), decoyKubeconfig);
            Path kubeconfigEnvFile = Files.writeString(home.resolve("kubeconfig-env"), decoyKubeconfig);
            Path saToken = Files.writeString(home.resolve("sa-token"), podToken);
            int nowhere = SidecarLauncher.freePort();
            String credentialToken = Kubeconfigs.newToken();
            try (FakeAmbient ambient = ambient(Kubeconfigs.withToken("http://127.0.0.1:" + nowhere, "x", credentialToken))) {
                Map<String, String> env = new HashMap<>(ambient.env());
                env.put("HOME", home.toString());
                env.put("KUBECONFIG", kubeconfigEnvFile.toString());
                env.put("KUBERNETES_SERVICE_HOST", "127.0.0.1");
                env.put("KUBERNETES_SERVICE_PORT", Integer.toString(decoy.server.getPort()));
                env.put("KUBERNETES_MASTER", decoy.url());
                env.put("KUBERNETES_AUTH_TOKEN", podToken);
                env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "true");
                env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "true");
                List<String> jvm = List.of("-Dkubernetes.auth.serviceAccount.token=" + saToken,
                        "-Duser.home=" + home);
                try (SidecarLauncher p = new SidecarLauncher(env, jvm)) {
                    p.awaitReady(Duration.ofSeconds(60));
                    McpHttpClient mcp = new McpHttpClient(p.baseUrl()).initialize();
                    JsonNode nowhereResult = mcp.call("namespaces_list", Map.of());
                    assertThat(isError(nowhereResult)).isTrue();
                    assertThat(text(nowhereResult)).startsWith("Kubernetes API unreachable: connection");
                    assertThat(decoy.requests).as("nothing went to the pod's own cluster").isEmpty();

                    // a kubeconfig without any user: requests go out anonymous, never with the pod's token
                    ambient.credentialApi.rotate(Kubeconfigs.anonymous(decoy.url()));
                    assertThat(text(mcp.call("refresh_credentials", Map.of()))).startsWith("Credentials refreshed");
                    assertThat(isError(mcp.call("namespaces_list", Map.of()))).isFalse();
                    assertThat(decoy.requests).isNotEmpty()
                            .allSatisfy(r -> assertThat(r.authorization()).as(r.path()).isNull());
                    assertThat(p.output()).doesNotContain(podToken).doesNotContain(credentialToken);
                }
            }
        }
    }
}
