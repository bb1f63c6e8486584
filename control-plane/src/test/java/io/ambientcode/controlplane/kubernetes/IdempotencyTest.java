package io.ambientcode.controlplane.kubernetes;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.RunnerEnvVar;
import io.ambientcode.controlplane.support.ControlPlaneTestResources;
import io.ambientcode.controlplane.support.InjectCredentialApi;
import io.ambientcode.controlplane.support.MockCluster;
import io.ambientcode.controlplane.support.Sessions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3: reconciling a session again and again, and after a control-plane restart, keeps one pod and the
 * same proofs; changing the runner env does not rotate proofs; credentials are resolved once.
 */
@QuarkusTest
@WithTestResource(value = MockCluster.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ControlPlaneTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IdempotencyTest {

    private static final String NS = "idempotency";
    private static final String NAME = "steady";
    private static final String PROJECT = "steady";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @KubernetesTestServer
    KubernetesServer server;

    @InjectCredentialApi
    WireMockServer credentialApi;

    @Inject
    OperatorLauncher launcher;

    @Inject
    ReconcileMetrics metrics;

    @Test
    void repeatedReconcilesAndARestartKeepOnePodAndTheSameProofs() {
        KubernetesClient cluster = server.getClient();
        Sessions.stubResolve(credentialApi, PROJECT, Map.of("github", "cred-gh-steady01", "jira", "cred-jira-steady"));
        Sessions.create(cluster, Sessions.session(NS, NAME, PROJECT));
        Pod pod = await().atMost(WAIT).until(() -> Sessions.pod(cluster, NS, NAME), p -> p != null);
        Secret proofs = await().atMost(WAIT).until(() -> Sessions.proofs(cluster, NS, NAME), s -> s != null);
        awaitObservedGeneration(cluster, 1L);

        // Ten spec changes (runner env), each a new generation and a reconcile.
        double before = metrics.reconciles();
        for (int i = 1; i <= 10; i++) {
            int round = i;
            cluster.resources(AgenticSession.class).inNamespace(NS).withName(NAME).edit(s -> {
                s.getSpec().getRunner().setEnv(List.of(new RunnerEnvVar("ROUND", Integer.toString(round))));
                return s;
            });
            awaitObservedGeneration(cluster, 1L + i);
        }
        assertThat(metrics.reconciles() - before).isGreaterThanOrEqualTo(10);
        assertUnchanged(cluster, pod, proofs);

        // A restart: new informers, a fresh list, every session reconciled again from what the cluster holds.
        launcher.stop();
        launcher.start();
        cluster.resources(AgenticSession.class).inNamespace(NS).withName(NAME).edit(s -> {
            s.getSpec().getRunner().setEnv(List.of(new RunnerEnvVar("ROUND", "after-restart")));
            return s;
        });
        awaitObservedGeneration(cluster, 12L);
        assertUnchanged(cluster, pod, proofs);
        assertThat(launcher.isHealthy()).isTrue();
        io.restassured.RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'agenticsession-operator' }.status", org.hamcrest.Matchers.is("UP"));

        // Credentials were resolved for the first generation only: the pod existed for all later ones.
        credentialApi.verify(1, getRequestedFor(urlPathEqualTo(CredentialApiPaths.resolveBindings(PROJECT))));
    }

    private void assertUnchanged(KubernetesClient cluster, Pod pod, Secret proofs) {
        List<Pod> pods = cluster.pods().inNamespace(NS).list().getItems();
        assertThat(pods).singleElement().satisfies(p -> {
            assertThat(p.getMetadata().getUid()).isEqualTo(pod.getMetadata().getUid());
            assertThat(p.getMetadata().getResourceVersion()).isEqualTo(pod.getMetadata().getResourceVersion());
        });
        List<Secret> secrets = cluster.secrets().inNamespace(NS).list().getItems();
        assertThat(secrets).singleElement().satisfies(s -> {
            assertThat(s.getMetadata().getUid()).isEqualTo(proofs.getMetadata().getUid());
            assertThat(s.getMetadata().getResourceVersion()).isEqualTo(proofs.getMetadata().getResourceVersion());
            assertThat(s.getData()).isEqualTo(proofs.getData());
        });
    }

    private static void awaitObservedGeneration(KubernetesClient cluster, long generation) {
        await().atMost(WAIT).until(() -> {
            AgenticSession s = Sessions.fetch(cluster, NS, NAME);
            return s.getStatus() != null && Long.valueOf(generation).equals(s.getStatus().getObservedGeneration());
        });
    }
}
