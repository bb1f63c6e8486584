package io.ambientcode.controlplane.kubernetes;

import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.Objects;
import java.util.Optional;

/**
 * How a plan becomes a pod, beyond the plan itself: container resources, probe timing, volume sizes.
 *
 * @param sidecarResources requests and limits of every credential sidecar
 * @param sidecarTmpSize size limit of each sidecar's private {@code /tmp}
 * @param sidecarImagePullPolicy image pull policy of sidecars, when configured
 * @param startupProbePeriodSeconds period of the sidecars' startup probe
 * @param startupProbeFailureThreshold failed startup probes before a sidecar is restarted
 * @param readinessProbePeriodSeconds period of the sidecars' readiness probe
 * @param runnerDefaultResources runner resources when the session sets none
 * @param runnerTmpSize size limit of the runner's {@code /tmp}, when configured
 * @param runnerWorkspaceSize size limit of the runner's {@code /workspace}, when configured
 */
public record PodSettings(
        ResourceRequirements sidecarResources,
        String sidecarTmpSize,
        Optional<String> sidecarImagePullPolicy,
        int startupProbePeriodSeconds,
        int startupProbeFailureThreshold,
        int readinessProbePeriodSeconds,
        Optional<ResourceRequirements> runnerDefaultResources,
        Optional<String> runnerTmpSize,
        Optional<String> runnerWorkspaceSize) {

    public PodSettings {
        Objects.requireNonNull(sidecarResources, "sidecarResources");
        Objects.requireNonNull(sidecarTmpSize, "sidecarTmpSize");
    }
}
