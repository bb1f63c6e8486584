package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.Durations;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.SessionPhase;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code acpctl session wait NAME [--for PHASE] [--timeout D]}: polls until the session reaches the phase, showing
 * each change on stderr. Fails (exit 1) when the session ends in another phase or the timeout passes.
 */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = "Wait until a session reaches a phase (default Running), showing progress on stderr.")
public class SessionWaitCommand extends SessionBaseCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "Session name.")
    String name;

    @Option(names = "--for", paramLabel = "PHASE", defaultValue = "Running",
            description = "Phase to wait for: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SessionPhase target;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s",
            description = "Time between polls (default: ${DEFAULT-VALUE}, at least 100ms).")
    Duration interval;

    @Mixin
    OutputOptions output;

    @Override
    protected void validate() {
        SessionNames.check(name);
        if (interval.toMillis() < 100) {
            throw CliException.usage("--interval must be at least 100ms");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw CliException.usage("--timeout must be positive");
        }
    }

    @Override
    protected int run(SessionBackend backend) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (true) {
            AgenticSession s = backend.get(name);
            SessionPhase phase = SessionTables.phaseOf(s);
            String progress = progress(s, phase);
            if (!Objects.equals(progress, last)) {
                note(progress);
                last = progress;
            }
            if (phase == target) {
                Printer.print(out(), output.format(), s, () -> SessionTables.session(s));
                return ExitCodes.OK;
            }
            if (phase.isTerminal()) {
                throw CliException.general("session " + name + " ended in phase " + phase + " while waiting for "
                        + target + reason(s));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw CliException.general("timed out after " + Durations.format(timeout) + " waiting for session "
                        + name + " to be " + target + " (now " + phase + ")");
            }
            sleep(Math.min(interval.toNanos(), left));
        }
    }

    private String progress(AgenticSession s, SessionPhase phase) {
        String sidecars = SessionTables.sidecarSummary(s);
        return "session " + name + ": " + phase + (sidecars == null ? "" : " (sidecars " + sidecars + ")");
    }

    /** The newest condition message, which says why a session failed. */
    private static String reason(AgenticSession s) {
        List<Condition> conditions = s.getStatus() == null ? null : s.getStatus().getConditions();
        if (conditions == null || conditions.isEmpty()) {
            return "";
        }
        Condition c = conditions.get(conditions.size() - 1);
        String text = c.getMessage() != null ? c.getMessage() : c.getReason();
        return text == null ? "" : ": " + text.replaceAll("\\p{Cntrl}", " ");
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.general("interrupted");
        }
    }
}
