package io.ambientcode.controlplane.local;

import io.ambientcode.controlplane.plan.PlanSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the local runtime works with, resolved and validated once.
 *
 * @param dataDir the local data directory
 * @param java the java launcher for sidecars
 * @param jars where each provider's sidecar jar is
 * @param plan the runtime-neutral plan settings (token server URL, credential API URL as sidecars reach them); images
 *        and the token server key are filled per session
 * @param backoff sidecar restart policy
 * @param checkInterval how often live sessions are supervised
 * @param stopTimeout SIGTERM grace period of a sidecar
 * @param credentialRetryInitial first delay after the credential API could not answer
 * @param credentialRetryMax longest delay after the credential API could not answer
 * @param recheckAfterRefusal delay before asking again after the credential API refused a session
 * @param platformAdminGroup group whose members see every session
 */
public record LocalSettings(
        Path dataDir,
        Path java,
        SidecarJars jars,
        PlanSettings plan,
        RestartBackoff backoff,
        Duration checkInterval,
        Duration stopTimeout,
        Duration credentialRetryInitial,
        Duration credentialRetryMax,
        Duration recheckAfterRefusal,
        String platformAdminGroup) {

    public LocalSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir = dataDir.toAbsolutePath().normalize();
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(jars, "jars");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(backoff, "backoff");
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalStateException("ambient.control-plane.local.check-interval must be above 0");
        }
    }

    /** The java running this control plane. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
