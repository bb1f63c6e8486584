package io.ambientcode.sidecar.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to refresh next: before the session token or the credential expires, whichever comes first. The margin is
 * the configured lead time, but at most half the remaining lifetime (so short-lived tokens are not refreshed in a
 * loop), and the delay never drops below a floor. Pure.
 */
public final class RefreshSchedule {

    private RefreshSchedule() {
    }

    public static Duration nextDelay(Instant now, Instant sessionExpiry, Optional<Instant> credentialExpiry,
            Duration beforeExpiry, Duration minimumDelay) {
        Instant expiry = credentialExpiry.filter(c -> c.isBefore(sessionExpiry)).orElse(sessionExpiry);
        Duration remaining = Duration.between(now, expiry);
        if (remaining.isNegative() || remaining.isZero()) {
            return minimumDelay;
        }
        Duration margin = beforeExpiry.compareTo(remaining.dividedBy(2)) < 0 ? beforeExpiry : remaining.dividedBy(2);
        Duration delay = remaining.minus(margin);
        return delay.compareTo(minimumDelay) < 0 ? minimumDelay : delay;
    }
}
