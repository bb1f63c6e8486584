package io.ambientcode.controlplane.local;

import java.time.Duration;

/**
 * How long a crashed sidecar waits before its next start: {@code initial} after the first crash, doubled after each
 * further one, at most {@code max}. The crash count resets once the sidecar has stayed ready for {@code resetAfter}
 * (a pod's container back-off behaves alike). After {@code limit} restarts in a row the session fails, as a session
 * whose pod's sidecar crash-loops does.
 */
public record RestartBackoff(Duration initial, Duration max, Duration resetAfter, int limit) {

    public RestartBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || resetAfter.isNegative() || limit < 1) {
            throw new IllegalArgumentException("restart back-off: initial > 0, max >= initial, reset-after >= 0, limit >= 1");
        }
    }

    /** The delay before restart number {@code crashesSoFar + 1} of the current crash loop. */
    public Duration delay(int crashesSoFar) {
        Duration d = initial;
        for (int i = 0; i < crashesSoFar && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** Whether a sidecar that crashed after {@code crashesSoFar} restarts in a row is given up on. */
    public boolean givesUp(int crashesSoFar) {
        return crashesSoFar >= limit;
    }
}
