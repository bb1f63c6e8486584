package io.ambientcode.controlplane.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.contracts.session.RunnerEnv;
import io.ambientcode.contracts.session.RunnerEnvVar;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.contracts.session.SidecarStatus;
import io.ambientcode.controlplane.plan.PlanCondition;
import io.ambientcode.controlplane.status.Conditions;
import io.ambientcode.controlplane.status.SessionConditions;
import io.ambientcode.controlplane.support.ControlPlaneTestResources;
import io.ambientcode.controlplane.support.InjectCredentialApi;
import io.ambientcode.controlplane.support.Leaks;
import io.ambientcode.controlplane.support.LogScan;
import io.ambientcode.controlplane.support.MockCluster;
import io.ambientcode.controlplane.support.PodStatuses;
import io.ambientcode.controlplane.support.Sessions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 4: simulated pod transitions give the right phase and conditions; stop deletes the pod and the proofs.
 * Also: unsupported providers are reported, an invalid spec creates nothing, reserved runner env is dropped.
 */
@QuarkusTest
@WithTestResource(value = MockCluster.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ControlPlaneTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SessionLifecycleTest {

    private static final String NS = "lifecycle";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @KubernetesTestServer
    KubernetesServer server;

    @InjectCredentialApi
    WireMockServer credentialApi;

    @ConfigProperty(name = "ambient.control-plane.credential-api.signing-key")
    String signingKey;

    @Test
    void pendingThenRunningThenSucceeded() {
        KubernetesClient cluster = server.getClient();
        Sessions.stubResolve(credentialApi, "happy", Map.of("github", "cred-gh-happy01", "jira", "cred-jira-happy1"));
        Sessions.create(cluster, Sessions.session(NS, "happy", "happy"));
        Pod pod = awaitPod(cluster, "happy");

        AgenticSessionStatus created = awaitStatus(cluster, "happy", s -> s.getPodName() != null);
        assertThat(created.getPhase()).isEqualTo(SessionPhase.Pending);
        assertThat(created.getCredentials()).containsOnly(Map.entry("github", "cred-gh-happy01"),
                Map.entry("jira", "cred-jira-happy1"));
        assertThat(created.getSidecars()).extracting(SidecarStatus::getContainer, SidecarStatus::getPort, SidecarStatus::getReady)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("credential-github", 8091, false),
                        org.assertj.core.groups.Tuple.tuple("credential-jira", 8092, false));
        assertCondition(created, SessionConditions.CREDENTIALS_RESOLVED, "True", SessionConditions.REASON_RESOLVED);

        setPodStatus(cluster, pod, PodStatuses::starting);
        AgenticSessionStatus starting = awaitStatus(cluster, "happy",
                s -> reasonOf(s, SessionConditions.SIDECARS_READY).equals(SessionConditions.REASON_SIDECARS_STARTING));
        assertThat(starting.getPhase()).isEqualTo(SessionPhase.Pending);
        assertCondition(starting, SessionConditions.READY, "False", SessionConditions.REASON_POD_NOT_READY);

        setPodStatus(cluster, pod, PodStatuses::ready);
        AgenticSessionStatus running = awaitStatus(cluster, "happy", s -> s.getPhase() == SessionPhase.Running);
        assertThat(running.getStartTime()).isNotNull();
        assertThat(running.getSidecars()).allMatch(SidecarStatus::getReady);
        assertCondition(running, SessionConditions.READY, "True", SessionConditions.REASON_POD_READY);
        assertCondition(running, SessionConditions.SIDECARS_READY, "True", SessionConditions.REASON_ALL_SIDECARS_READY);

        setPodStatus(cluster, pod, p -> PodStatuses.runnerExited(p, 0));
        AgenticSessionStatus done = awaitStatus(cluster, "happy", s -> s.getPhase() == SessionPhase.Succeeded);
        assertThat(done.getCompletionTime()).isNotNull();
        assertCondition(done, SessionConditions.READY, "False", SessionConditions.REASON_RUNNER_SUCCEEDED);

        // An ended session keeps its pod for its logs, and a late stop does not change how it ended.
        AgenticSession ended = Sessions.fetch(cluster, NS, "happy");
        ended.getSpec().setStop(true);
        cluster.resource(ended).update();
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> Sessions.pod(cluster, NS, "happy") != null);
        assertThat(Sessions.fetch(cluster, NS, "happy").getStatus().getPhase()).isEqualTo(SessionPhase.Succeeded);
    }

    @Test
    void runnerExitingWithOneFailsTheSession() {
        KubernetesClient cluster = server.getClient();
        Sessions.stubResolve(credentialApi, "exit-one", Map.of("github", "cred-gh-exit0001"));
        Sessions.create(cluster, Sessions.session(NS, "exit-one", "exit-one"));
        Pod pod = awaitPod(cluster, "exit-one");
        setPodStatus(cluster, pod, PodStatuses::ready);
        awaitStatus(cluster, "exit-one", s -> s.getPhase() == SessionPhase.Running);

        setPodStatus(cluster, pod, p -> PodStatuses.runnerExited(p, 1));
        AgenticSessionStatus failed = awaitStatus(cluster, "exit-one", s -> s.getPhase() == SessionPhase.Failed);
        assertCondition(failed, SessionConditions.READY, "False", SessionConditions.REASON_RUNNER_FAILED);
        assertThat(Conditions.find(failed.getConditions(), SessionConditions.READY).orElseThrow().getMessage())
                .contains("exited with code 1");
        assertThat(failed.getCompletionTime()).isNotNull();
    }

    @Test
    void crashLoopingSidecarIsReportedThenFailsTheSession() {
        KubernetesClient cluster = server.getClient();
        Sessions.stubResolve(credentialApi, "crashy", Map.of("github", "cred-gh-crash001", "google", "cred-goog-crash1"));
        Sessions.create(cluster, Sessions.session(NS, "crashy", "crashy"));
        Pod pod = awaitPod(cluster, "crashy");

        setPodStatus(cluster, pod, p -> PodStatuses.sidecarCrashLoop(p, Provider.GOOGLE.containerName(), 2));
        AgenticSessionStatus looping = awaitStatus(cluster, "crashy",
                s -> reasonOf(s, SessionConditions.SIDECARS_READY).equals(SessionConditions.REASON_SIDECAR_CRASH_LOOP));
        assertThat(looping.getPhase()).isEqualTo(SessionPhase.Pending);
        assertThat(looping.getSidecars()).filteredOn(sc -> sc.getProvider().equals("google"))
                .singleElement().satisfies(sc -> {
                    assertThat(sc.getReady()).isFalse();
                    assertThat(sc.getMessage()).contains("CrashLoopBackOff");
                });
        assertThat(looping.getSidecars()).filteredOn(sc -> sc.getProvider().equals("github"))
                .singleElement().satisfies(sc -> assertThat(sc.getReady()).isTrue());

        setPodStatus(cluster, pod, p -> PodStatuses.sidecarCrashLoop(p, Provider.GOOGLE.containerName(), 5));
        AgenticSessionStatus failed = awaitStatus(cluster, "crashy", s -> s.getPhase() == SessionPhase.Failed);
        assertCondition(failed, SessionConditions.READY, "False", SessionConditions.REASON_SIDECAR_CRASH_LOOP);
    }

    @Test
    void stopInTheSpecDeletesPodAndProofs() {
        KubernetesClient cluster = server.getClient();
        Sessions.stubResolve(credentialApi, "stop-spec", Map.of("jira", "cred-jira-stop01"));
        Sessions.create(cluster, Sessions.session(NS, "stop-spec", "stop-spec"));
        Pod pod = awaitPod(cluster, "stop-spec");
        setPodStatus(cluster, pod, PodStatuses::ready);
        awaitStatus(cluster, "stop-spec", s -> s.getPhase() == SessionPhase.Running);

        AgenticSession session = Sessions.fetch(cluster, NS, "stop-spec");
        session.getSpec().setStop(true);
        cluster.resource(session).update();

        AgenticSessionStatus stopped = awaitStatus(cluster, "stop-spec", s -> s.getPhase() == SessionPhase.Stopped);
        assertThat(stopped.getCompletionTime()).isNotNull();
        assertCondition(stopped, SessionConditions.READY, "False", SessionConditions.REASON_STOPPED);
        assertThat(stopped.getSidecars()).allSatisfy(sc -> assertThat(sc.getReady()).isFalse());
        await().atMost(WAIT).until(() -> Sessions.pod(cluster, NS, "stop-spec") == null
                && Sessions.proofs(cluster, NS, "stop-spec") == null);
    }

    @Test
    void stopAnnotationDeletesThePodOfAPendingSession() {
        KubernetesClient cluster = server.getClient();
        Sessions.stubResolve(credentialApi, "stop-note", Map.of("kubeconfig", "cred-k8s-stop001"));
        Sessions.create(cluster, Sessions.session(NS, "stop-note", "stop-note"));
        awaitPod(cluster, "stop-note");

        cluster.resources(AgenticSession.class).inNamespace(NS).withName("stop-note")
                .edit(s -> {
                    s.getMetadata().getAnnotations().put(AgenticSession.STOP_ANNOTATION, "true");
                    return s;
                });
        awaitStatus(cluster, "stop-note", s -> s.getPhase() == SessionPhase.Stopped);
        await().atMost(WAIT).until(() -> Sessions.pod(cluster, NS, "stop-note") == null
                && Sessions.proofs(cluster, NS, "stop-note") == null);
    }

    @Test
    void unsupportedProviderIsListedAndNeverReachesThePod() {
        KubernetesClient cluster = server.getClient();
        Sessions.stubResolve(credentialApi, "mixed", Map.of("github", "cred-gh-mixed001", "gitlab", "cred-gl-mixed001"));
        Sessions.create(cluster, Sessions.session(NS, "mixed", "mixed"));
        Pod pod = awaitPod(cluster, "mixed");

        AgenticSessionStatus status = awaitStatus(cluster, "mixed", s -> s.getPodName() != null);
        assertThat(status.getUnsupportedProviders()).containsExactly("gitlab");
        assertCondition(status, PlanCondition.PROVIDERS_SUPPORTED, "False", PlanCondition.REASON_UNSUPPORTED_PROVIDER);
        assertThat(pod.getSpec().getInitContainers()).extracting(c -> c.getName()).containsExactly("credential-github");
        assertThat(envOf(pod, SessionPodRenderer.RUNNER_CONTAINER).get(RunnerEnv.CREDENTIAL_MCP_URLS))
                .isEqualTo("{\"github\":\"http://localhost:8091/mcp\"}");
        assertThat(pod.toString()).doesNotContain("cred-gl-mixed001");
        assertThat(Sessions.proofs(cluster, NS, "mixed").getData()).containsOnlyKeys("github");
    }

    @Test
    void invalidSpecCreatesNothingUntilFixed() {
        KubernetesClient cluster = server.getClient();
        Sessions.stubResolve(credentialApi, "broken", Map.of("github", "cred-gh-broken01"));
        AgenticSession session = Sessions.session(NS, "broken", "broken");
        session.getSpec().getRunner().setImage(" ");
        Sessions.create(cluster, session);

        AgenticSessionStatus invalid = awaitStatus(cluster, "broken",
                s -> reasonOf(s, SessionConditions.SPEC_VALID).equals(SessionConditions.REASON_INVALID_SPEC));
        assertThat(Conditions.find(invalid.getConditions(), SessionConditions.SPEC_VALID).orElseThrow().getMessage())
                .contains("spec.runner.image");
        assertThat(Sessions.pod(cluster, NS, "broken")).isNull();
        assertThat(credentialApi.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*/projects/broken/.*")))).isEmpty();

        AgenticSession fix = Sessions.fetch(cluster, NS, "broken");
        fix.getSpec().getRunner().setImage("quay.io/ambient-code/runner:1.2.3");
        cluster.resource(fix).update();
        awaitPod(cluster, "broken");
        assertCondition(awaitStatus(cluster, "broken", s -> s.getPodName() != null), SessionConditions.SPEC_VALID, "True",
                SessionConditions.REASON_VALID);
    }

    @Test
    void reservedRunnerEnvNamesAreDroppedAndReported() {
        KubernetesClient cluster = server.getClient();
        Sessions.stubResolve(credentialApi, "sneaky", Map.of("github", "cred-gh-sneaky01"));
        AgenticSession session = Sessions.session(NS, "sneaky", "sneaky");
        session.getSpec().getRunner().setEnv(List.of(
                new RunnerEnvVar("AMBIENT_CP_TOKEN_URL", "http://evil.example/token"),
                new RunnerEnvVar("GITHUB_TOKEN", "ghp_notarealtokenbutlookslikeone0000"),
                new RunnerEnvVar("GIT_CONFIG_COUNT", "0"),
                new RunnerEnvVar("EDITOR", "vi")));
        Sessions.create(cluster, session);
        Pod pod = awaitPod(cluster, "sneaky");

        Map<String, String> env = envOf(pod, SessionPodRenderer.RUNNER_CONTAINER);
        assertThat(env).doesNotContainKeys("AMBIENT_CP_TOKEN_URL", "GITHUB_TOKEN").containsEntry("EDITOR", "vi")
                .containsEntry(RunnerEnv.GIT_CONFIG_COUNT, "1");
        AgenticSessionStatus status = awaitStatus(cluster, "sneaky", s -> s.getPodName() != null);
        assertCondition(status, PlanCondition.SPEC_ACCEPTED, "False", PlanCondition.REASON_ENTRIES_IGNORED);
        String message = Conditions.find(status.getConditions(), PlanCondition.SPEC_ACCEPTED).orElseThrow().getMessage();
        assertThat(message).contains("AMBIENT_CP_TOKEN_URL", "GITHUB_TOKEN", "GIT_CONFIG_COUNT")
                .doesNotContain("ghp_notarealtoken", "evil.example");
    }

    @Test
    void logsCarryNoSecretOfTheseSessions() {
        // Runs within this class's application lifetime; scans every line written so far for every secret produced.
        KubernetesClient cluster = server.getClient();
        Sessions.stubResolve(credentialApi, "leaky", Map.of("github", "cred-gh-leaky001", "google", "cred-goog-leaky1"));
        Sessions.create(cluster, Sessions.session(NS, "leaky", "leaky"));
        awaitPod(cluster, "leaky");
        awaitStatus(cluster, "leaky", s -> s.getPodName() != null);
        LogScan.assertNoneLogged(Leaks.secretsSeen(cluster, credentialApi, signingKey));
    }

    private static Pod awaitPod(KubernetesClient cluster, String name) {
        return await().atMost(WAIT).until(() -> Sessions.pod(cluster, NS, name), p -> p != null);
    }

    private static AgenticSessionStatus awaitStatus(KubernetesClient cluster, String name,
            Predicate<AgenticSessionStatus> condition) {
        return await().atMost(WAIT).until(() -> {
            AgenticSession s = Sessions.fetch(cluster, NS, name);
            return s == null ? null : s.getStatus();
        }, s -> s != null && condition.test(s));
    }

    private static void setPodStatus(KubernetesClient cluster, Pod pod, Function<Pod, PodStatus> status) {
        Pod current = Sessions.pod(cluster, pod.getMetadata().getNamespace(), pod.getMetadata().getName());
        current.setStatus(status.apply(current));
        cluster.pods().resource(current).updateStatus();
    }

    private static String reasonOf(AgenticSessionStatus status, String type) {
        return Conditions.find(status.getConditions(), type).map(Condition::getReason).orElse("");
    }

    private static void assertCondition(AgenticSessionStatus status, String type, String value, String reason) {
        Condition c = Conditions.find(status.getConditions(), type).orElseThrow(() -> new AssertionError("no " + type));
        assertThat(c.getStatus()).as(type).isEqualTo(value);
        assertThat(c.getReason()).as(type + " reason").isEqualTo(reason);
    }

    static Map<String, String> envOf(Pod pod, String container) {
        return pod.getSpec().getContainers().stream().filter(c -> c.getName().equals(container)).findFirst().orElseThrow()
                .getEnv().stream().collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
