package io.ambientcode.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.controlplane.status.Conditions;
import io.ambientcode.controlplane.status.SessionConditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local status transitions, pure: the pod path's phases and conditions with processes in place of the pod. */
class LocalSessionStatusesTest {

    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    static SidecarProcess.Observation github(SidecarProcess.State state, int restarts) {
        return new SidecarProcess.Observation(Provider.GITHUB, 40123, state == SidecarProcess.State.READY, state, restarts,
                "m");
    }

    static AgenticSessionStatus pending() {
        AgenticSessionStatus s = new AgenticSessionStatus();
        s.setPhase(SessionPhase.Pending);
        return s;
    }

    static Condition ready(AgenticSessionStatus s) {
        return Conditions.find(s.getConditions(), SessionConditions.READY).orElseThrow();
    }

    @Test
    void pendingUntilEverySidecarIsReadyThenRunning() {
        AgenticSessionStatus starting = LocalSessionStatuses.observed(pending(),
                List.of(github(SidecarProcess.State.STARTING, 0)), 5, 1L, T0);
        assertThat(starting.getPhase()).isEqualTo(SessionPhase.Pending);
        assertThat(starting.getSidecars().get(0).getPort()).isEqualTo(40123);
        assertThat(ready(starting).getReason()).isEqualTo(SessionConditions.REASON_SIDECARS_NOT_READY);
        assertThat(Conditions.find(starting.getConditions(), SessionConditions.SIDECARS_READY).orElseThrow().getReason())
                .isEqualTo(SessionConditions.REASON_SIDECARS_STARTING);

        AgenticSessionStatus running = LocalSessionStatuses.observed(starting,
                List.of(github(SidecarProcess.State.READY, 0)), 5, 1L, T0.plusSeconds(3));
        assertThat(running.getPhase()).isEqualTo(SessionPhase.Running);
        assertThat(running.getStartTime()).isEqualTo("2025-01-01T10:00:03Z");
        assertThat(ready(running).getStatus()).isEqualTo("True");
        assertThat(ready(running).getLastTransitionTime()).isEqualTo("2025-01-01T10:00:03Z");

        // A restart keeps the session Running; the conditions say what is going on.
        AgenticSessionStatus crashing = LocalSessionStatuses.observed(running,
                List.of(github(SidecarProcess.State.BACKOFF, 1)), 5, 1L, T0.plusSeconds(9));
        assertThat(crashing.getPhase()).isEqualTo(SessionPhase.Running);
        assertThat(Conditions.find(crashing.getConditions(), SessionConditions.SIDECARS_READY).orElseThrow().getMessage())
                .isEqualTo("crash-looping: credential-github (1 restarts); the session fails after 5 restarts");
        assertThat(crashing.getStartTime()).isEqualTo("2025-01-01T10:00:03Z");
    }

    @Test
    void aSidecarGivenUpOnFailsTheSessionForGood() {
        AgenticSessionStatus failed = LocalSessionStatuses.observed(pending(),
                List.of(github(SidecarProcess.State.GAVE_UP, 5)), 5, 1L, T0);
        assertThat(failed.getPhase()).isEqualTo(SessionPhase.Failed);
        assertThat(ready(failed).getReason()).isEqualTo(SessionConditions.REASON_SIDECAR_CRASH_LOOP);
        AgenticSessionStatus later = LocalSessionStatuses.observed(failed, List.of(github(SidecarProcess.State.READY, 0)),
                5, 1L, T0.plusSeconds(5));
        assertThat(later.getPhase()).as("terminal phases are never left").isEqualTo(SessionPhase.Failed);
    }

    @Test
    void noSidecarsMeansRunningAtOnceAndStopIsFinal() {
        AgenticSessionStatus running = LocalSessionStatuses.observed(pending(), List.of(), 5, 1L, T0);
        assertThat(running.getPhase()).isEqualTo(SessionPhase.Running);
        assertThat(Conditions.find(running.getConditions(), SessionConditions.SIDECARS_READY).orElseThrow().getReason())
                .isEqualTo(SessionConditions.REASON_NO_SIDECARS);
        AgenticSessionStatus stopped = LocalSessionStatuses.stopped(running, 2L, T0.plusSeconds(1));
        assertThat(stopped.getPhase()).isEqualTo(SessionPhase.Stopped);
        assertThat(ready(stopped).getMessage()).isEqualTo("stopped on request; its sidecar processes were stopped");
        assertThat(stopped.getCompletionTime()).isEqualTo("2025-01-01T10:00:01Z");
    }
}
