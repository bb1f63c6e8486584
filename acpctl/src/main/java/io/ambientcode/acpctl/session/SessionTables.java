package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.cli.Durations;
import io.ambientcode.acpctl.output.Table;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionSpec;
import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.contracts.session.SidecarStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/** How sessions look as tables. */
final class SessionTables {

    private SessionTables() {
    }

    static Table sessions(List<AgenticSession> list, Instant now) {
        Table t = Table.of("NAME", "PHASE", "PROJECT", "AGENT", "SIDECARS", "AGE");
        for (AgenticSession s : list) {
            t.row(s.getMetadata().getName(), phase(s), spec(s).getProject(), spec(s).getAgent(), sidecarSummary(s),
                    age(s.getMetadata().getCreationTimestamp(), now));
        }
        return t;
    }

    static Table session(AgenticSession s) {
        AgenticSessionSpec spec = spec(s);
        AgenticSessionStatus st = s.getStatus() == null ? new AgenticSessionStatus() : s.getStatus();
        return Table.details()
                .field("name", s.getMetadata().getName())
                .field("namespace", s.getMetadata().getNamespace())
                .field("session-id", s.sessionId())
                .field("phase", phase(s))
                .field("project", spec.getProject())
                .field("agent", spec.getAgent())
                .field("runner-image", spec.getRunner() == null ? null : spec.getRunner().getImage())
                .field("stop-requested", Boolean.TRUE.equals(spec.getStop()) ? "yes" : null)
                .field("pod", st.getPodName())
                .field("credentials", st.getCredentials() == null ? null : st.getCredentials().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")))
                .field("sidecars", st.getSidecars() == null ? null : st.getSidecars().stream()
                        .map(SessionTables::sidecar).collect(Collectors.joining(", ")))
                .field("unsupported", st.getUnsupportedProviders() == null || st.getUnsupportedProviders().isEmpty() ? null
                        : String.join(", ", st.getUnsupportedProviders()))
                .field("conditions", st.getConditions() == null || st.getConditions().isEmpty() ? null
                        : st.getConditions().stream()
                                .map(c -> c.getType() + "=" + c.getStatus() + (c.getReason() == null ? "" : " (" + c.getReason() + ")"))
                                .collect(Collectors.joining(", ")))
                .field("start-time", st.getStartTime())
                .field("completion-time", st.getCompletionTime());
    }

    /** A session without a phase yet counts as Pending (as the token server does). */
    static SessionPhase phaseOf(AgenticSession s) {
        return s.getStatus() == null || s.getStatus().getPhase() == null ? SessionPhase.Pending : s.getStatus().getPhase();
    }

    static String phase(AgenticSession s) {
        return phaseOf(s).name();
    }

    static String sidecarSummary(AgenticSession s) {
        List<SidecarStatus> sidecars = s.getStatus() == null ? null : s.getStatus().getSidecars();
        if (sidecars == null || sidecars.isEmpty()) {
            return null;
        }
        long ready = sidecars.stream().filter(c -> Boolean.TRUE.equals(c.getReady())).count();
        return ready + "/" + sidecars.size() + " ready";
    }

    static String sidecar(SidecarStatus c) {
        return c.getProvider() + (c.getPort() == null ? "" : ":" + c.getPort())
                + (Boolean.TRUE.equals(c.getReady()) ? " ready" : " not ready")
                + (c.getMessage() == null || Boolean.TRUE.equals(c.getReady()) ? "" : " (" + c.getMessage() + ")");
    }

    static String age(String timestamp, Instant now) {
        if (timestamp == null) {
            return null;
        }
        try {
            return Durations.age(Duration.between(Instant.parse(timestamp), now));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static AgenticSessionSpec spec(AgenticSession s) {
        return s.getSpec() == null ? new AgenticSessionSpec() : s.getSpec();
    }
}
