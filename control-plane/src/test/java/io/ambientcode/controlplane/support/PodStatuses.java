package io.ambientcode.controlplane.support;

import io.ambientcode.controlplane.kubernetes.SessionPodRenderer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.List;

/** What the kubelet would report about a session pod, for simulating its life in the mock API server. */
public final class PodStatuses {

    private PodStatuses() {
    }

    /** Scheduled; sidecars started but not ready yet, the runner waits for them. */
    public static PodStatus starting(Pod pod) {
        return new PodStatusBuilder()
                .withPhase("Pending")
                .withConditions(condition("Ready", false))
                .withInitContainerStatuses(sidecars(pod, false, 0, null))
                .withContainerStatuses(waiting(SessionPodRenderer.RUNNER_CONTAINER, "PodInitializing", 0))
                .build();
    }

    /** Every sidecar ready, the runner running: the pod is Ready. */
    public static PodStatus ready(Pod pod) {
        return new PodStatusBuilder()
                .withPhase("Running")
                .withConditions(condition("Ready", true))
                .withInitContainerStatuses(sidecars(pod, true, 0, null))
                .withContainerStatuses(running(SessionPodRenderer.RUNNER_CONTAINER, true))
                .build();
    }

    /** The runner exited; the kubelet then stops the sidecars and the pod ends. */
    public static PodStatus runnerExited(Pod pod, int exitCode) {
        return new PodStatusBuilder()
                .withPhase(exitCode == 0 ? "Succeeded" : "Failed")
                .withConditions(condition("Ready", false))
                .withInitContainerStatuses(sidecars(pod, false, 0, null))
                .withContainerStatuses(new ContainerStatusBuilder()
                        .withName(SessionPodRenderer.RUNNER_CONTAINER)
                        .withReady(false)
                        .withRestartCount(0)
                        .withNewState().withNewTerminated().withExitCode(exitCode)
                        .withReason(exitCode == 0 ? "Completed" : "Error").endTerminated().endState()
                        .build())
                .build();
    }

    /** One sidecar keeps crashing; the others are ready; the runner never started. */
    public static PodStatus sidecarCrashLoop(Pod pod, String container, int restarts) {
        List<ContainerStatus> init = pod.getSpec().getInitContainers().stream()
                .map(c -> c.getName().equals(container) ? waiting(c.getName(), "CrashLoopBackOff", restarts)
                        : running(c.getName(), true))
                .toList();
        return new PodStatusBuilder()
                .withPhase("Pending")
                .withConditions(condition("Ready", false))
                .withInitContainerStatuses(init)
                .withContainerStatuses(waiting(SessionPodRenderer.RUNNER_CONTAINER, "PodInitializing", 0))
                .build();
    }

    private static List<ContainerStatus> sidecars(Pod pod, boolean ready, int restarts, String waitingReason) {
        return pod.getSpec().getInitContainers().stream()
                .map(Container::getName)
                .map(name -> waitingReason != null ? waiting(name, waitingReason, restarts) : running(name, ready))
                .toList();
    }

    private static ContainerStatus running(String name, boolean ready) {
        return new ContainerStatusBuilder().withName(name).withReady(ready).withStarted(true).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt("2026-01-01T00:00:00Z").endRunning().endState()
                .build();
    }

    private static ContainerStatus waiting(String name, String reason, int restarts) {
        return new ContainerStatusBuilder().withName(name).withReady(false).withRestartCount(restarts)
                .withNewState().withNewWaiting().withReason(reason).endWaiting().endState()
                .build();
    }

    private static io.fabric8.kubernetes.api.model.PodCondition condition(String type, boolean status) {
        return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False").build();
    }
}
