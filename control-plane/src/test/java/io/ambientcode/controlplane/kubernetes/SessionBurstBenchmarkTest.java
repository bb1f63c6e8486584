package io.ambientcode.controlplane.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.controlplane.support.ControlPlaneTestResources;
import io.ambientcode.controlplane.support.InjectCredentialApi;
import io.ambientcode.controlplane.support.MockCluster;
import io.ambientcode.controlplane.support.Sessions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 6, outside the default run: {@code ./mvnw -B -pl control-plane test -Pbenchmark
 * [-Dbenchmark.sessions=500] [-Dbenchmark.threads=16]}. Creates the sessions at once against the mock API server (a
 * WireMock credential API resolving four providers for each) and reports the time until every pod exists and the
 * reconcile throughput at the configured concurrency. Asserts completeness, never time.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(SessionBurstBenchmarkTest.Concurrency.class)
@WithTestResource(value = MockCluster.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ControlPlaneTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SessionBurstBenchmarkTest {

    private static final Logger LOG = Logger.getLogger(SessionBurstBenchmarkTest.class);
    private static final String NS = "burst";
    private static final String PROJECT = "burst";

    /** Reconcile threads from {@code -Dbenchmark.threads}; quieter logs, so logging does not dominate. */
    public static class Concurrency implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ambient.control-plane.operator.reconcile-threads", System.getProperty("benchmark.threads", "16"),
                    "quarkus.log.category.\"io.ambientcode\".level", "WARN",
                    "quarkus.log.category.\"io.javaoperatorsdk\".level", "WARN");
        }
    }

    @KubernetesTestServer
    KubernetesServer server;

    @InjectCredentialApi
    WireMockServer credentialApi;

    @Inject
    ReconcileMetrics metrics;

    @Test
    void sessionsCreatedAtOnceAllGetTheirPods() throws Exception {
        int sessions = Integer.getInteger("benchmark.sessions", 500);
        int threads = Integer.getInteger("benchmark.threads", 16);
        KubernetesClient cluster = server.getClient();
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("github", "cred-gh-burst001");
        credentials.put("jira", "cred-jira-burst01");
        credentials.put("kubeconfig", "cred-k8s-burst001");
        credentials.put("google", "cred-goog-burst01");
        Sessions.stubResolve(credentialApi, PROJECT, credentials);
        double reconcilesBefore = metrics.reconciles();

        Instant start = Instant.now();
        ExecutorService creators = Executors.newFixedThreadPool(8);
        List<Future<?>> created = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            String name = String.format("burst-%04d", i);
            created.add(creators.submit(() -> Sessions.create(cluster, Sessions.session(NS, name, PROJECT))));
        }
        for (Future<?> f : created) {
            f.get();
        }
        creators.shutdown();
        Duration submitted = Duration.between(start, Instant.now());

        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> cluster.pods().inNamespace(NS).list().getItems().size() >= sessions);
        Duration allPods = Duration.between(start, Instant.now());
        double reconcilesToPods = metrics.reconciles() - reconcilesBefore;

        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> cluster.resources(AgenticSession.class).inNamespace(NS).list().getItems().stream()
                        .allMatch(s -> s.getStatus() != null && s.getStatus().getPodName() != null));
        Duration allStatuses = Duration.between(start, Instant.now());
        double reconciles = metrics.reconciles() - reconcilesBefore;

        assertThat(cluster.pods().inNamespace(NS).list().getItems()).hasSize(sessions);
        assertThat(cluster.secrets().inNamespace(NS).list().getItems()).hasSize(sessions);
        int resolveCalls = credentialApi.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(CredentialApiPaths.resolveBindings(PROJECT))))
                .size();
        assertThat(resolveCalls).isEqualTo(sessions);

        String report = String.format(
                "benchmark sessions=%d reconcileThreads=%d cores=%d | all sessions submitted in %d ms | all pods exist "
                        + "after %d ms (%.1f pods/s, %.0f reconciles so far, %.1f reconciles/s) | all statuses written "
                        + "after %d ms (%.0f reconciles, %.1f reconciles/s) | credential API calls=%d%n",
                sessions, threads, Runtime.getRuntime().availableProcessors(), submitted.toMillis(), allPods.toMillis(),
                sessions * 1000.0 / allPods.toMillis(), reconcilesToPods, reconcilesToPods * 1000.0 / allPods.toMillis(),
                allStatuses.toMillis(), reconciles, reconciles * 1000.0 / allStatuses.toMillis(), resolveCalls);
        LOG.warn(report.strip());
        Files.writeString(Path.of("target/benchmark-results.txt"), report, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
