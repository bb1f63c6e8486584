package io.ambientcode.controlplane.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.controlplane.support.PodStatuses;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The phase and condition rules, on pods built by hand. */
class SessionStatusesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T10:05:00Z");

    private static Pod pod() {
        return new PodBuilder()
                .withNewMetadata().withName("demo").withNamespace("ns").endMetadata()
                .withNewSpec()
                .withInitContainers(
                        new ContainerBuilder().withName("credential-github").withRestartPolicy("Always").build(),
                        new ContainerBuilder().withName("credential-jira").withRestartPolicy("Always").build())
                .withContainers(new ContainerBuilder().withName("runner").build())
                .endSpec()
                .build();
    }

    private static Pod with(Pod pod, io.fabric8.kubernetes.api.model.PodStatus status) {
        Pod copy = new PodBuilder(pod).build();
        copy.setStatus(status);
        return copy;
    }

    private static AgenticSessionStatus resolved() {
        return SessionStatuses.credentialsResolved(new AgenticSessionStatus(), Map.of("github", "cred-gh-000001"),
                "1 credential", 1L, T0);
    }

    private static Condition condition(AgenticSessionStatus s, String type) {
        return Conditions.find(s.getConditions(), type).orElseThrow();
    }

    @Test
    void podWithoutStatusIsPendingWithSidecarsWaiting() {
        AgenticSessionStatus s = SessionStatuses.observed(resolved(), pod(), 5, 1L, T0);
        assertThat(s.getPhase()).isEqualTo(SessionPhase.Pending);
        assertThat(s.getPodName()).isEqualTo("demo");
        assertThat(s.getSidecars()).extracting("provider", "port", "ready")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("github", 8091, false),
                        org.assertj.core.groups.Tuple.tuple("jira", 8092, false));
        assertThat(condition(s, SessionConditions.SIDECARS_READY).getReason()).isEqualTo(SessionConditions.REASON_SIDECARS_STARTING);
        assertThat(condition(s, SessionConditions.READY).getStatus()).isEqualTo("False");
    }

    @Test
    void readyPodIsRunningAndStartTimeIsKept() {
        AgenticSessionStatus running = SessionStatuses.observed(resolved(), with(pod(), PodStatuses.ready(pod())), 5, 1L, T0);
        assertThat(running.getPhase()).isEqualTo(SessionPhase.Running);
        assertThat(running.getStartTime()).isEqualTo("2026-01-01T10:00:00Z");
        Condition ready = condition(running, SessionConditions.READY);
        assertThat(ready.getStatus()).isEqualTo("True");

        // Later, unready again (a sidecar restarting): still Running, the condition flips, start time unchanged.
        AgenticSessionStatus later = SessionStatuses.observed(running, with(pod(), PodStatuses.starting(pod())), 5, 1L, T1);
        assertThat(later.getPhase()).isEqualTo(SessionPhase.Running);
        assertThat(later.getStartTime()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(condition(later, SessionConditions.READY).getStatus()).isEqualTo("False");
        assertThat(condition(later, SessionConditions.READY).getLastTransitionTime()).isEqualTo("2026-01-01T10:05:00Z");
    }

    @Test
    void unchangedConditionKeepsItsTransitionTime() {
        AgenticSessionStatus first = SessionStatuses.observed(resolved(), with(pod(), PodStatuses.ready(pod())), 5, 1L, T0);
        AgenticSessionStatus second = SessionStatuses.observed(first, with(pod(), PodStatuses.ready(pod())), 5, 2L, T1);
        assertThat(condition(second, SessionConditions.READY).getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(condition(second, SessionConditions.READY).getObservedGeneration()).isEqualTo(2L);
        assertThat(second.getObservedGeneration()).isEqualTo(2L);
    }

    @Test
    void runnerExitDecidesSucceededOrFailedAndTerminalPhasesStick() {
        AgenticSessionStatus ok = SessionStatuses.observed(resolved(), with(pod(), PodStatuses.runnerExited(pod(), 0)), 5, 1L, T1);
        assertThat(ok.getPhase()).isEqualTo(SessionPhase.Succeeded);
        assertThat(ok.getCompletionTime()).isEqualTo("2026-01-01T10:05:00Z");
        assertThat(condition(ok, SessionConditions.READY).getReason()).isEqualTo(SessionConditions.REASON_RUNNER_SUCCEEDED);

        AgenticSessionStatus failed = SessionStatuses.observed(resolved(), with(pod(), PodStatuses.runnerExited(pod(), 137)), 5, 1L, T1);
        assertThat(failed.getPhase()).isEqualTo(SessionPhase.Failed);
        assertThat(condition(failed, SessionConditions.READY).getMessage()).contains("137");

        AgenticSessionStatus still = SessionStatuses.observed(failed, with(pod(), PodStatuses.ready(pod())), 5, 1L, T1);
        assertThat(still.getPhase()).isEqualTo(SessionPhase.Failed);
    }

    @Test
    void crashLoopBelowTheLimitWaitsAtTheLimitFails() {
        AgenticSessionStatus below = SessionStatuses.observed(resolved(),
                with(pod(), PodStatuses.sidecarCrashLoop(pod(), "credential-jira", 4)), 5, 1L, T0);
        assertThat(below.getPhase()).isEqualTo(SessionPhase.Pending);
        assertThat(condition(below, SessionConditions.SIDECARS_READY).getReason())
                .isEqualTo(SessionConditions.REASON_SIDECAR_CRASH_LOOP);
        assertThat(below.getSidecars().get(1).getMessage()).isEqualTo("CrashLoopBackOff (4 restarts)");

        AgenticSessionStatus at = SessionStatuses.observed(resolved(),
                with(pod(), PodStatuses.sidecarCrashLoop(pod(), "credential-jira", 5)), 5, 1L, T0);
        assertThat(at.getPhase()).isEqualTo(SessionPhase.Failed);
        assertThat(condition(at, SessionConditions.READY).getReason()).isEqualTo(SessionConditions.REASON_SIDECAR_CRASH_LOOP);
    }

    @Test
    void podFailureWithoutRunnerExitUsesThePodReason() {
        Pod pod = with(pod(), new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Failed")
                .withReason("DeadlineExceeded").build());
        AgenticSessionStatus s = SessionStatuses.observed(resolved(), pod, 5, 1L, T0);
        assertThat(s.getPhase()).isEqualTo(SessionPhase.Failed);
        assertThat(condition(s, SessionConditions.READY).getMessage()).contains("DeadlineExceeded");
    }

    @Test
    void stopLostAndUnresolvedTransitions() {
        AgenticSessionStatus running = SessionStatuses.observed(resolved(), with(pod(), PodStatuses.ready(pod())), 5, 1L, T0);
        AgenticSessionStatus stopped = SessionStatuses.stopped(running, 1L, T1);
        assertThat(stopped.getPhase()).isEqualTo(SessionPhase.Stopped);
        assertThat(stopped.getSidecars()).allSatisfy(sc -> assertThat(sc.getReady()).isFalse());
        assertThat(SessionPhase.isLive(stopped.getPhase())).isFalse();

        AgenticSessionStatus lost = SessionStatuses.podLost(running, 1L, T1);
        assertThat(lost.getPhase()).isEqualTo(SessionPhase.Failed);
        assertThat(condition(lost, SessionConditions.READY).getReason()).isEqualTo(SessionConditions.REASON_POD_LOST);

        AgenticSessionStatus unresolved = SessionStatuses.credentialsUnresolved(resolved(),
                SessionConditions.REASON_API_FORBIDDEN, "403", 2L, T1);
        assertThat(unresolved.getCredentials()).isNull();
        assertThat(unresolved.getPhase()).isEqualTo(SessionPhase.Pending);
        assertThat(condition(unresolved, SessionConditions.CREDENTIALS_RESOLVED).getStatus()).isEqualTo("False");
    }

    @Test
    void conditionsAreKeptInOneOrder() {
        AgenticSessionStatus s = SessionStatuses.observed(resolved(), pod(), 5, 1L, T0);
        s = SessionStatuses.validSpec(s, 1L, T0);
        assertThat(s.getConditions()).extracting(Condition::getType).containsExactly(SessionConditions.SPEC_VALID,
                SessionConditions.CREDENTIALS_RESOLVED, SessionConditions.SIDECARS_READY, SessionConditions.READY);
    }
}
