package io.ambientcode.sidecar.google.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * An OAuth access token and its lifetime. {@link #usableAt} says whether it may still start a call: not when it is
 * within the renewal margin of its expiry (the margin is capped at half the lifetime, so a short-lived token is still
 * used for a while instead of being renewed on every call). {@code toString()} hides the value.
 */
public record AccessToken(String value, Instant obtainedAt, Instant expiresAt) {

    public boolean usableAt(Instant now, Duration renewBefore) {
        Duration half = Duration.between(obtainedAt, expiresAt).dividedBy(2);
        Duration margin = renewBefore.compareTo(half) < 0 ? renewBefore : half;
        return now.isBefore(expiresAt.minus(margin));
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + ", value=<hidden>]";
    }
}
