package io.ambientcode.controlplane.status;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.contracts.session.SidecarStatus;
import io.ambientcode.controlplane.kubernetes.SessionPodRenderer;
import io.ambientcode.controlplane.plan.PlanCondition;
import io.ambientcode.controlplane.plan.SidecarPlan;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Pure status transitions of a session. Each takes the current status and returns a new one; none talks to the
 * API server. Phases only move forward: Pending → Running → Succeeded/Failed, or Stopped on request, and a terminal
 * phase is never left.
 */
public final class SessionStatuses {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Set<String> IMAGE_PULL_FAILURES = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName");
    private static final String CRASH_LOOP = "CrashLoopBackOff";

    private SessionStatuses() {
    }

    public static AgenticSessionStatus copy(AgenticSessionStatus status) {
        return status == null ? new AgenticSessionStatus() : SERIALIZATION.clone(status);
    }

    /** The spec cannot be acted on; nothing is created until it changes. */
    public static AgenticSessionStatus invalidSpec(AgenticSessionStatus current, List<String> problems, Long generation,
            Instant now) {
        AgenticSessionStatus s = pending(current);
        s.setConditions(Conditions.set(s.getConditions(), SessionConditions.SPEC_VALID, false,
                SessionConditions.REASON_INVALID_SPEC, String.join("; ", problems), generation, now));
        s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, false,
                SessionConditions.REASON_POD_NOT_CREATED, "no pod until the spec is valid", generation, now));
        s.setObservedGeneration(generation);
        return s;
    }

    /** The spec passed validation. */
    public static AgenticSessionStatus validSpec(AgenticSessionStatus current, Long generation, Instant now) {
        AgenticSessionStatus s = copy(current);
        s.setConditions(Conditions.set(s.getConditions(), SessionConditions.SPEC_VALID, true,
                SessionConditions.REASON_VALID, "spec is valid", generation, now));
        return s;
    }

    /**
     * Credentials are known. Written (and stored) before the pod is created: the token server reads
     * {@code status.credentials} to scope the session tokens it mints.
     */
    public static AgenticSessionStatus credentialsResolved(AgenticSessionStatus current, Map<String, String> credentials,
            String message, Long generation, Instant now) {
        AgenticSessionStatus s = pending(current);
        s.setCredentials(credentials);
        s.setConditions(Conditions.set(s.getConditions(), SessionConditions.CREDENTIALS_RESOLVED, true,
                SessionConditions.REASON_RESOLVED, message, generation, now));
        s.setObservedGeneration(generation);
        return s;
    }

    /** Credentials could not be resolved (API down, refused, or an invalid reply): no pod is created. */
    public static AgenticSessionStatus credentialsUnresolved(AgenticSessionStatus current, String reason, String message,
            Long generation, Instant now) {
        AgenticSessionStatus s = pending(current);
        s.setCredentials(null);
        s.setConditions(Conditions.set(s.getConditions(), SessionConditions.CREDENTIALS_RESOLVED, false, reason, message,
                generation, now));
        s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, false,
                SessionConditions.REASON_POD_NOT_CREATED, "no pod until credentials are resolved", generation, now));
        s.setObservedGeneration(generation);
        return s;
    }

    /** What the plan decided: unsupported providers and the plan's own conditions. */
    public static AgenticSessionStatus planned(AgenticSessionStatus current, SidecarPlan plan, Long generation, Instant now) {
        AgenticSessionStatus s = pending(current);
        s.setUnsupportedProviders(plan.unsupportedProviders().isEmpty() ? null : plan.unsupportedProviders());
        for (PlanCondition c : plan.conditions()) {
            s.setConditions(Conditions.set(s.getConditions(), c.type(), c.status(), c.reason(), c.message(), generation, now));
        }
        return s;
    }

    /** The session was stopped on request: its pod and proofs are gone, tokens can no longer be minted. */
    public static AgenticSessionStatus stopped(AgenticSessionStatus current, Long generation, Instant now) {
        AgenticSessionStatus s = copy(current);
        s.setPhase(SessionPhase.Stopped);
        s.setCompletionTime(timestamp(s.getCompletionTime(), now));
        if (s.getSidecars() != null) {
            s.setSidecars(s.getSidecars().stream()
                    .map(sc -> new SidecarStatus(sc.getProvider(), sc.getContainer(), sc.getPort(), false, "stopped"))
                    .toList());
        }
        s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, false, SessionConditions.REASON_STOPPED,
                "stopped on request; the pod was deleted", generation, now));
        s.setObservedGeneration(generation);
        return s;
    }

    /** The pod of a started session disappeared; the session is not restarted behind the user's back. */
    public static AgenticSessionStatus podLost(AgenticSessionStatus current, Long generation, Instant now) {
        AgenticSessionStatus s = copy(current);
        s.setPhase(SessionPhase.Failed);
        s.setCompletionTime(timestamp(s.getCompletionTime(), now));
        s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, false, SessionConditions.REASON_POD_LOST,
                "pod " + s.getPodName() + " was deleted outside the control plane", generation, now));
        s.setObservedGeneration(generation);
        return s;
    }

    /** Only the generation moved (e.g. the spec of a running or ended session changed; pods are immutable). */
    public static AgenticSessionStatus observedGeneration(AgenticSessionStatus current, Long generation) {
        AgenticSessionStatus s = copy(current);
        s.setObservedGeneration(generation);
        return s;
    }

    /**
     * What the pod says: per-sidecar readiness, the phase (Running once the pod is Ready; Succeeded/Failed from the
     * runner's exit, the pod's failure, or a sidecar that keeps crashing) and the Ready/SidecarsReady conditions.
     */
    public static AgenticSessionStatus observed(AgenticSessionStatus current, Pod pod, int crashLoopRestartLimit,
            Long generation, Instant now) {
        AgenticSessionStatus s = copy(current);
        s.setPodName(pod.getMetadata().getName());
        s.setObservedGeneration(generation);
        if (s.getPhase() != null && s.getPhase().isTerminal()) {
            return s;
        }
        List<Observed> sidecars = sidecars(pod);
        s.setSidecars(sidecars.isEmpty() ? null : sidecars.stream().map(Observed::status).toList());
        s.setConditions(sidecarsReady(s, sidecars, crashLoopRestartLimit, generation, now));

        Optional<Ending> ending = ending(pod, sidecars, crashLoopRestartLimit);
        if (ending.isPresent()) {
            s.setPhase(ending.get().succeeded() ? SessionPhase.Succeeded : SessionPhase.Failed);
            s.setCompletionTime(timestamp(s.getCompletionTime(), now));
            s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, false, ending.get().reason(),
                    ending.get().message(), generation, now));
        } else if (isReady(pod)) {
            s.setPhase(SessionPhase.Running);
            s.setStartTime(timestamp(s.getStartTime(), now));
            s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, true,
                    SessionConditions.REASON_POD_READY, "runner running with its credential sidecars", generation, now));
        } else {
            // A Running session whose pod turns unready stays Running; the conditions tell.
            s.setPhase(s.getPhase() == SessionPhase.Running ? SessionPhase.Running : SessionPhase.Pending);
            s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, false,
                    SessionConditions.REASON_POD_NOT_READY, notReadyMessage(pod), generation, now));
        }
        return s;
    }

    private static AgenticSessionStatus pending(AgenticSessionStatus current) {
        AgenticSessionStatus s = copy(current);
        if (s.getPhase() == null) {
            s.setPhase(SessionPhase.Pending);
        }
        return s;
    }

    private record Observed(SidecarStatus status, ContainerStatus container) {
        String waitingReason() {
            return container == null || container.getState() == null || container.getState().getWaiting() == null ? null
                    : container.getState().getWaiting().getReason();
        }

        int restarts() {
            return container == null || container.getRestartCount() == null ? 0 : container.getRestartCount();
        }
    }

    private record Ending(boolean succeeded, String reason, String message) {
    }

    /** Credential sidecars of the pod as it was created (not as today's configuration would plan it). */
    private static List<Observed> sidecars(Pod pod) {
        List<Observed> result = new ArrayList<>();
        if (pod.getSpec() == null || pod.getSpec().getInitContainers() == null) {
            return result;
        }
        for (Container c : pod.getSpec().getInitContainers()) {
            Optional<Provider> provider = providerOf(c);
            if (provider.isEmpty()) {
                continue;
            }
            ContainerStatus cs = status(pod.getStatus() == null ? null : pod.getStatus().getInitContainerStatuses(), c.getName());
            boolean ready = cs != null && Boolean.TRUE.equals(cs.getReady());
            result.add(new Observed(new SidecarStatus(provider.get().id(), c.getName(), provider.get().port(), ready,
                    describe(cs, ready)), cs));
        }
        return result;
    }

    private static Optional<Provider> providerOf(Container c) {
        if (!"Always".equals(c.getRestartPolicy())) {
            return Optional.empty();
        }
        for (Provider p : Provider.values()) {
            if (p.containerName().equals(c.getName())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String describe(ContainerStatus cs, boolean ready) {
        if (cs == null || cs.getState() == null) {
            return "waiting for the pod to start";
        }
        String restarts = cs.getRestartCount() == null || cs.getRestartCount() == 0 ? ""
                : " (" + cs.getRestartCount() + " restart" + (cs.getRestartCount() == 1 ? "" : "s") + ")";
        if (ready) {
            return "ready" + restarts;
        }
        ContainerStateWaiting waiting = cs.getState().getWaiting();
        if (waiting != null) {
            return (waiting.getReason() == null ? "waiting" : waiting.getReason()) + restarts;
        }
        ContainerStateTerminated terminated = cs.getState().getTerminated();
        if (terminated != null) {
            return "terminated" + (terminated.getReason() == null ? "" : ": " + terminated.getReason()) + " (exit "
                    + terminated.getExitCode() + ")" + restarts;
        }
        return "starting: credential not loaded yet" + restarts;
    }

    private static List<io.fabric8.kubernetes.api.model.Condition> sidecarsReady(AgenticSessionStatus s,
            List<Observed> sidecars, int crashLoopRestartLimit, Long generation, Instant now) {
        if (sidecars.isEmpty()) {
            return Conditions.set(s.getConditions(), SessionConditions.SIDECARS_READY, true,
                    SessionConditions.REASON_NO_SIDECARS, "the session has no credential sidecar", generation, now);
        }
        List<String> crashing = sidecars.stream().filter(o -> CRASH_LOOP.equals(o.waitingReason()))
                .map(o -> o.status().getContainer() + " (" + o.restarts() + " restarts)").toList();
        if (!crashing.isEmpty()) {
            return Conditions.set(s.getConditions(), SessionConditions.SIDECARS_READY, false,
                    SessionConditions.REASON_SIDECAR_CRASH_LOOP, "crash-looping: " + String.join(", ", crashing)
                            + "; the session fails after " + crashLoopRestartLimit + " restarts",
                    generation, now);
        }
        List<String> pullFailures = sidecars.stream().filter(o -> o.waitingReason() != null && IMAGE_PULL_FAILURES.contains(o.waitingReason()))
                .map(o -> o.status().getContainer() + ": " + o.waitingReason()).toList();
        if (!pullFailures.isEmpty()) {
            return Conditions.set(s.getConditions(), SessionConditions.SIDECARS_READY, false,
                    SessionConditions.REASON_SIDECAR_IMAGE_PULL, String.join(", ", pullFailures), generation, now);
        }
        List<String> notReady = sidecars.stream().filter(o -> !o.status().getReady()).map(o -> o.status().getContainer())
                .toList();
        if (notReady.isEmpty()) {
            return Conditions.set(s.getConditions(), SessionConditions.SIDECARS_READY, true,
                    SessionConditions.REASON_ALL_SIDECARS_READY, "every credential sidecar loaded its credential", generation,
                    now);
        }
        return Conditions.set(s.getConditions(), SessionConditions.SIDECARS_READY, false,
                SessionConditions.REASON_SIDECARS_STARTING, "waiting for: " + String.join(", ", notReady), generation, now);
    }

    private static Optional<Ending> ending(Pod pod, List<Observed> sidecars, int crashLoopRestartLimit) {
        ContainerStatus runner = status(pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses(),
                SessionPodRenderer.RUNNER_CONTAINER);
        ContainerStateTerminated exited = runner == null || runner.getState() == null ? null : runner.getState().getTerminated();
        if (exited != null) {
            int code = exited.getExitCode() == null ? -1 : exited.getExitCode();
            if (code == 0) {
                return Optional.of(new Ending(true, SessionConditions.REASON_RUNNER_SUCCEEDED, "runner exited with code 0"));
            }
            return Optional.of(new Ending(false, SessionConditions.REASON_RUNNER_FAILED, "runner exited with code " + code
                    + (exited.getReason() == null ? "" : " (" + exited.getReason() + ")")));
        }
        String podPhase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Succeeded".equals(podPhase)) {
            return Optional.of(new Ending(true, SessionConditions.REASON_RUNNER_SUCCEEDED, "pod succeeded"));
        }
        if ("Failed".equals(podPhase)) {
            String reason = pod.getStatus().getReason();
            return Optional.of(new Ending(false, SessionConditions.REASON_POD_FAILED,
                    "pod failed" + (reason == null ? "" : ": " + reason)));
        }
        return sidecars.stream()
                .filter(o -> CRASH_LOOP.equals(o.waitingReason()) && o.restarts() >= crashLoopRestartLimit)
                .findFirst()
                .map(o -> new Ending(false, SessionConditions.REASON_SIDECAR_CRASH_LOOP, o.status().getContainer()
                        + " kept crashing (" + o.restarts() + " restarts); the session cannot start without it"));
    }

    private static boolean isReady(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return false;
        }
        for (PodCondition c : pod.getStatus().getConditions()) {
            if ("Ready".equals(c.getType()) && "True".equals(c.getStatus())) {
                return true;
            }
        }
        return false;
    }

    private static String notReadyMessage(Pod pod) {
        String podPhase = pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
        ContainerStatus runner = status(pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses(),
                SessionPodRenderer.RUNNER_CONTAINER);
        String waiting = runner == null || runner.getState() == null || runner.getState().getWaiting() == null ? null
                : runner.getState().getWaiting().getReason();
        return "pod " + podPhase + (waiting == null ? "" : "; runner " + waiting);
    }

    private static ContainerStatus status(List<ContainerStatus> statuses, String name) {
        if (statuses == null) {
            return null;
        }
        return statuses.stream().filter(cs -> Objects.equals(name, cs.getName())).findFirst().orElse(null);
    }

    private static String timestamp(String existing, Instant now) {
        return existing != null ? existing : now.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
