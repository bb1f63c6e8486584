package io.ambientcode.sidecar.k8s;

import static io.ambientcode.sidecar.k8s.support.K8sWorld.ambient;
import static io.ambientcode.sidecar.k8s.support.K8sWorld.cluster;
import static io.ambientcode.sidecar.testing.McpHttpClient.isError;
import static io.ambientcode.sidecar.testing.McpHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.sidecar.k8s.client.KubeClients;
import io.ambientcode.sidecar.k8s.client.KubeSession;
import io.ambientcode.sidecar.k8s.support.K8sWorld;
import io.ambientcode.sidecar.k8s.support.Kubeconfigs;
import io.ambientcode.sidecar.k8s.support.TargetCluster;
import io.ambientcode.sidecar.testing.SidecarQuarkusTestBase;
import io.fabric8.kubernetes.client.impl.BaseClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * I7 for kubeconfigs: a rotated kubeconfig (here with client certificate and key data generated for this run) reaches
 * the tools through {@code refresh_credentials} without a restart, the client is rebuilt and the replaced one closed;
 * an API server answering 401 makes the sidecar fetch the credential again once and retry once; a kubeconfig the
 * sidecar must not use (an exec plugin) is refused when fetched, with a clear error, and never becomes the live
 * credential (the runtime's {@code validate} hook). Runs after the tool tests, before the leak scan, because it
 * changes the session's credential.
 */
@QuarkusTest
@QuarkusTestResource(value = K8sWorld.class, restrictToAnnotatedClass = false)
@Order(Integer.MAX_VALUE - 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CredentialRotationTest extends SidecarQuarkusTestBase {

    @Inject
    KubeClients clients;

    List<TargetCluster.Request> namespacesListed(int since) {
        return cluster.requests.stream().skip(since).filter(r -> r.path().equals("/api/v1/namespaces")).toList();
    }

    @Test
    @Order(1)
    void aRotatedKubeconfigWithClientCertificateReachesTheToolsAndTheOldClientIsClosed() {
        // clients are built on first use: make sure the current credential's exists
        assertThat(isError(mcp.call("namespaces_list", Map.of()))).isFalse();
        KubeSession before = clients.current().orElseThrow();
        Kubeconfigs.ClientCertificate cert = Kubeconfigs.ClientCertificate.generate();
        K8sWorld.SECRETS.addAll(cert.secrets());
        String token = Kubeconfigs.newToken();
        String doc = Kubeconfigs.withClientCertificate(cluster.url(), K8sWorld.HOME_NS, cert, token);
        K8sWorld.SECRETS.add(token);
        K8sWorld.SECRETS.add(doc);
        ambient.credentialApi.rotate(doc);

        JsonNode refreshed = mcp.call("refresh_credentials", Map.of());
        assertThat(text(refreshed)).startsWith("Credentials refreshed");
        K8sWorld.currentToken = token;

        int since = cluster.requests.size();
        assertThat(text(mcp.call("namespaces_list", Map.of()))).contains(K8sWorld.HOME_NS);
        assertThat(namespacesListed(since)).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + token));

        KubeSession after = clients.current().orElseThrow();
        assertThat(after).isNotSameAs(before);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> before.client().adapt(BaseClient.class).getHttpClient().isClosed());
        assertThat(after.client().adapt(BaseClient.class).getHttpClient().isClosed()).isFalse();
    }

    @Test
    @Order(2)
    void anUnauthorizedAnswerRefreshesTheCredentialOnceAndRetriesOnce() {
        String token = Kubeconfigs.newToken();
        ambient.credentialApi.rotate(K8sWorld.newKubeconfig(token));
        cluster.server.expect().get().withPath("/api/v1/namespaces").andReturn(401,
                Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure", "code", 401, "reason", "Unauthorized",
                        "message", "Unauthorized")).once();
        int fetches = ambient.credentialApi.fetches();
        int since = cluster.requests.size();

        JsonNode result = mcp.call("namespaces_list", Map.of());
        assertThat(isError(result)).as(text(result)).isFalse();
        assertThat(text(result)).contains(K8sWorld.HOME_NS);
        assertThat(ambient.credentialApi.fetches()).isEqualTo(fetches + 1);
        List<TargetCluster.Request> calls = namespacesListed(since);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).authorization()).isEqualTo("Bearer " + token);
        K8sWorld.currentToken = token;
    }

    @Test
    @Order(3)
    void aKubeconfigWithAnExecPluginIsRefusedBeforeItIsEverUsed() throws Exception {
        String envSecret = "exec-env-" + java.util.UUID.randomUUID();
        String doc = """
                apiVersion: v1
                kind: Config
                current-context: c
                clusters:
                - name: k
                  cluster: {server: %s}
                contexts:
                - name: c
                  context: {cluster: k, user: u}
                users:
                - name: u
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: /bin/sh
                      args: ["-c", "touch /tmp/exec-plugin-ran"]
                      env:
                      - {name: SECRET, value: %s}
                """.formatted(cluster.url(), envSecret);
        K8sWorld.SECRETS.add(envSecret);
        K8sWorld.SECRETS.add(doc);
        ambient.credentialApi.rotate(doc);
        int since = cluster.requests.size();
        JsonNode refused = mcp.call("refresh_credentials", Map.of());
        assertThat(isError(refused)).isTrue();
        assertThat(text(refused)).isEqualTo("Credential refresh failed: credential " + ambient.credentialId
                + " cannot be used: user 'u' uses an exec credential plugin; the sidecar runs no programs from a "
                + "credential (use a token or client certificate) (will retry)");
        // the refused document never became the live credential: readiness says why, calls go on with the previous one
        String ready = RestAssured.given().baseUri(managementBase()).get("/q/health/ready").then().statusCode(200)
                .extract().asString();
        assertThat(ready).contains("exec credential plugin").doesNotContain(envSecret);
        JsonNode listed = mcp.call("namespaces_list", Map.of());
        assertThat(isError(listed)).as(text(listed)).isFalse();
        assertThat(namespacesListed(since)).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + K8sWorld.currentToken));
        assertThat(Files.exists(java.nio.file.Path.of("/tmp/exec-plugin-ran"))).as("the plugin never ran").isFalse();

        // back to a usable credential for the tests that follow
        String token = Kubeconfigs.newToken();
        ambient.credentialApi.rotate(K8sWorld.newKubeconfig(token));
        assertThat(text(mcp.call("refresh_credentials", Map.of()))).startsWith("Credentials refreshed");
        K8sWorld.currentToken = token;
        assertThat(isError(mcp.call("namespaces_list", Map.of()))).isFalse();
    }
}
