package io.ambientcode.sidecar.credential;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for transient failures (ARCHITECTURE.md section 7): the n-th retry waits about
 * {@code initial * 2^n}, capped at {@code max}, spread by ±20 % so sidecars of many sessions do not retry in step.
 * Pure: the random source is a parameter.
 */
public record Backoff(Duration initial, Duration max) {

    private static final double JITTER = 0.2;

    /** Delay before retry number {@code failures} (0 = the first retry). Never above {@link #max()}. */
    public Duration delay(int failures, DoubleSupplier random) {
        double base = initial.toMillis() * Math.pow(2, Math.min(failures, 30));
        double capped = Math.min(base, max.toMillis());
        double jittered = capped * (1 - JITTER + 2 * JITTER * random.getAsDouble());
        return Duration.ofMillis(Math.round(Math.min(jittered, max.toMillis())));
    }
}
