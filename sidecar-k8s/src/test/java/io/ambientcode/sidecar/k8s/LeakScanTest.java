package io.ambientcode.sidecar.k8s;

import static io.ambientcode.sidecar.k8s.support.K8sWorld.cluster;
import static io.ambientcode.sidecar.testing.McpHttpClient.isError;
import static io.ambientcode.sidecar.testing.McpHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.redact.SecretRedactor;
import io.ambientcode.sidecar.k8s.support.K8sWorld;
import io.ambientcode.sidecar.testing.LeakScan;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Acceptance 3 (last part) and 6 (I5): a cluster object that holds the kubeconfig's token (a ConfigMap someone pasted
 * it into) and an API error that echoes it are redacted; then every tool response of the whole suite and every log
 * line the sidecar wrote are scanned for every secret the run used: each kubeconfig document, its tokens, the client
 * certificate and key data (encoded, decoded, PEM bodies), exec-plugin secrets, the Secret value stored in the cluster,
 * the proof. Runs last (junit-platform.properties orders classes by {@link Order}).
 */
@QuarkusTest
@QuarkusTestResource(value = K8sWorld.class, restrictToAnnotatedClass = false)
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeakScanTest extends SidecarQuarkusTestBase {

    @Test
    @Order(1)
    void aClusterObjectOrAnErrorEchoingTheTokenIsRedacted() {
        String token = K8sWorld.currentToken;
        cluster.admin().configMaps().inNamespace(K8sWorld.HOME_NS).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("pasted").endMetadata().addToData("note", "the agent token is " + token).build()).create();
        JsonNode got = mcp.call("resources_get", Map.of("apiVersion", "v1", "kind", "ConfigMap", "name", "pasted"));
        assertThat(text(got)).contains("the agent token is " + SecretRedactor.MASK).doesNotContain(token);

        cluster.server.expect().get().withPath("/api/v1/namespaces/" + K8sWorld.HOME_NS + "/configmaps/echo")
                .andReturn(400, Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure", "code", 400,
                        "message", "bad token " + token))
                .once();
        JsonNode err = mcp.call("resources_get", Map.of("apiVersion", "v1", "kind", "ConfigMap", "name", "echo"));
        assertThat(isError(err)).isTrue();
        assertThat(text(err)).startsWith("Kubernetes API error 400: bad token").doesNotContain(token);
    }

    @Test
    @Order(2)
    void noSecretInAnyToolResponseOrLogLine() throws Exception {
        McpHttpClient.TRANSCRIPT.add(RestAssured.given().baseUri(managementBase()).get("/q/health").asString());
        // tokens, documents, cert/key data, exec secret, Secret value, proof
        LeakScan.of(K8sWorld.SECRETS, McpHttpClient.TRANSCRIPT, K8sWorld.LOG_FILE).atLeast(12, 40)
                .logShows("kubernetes client for credential").assertClean();
    }
}
