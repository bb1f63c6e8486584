package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.contracts.session.SidecarStatus;
import io.ambientcode.controlplane.plan.PlanCondition;
import io.ambientcode.controlplane.plan.SidecarPlan;
import io.ambientcode.controlplane.status.Conditions;
import io.ambientcode.controlplane.status.SessionConditions;
import io.ambientcode.controlplane.status.SessionStatuses;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Pure status transitions of a local session: the same phases, fields and condition types as the pod path
 * ({@link SessionStatuses}, which this reuses for everything that is not about the pod), with the sidecar processes in
 * place of the pod. Pending → Running once every sidecar answers its readiness probe; {@code status.sidecars[].port} is
 * the loopback port the sidecar really listens on; a sidecar that keeps crashing fails the session; Stopped on request.
 * There is no runner process (the user's own agent is the runner), so nothing ends a session but a stop, a crash loop
 * or its timeout.
 */
public final class LocalSessionStatuses {

    private LocalSessionStatuses() {
    }

    /** The spec cannot be acted on; nothing starts until it changes. */
    public static AgenticSessionStatus invalidSpec(AgenticSessionStatus current, List<String> problems, Long generation,
            Instant now) {
        return notStarted(SessionStatuses.invalidSpec(current, problems, generation, now),
                "no sidecar until the spec is valid", generation, now);
    }

    /** Credentials are not resolved (the credential API is down or refused); no sidecar starts. */
    public static AgenticSessionStatus credentialsUnresolved(AgenticSessionStatus current, String reason, String message,
            Long generation, Instant now) {
        return notStarted(SessionStatuses.credentialsUnresolved(current, reason, message, generation, now),
                "no sidecar until credentials are resolved", generation, now);
    }

    /** The token server's exchange key is not available yet; sidecars would be configured without it. */
    public static AgenticSessionStatus tokenServerUnavailable(AgenticSessionStatus current, String message, Long generation,
            Instant now) {
        AgenticSessionStatus s = SessionStatuses.copy(current);
        if (s.getPhase() == null) {
            s.setPhase(SessionPhase.Pending);
        }
        s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, false,
                SessionConditions.REASON_TOKEN_SERVER_UNAVAILABLE, message + "; retrying", generation, now));
        return s;
    }

    /**
     * What the plan decided, as in the pod path; a provider whose jar is missing is reported under the same condition
     * and reason as a missing image, with the paths that were looked at.
     */
    public static AgenticSessionStatus planned(AgenticSessionStatus current, SidecarPlan plan, Map<String, String> missingJars,
            Long generation, Instant now) {
        AgenticSessionStatus s = SessionStatuses.planned(current, plan, generation, now);
        if (!missingJars.isEmpty()) {
            PlanCondition configured = plan.conditions().stream()
                    .filter(c -> PlanCondition.SIDECARS_CONFIGURED.equals(c.type())).findFirst().orElseThrow();
            if (PlanCondition.REASON_SIDECAR_IMAGE_MISSING.equals(configured.reason())) {
                StringBuilder message = new StringBuilder("no sidecar jar for: ");
                missingJars.forEach((provider, where) -> message.append(provider).append(" (").append(where).append("), "));
                message.setLength(message.length() - 2);
                message.append("; the session runs without ").append(missingJars.size() == 1 ? "it" : "them");
                s.setConditions(Conditions.set(s.getConditions(), configured.type(), false, configured.reason(),
                        message.toString(), generation, now));
            }
        }
        return s;
    }

    /**
     * What the sidecar processes say: per-sidecar readiness and port, SidecarsReady, and the phase (Running once all
     * are ready; Failed when one was given up on after too many restarts).
     */
    public static AgenticSessionStatus observed(AgenticSessionStatus current, List<SidecarProcess.Observation> sidecars,
            int restartLimit, Long generation, Instant now) {
        AgenticSessionStatus s = SessionStatuses.copy(current);
        s.setObservedGeneration(generation);
        if (s.getPhase() != null && s.getPhase().isTerminal()) {
            return s;
        }
        s.setSidecars(sidecars.isEmpty() ? null : sidecars.stream()
                .map(o -> new SidecarStatus(o.provider().id(), o.provider().containerName(), o.port(), o.ready(), o.message()))
                .toList());
        s.setConditions(sidecarsReady(s, sidecars, restartLimit, generation, now));

        SidecarProcess.Observation gaveUp = sidecars.stream().filter(o -> o.state() == SidecarProcess.State.GAVE_UP)
                .findFirst().orElse(null);
        if (gaveUp != null) {
            s.setPhase(SessionPhase.Failed);
            s.setCompletionTime(timestamp(s.getCompletionTime(), now));
            s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, false,
                    SessionConditions.REASON_SIDECAR_CRASH_LOOP, gaveUp.provider().containerName() + " kept crashing ("
                            + gaveUp.restarts() + " restarts); the session cannot start without it",
                    generation, now));
        } else if (sidecars.stream().allMatch(SidecarProcess.Observation::ready)) {
            s.setPhase(SessionPhase.Running);
            s.setStartTime(timestamp(s.getStartTime(), now));
            s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, true,
                    SessionConditions.REASON_SIDECARS_RUNNING, sidecars.isEmpty()
                            ? "running without credential sidecars"
                            : "credential sidecars running as local processes on 127.0.0.1",
                    generation, now));
        } else {
            // A Running session whose sidecar restarts stays Running; the conditions tell.
            s.setPhase(s.getPhase() == SessionPhase.Running ? SessionPhase.Running : SessionPhase.Pending);
            s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, false,
                    SessionConditions.REASON_SIDECARS_NOT_READY, "waiting for: " + String.join(", ", sidecars.stream()
                            .filter(o -> !o.ready()).map(o -> o.provider().containerName()).toList()),
                    generation, now));
        }
        return s;
    }

    /** Stopped on request: the sidecar processes are gone, tokens can no longer be minted. */
    public static AgenticSessionStatus stopped(AgenticSessionStatus current, Long generation, Instant now) {
        AgenticSessionStatus s = SessionStatuses.stopped(current, generation, now);
        s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, false, SessionConditions.REASON_STOPPED,
                "stopped on request; its sidecar processes were stopped", generation, now));
        return s;
    }

    /** {@code spec.timeout} passed: the session fails and its sidecars are stopped. */
    public static AgenticSessionStatus deadlineExceeded(AgenticSessionStatus current, long seconds, Long generation,
            Instant now) {
        AgenticSessionStatus s = SessionStatuses.copy(current);
        s.setPhase(SessionPhase.Failed);
        s.setCompletionTime(timestamp(s.getCompletionTime(), now));
        if (s.getSidecars() != null) {
            s.setSidecars(s.getSidecars().stream()
                    .map(sc -> new SidecarStatus(sc.getProvider(), sc.getContainer(), sc.getPort(), false, "stopped"))
                    .toList());
        }
        s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, false,
                SessionConditions.REASON_DEADLINE_EXCEEDED, "the session's timeout of " + seconds + "s passed",
                generation, now));
        s.setObservedGeneration(generation);
        return s;
    }

    private static AgenticSessionStatus notStarted(AgenticSessionStatus s, String message, Long generation, Instant now) {
        s.setConditions(Conditions.set(s.getConditions(), SessionConditions.READY, false,
                SessionConditions.REASON_SIDECARS_NOT_STARTED, message, generation, now));
        return s;
    }

    private static List<io.fabric8.kubernetes.api.model.Condition> sidecarsReady(AgenticSessionStatus s,
            List<SidecarProcess.Observation> sidecars, int restartLimit, Long generation, Instant now) {
        if (sidecars.isEmpty()) {
            return Conditions.set(s.getConditions(), SessionConditions.SIDECARS_READY, true,
                    SessionConditions.REASON_NO_SIDECARS, "the session has no credential sidecar", generation, now);
        }
        List<String> crashing = sidecars.stream()
                .filter(o -> o.state() == SidecarProcess.State.BACKOFF || o.state() == SidecarProcess.State.GAVE_UP)
                .map(o -> o.provider().containerName() + " (" + o.restarts() + " restarts)").toList();
        if (!crashing.isEmpty()) {
            return Conditions.set(s.getConditions(), SessionConditions.SIDECARS_READY, false,
                    SessionConditions.REASON_SIDECAR_CRASH_LOOP, "crash-looping: " + String.join(", ", crashing)
                            + "; the session fails after " + restartLimit + " restarts",
                    generation, now);
        }
        List<String> notReady = sidecars.stream().filter(o -> !o.ready()).map(o -> o.provider().containerName()).toList();
        if (notReady.isEmpty()) {
            return Conditions.set(s.getConditions(), SessionConditions.SIDECARS_READY, true,
                    SessionConditions.REASON_ALL_SIDECARS_READY, "every credential sidecar loaded its credential",
                    generation, now);
        }
        return Conditions.set(s.getConditions(), SessionConditions.SIDECARS_READY, false,
                SessionConditions.REASON_SIDECARS_STARTING, "waiting for: " + String.join(", ", notReady), generation, now);
    }

    private static String timestamp(String existing, Instant now) {
        return existing != null ? existing : now.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
