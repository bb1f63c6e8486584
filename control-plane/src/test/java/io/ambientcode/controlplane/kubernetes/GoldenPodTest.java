package io.ambientcode.controlplane.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.controlplane.support.ControlPlaneTestResources;
import io.ambientcode.controlplane.support.Golden;
import io.ambientcode.controlplane.support.GoldenSession;
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
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Acceptance 1: the operator creates exactly the pod and Secret of the checked-in golden file. */
@QuarkusTest
@WithTestResource(value = MockCluster.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ControlPlaneTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GoldenPodTest {

    @KubernetesTestServer
    KubernetesServer server;

    @InjectCredentialApi
    WireMockServer credentialApi;

    @ConfigProperty(name = "ambient.control-plane.token-server.public-key")
    String tokenServerPublicKey;

    @Test
    void fourProviderSessionBecomesTheGoldenPodAndSecret() {
        KubernetesClient client = server.getClient();
        Sessions.stubResolve(credentialApi, GoldenSession.PROJECT, GoldenSession.CREDENTIALS);
        AgenticSession created = Sessions.create(client, GoldenSession.session());

        Pod pod = await().atMost(Duration.ofSeconds(30))
                .until(() -> Sessions.pod(client, GoldenSession.NAMESPACE, GoldenSession.NAME), p -> p != null);
        Secret secret = Sessions.proofs(client, GoldenSession.NAMESPACE, GoldenSession.NAME);
        assertThat(secret).isNotNull();

        Golden.assertMatches(Golden.normalize(pod, secret, created.getMetadata().getUid(), tokenServerPublicKey));

        AgenticSession session = Sessions.fetch(client, GoldenSession.NAMESPACE, GoldenSession.NAME);
        assertThat(session.getStatus().getCredentials()).as(io.fabric8.kubernetes.client.utils.Serialization.asYaml(session)).containsExactlyInAnyOrderEntriesOf(GoldenSession.CREDENTIALS);
    }
}
