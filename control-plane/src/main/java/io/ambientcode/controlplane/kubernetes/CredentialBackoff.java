package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.controlplane.status.Conditions;
import io.ambientcode.controlplane.status.SessionConditions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * How long a session waits before asking an unavailable credential API again: as long as the outage has lasted so
 * far, between the initial and the maximum interval. Delays double while the outage goes on (1 s, 1 s, 2 s, 4 s, …),
 * and because the outage start is the {@code CredentialsResolved} condition's transition time, the schedule survives
 * a control-plane restart without any state of its own.
 */
public final class CredentialBackoff {

    private final Duration initial;
    private final Duration max;

    public CredentialBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max.compareTo(initial) < 0 ? initial : max;
    }

    public Duration next(AgenticSessionStatus status, Instant now) {
        Duration outage = Conditions.find(status.getConditions(), SessionConditions.CREDENTIALS_RESOLVED)
                .filter(c -> "False".equals(c.getStatus()))
                .filter(c -> SessionConditions.REASON_API_UNAVAILABLE.equals(c.getReason()))
                .map(c -> since(c.getLastTransitionTime(), now))
                .orElse(Duration.ZERO);
        if (outage.compareTo(initial) < 0) {
            return initial;
        }
        return outage.compareTo(max) > 0 ? max : outage;
    }

    private static Duration since(String timestamp, Instant now) {
        try {
            Duration d = Duration.between(Instant.parse(timestamp), now);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException | NullPointerException e) {
            return Duration.ZERO;
        }
    }
}
