package io.ambientcode.controlplane.kubernetes;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.ProofSecret;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.controlplane.plan.EnvEntry;
import io.ambientcode.controlplane.plan.PlannedSidecar;
import io.ambientcode.controlplane.plan.SidecarPlan;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link SidecarPlan} as the session pod (ARCHITECTURE.md section 6).
 *
 * <ul>
 *   <li>Each sidecar is a native sidecar ({@code initContainers} entry with {@code restartPolicy: Always}) whose
 *       startup probe gates the runner: the runner starts only once every credential is loaded. Probes go to the
 *       sidecar's management port; its MCP port listens on loopback only.</li>
 *   <li>Each sidecar mounts one Secret volume projecting only its own proof key, and a private {@code /tmp}.</li>
 *   <li>The runner mounts only its own empty directories and has no {@code envFrom}, no {@code valueFrom}, no
 *       service links (those would inject the token server's service address), and no service account token.</li>
 *   <li>Every container runs with the restricted security context.</li>
 * </ul>
 */
public final class SessionPodRenderer {

    public static final String RUNNER_CONTAINER = "runner";
    /**
     * The sidecars' readiness endpoint, on their management port: ready only once the first credential is loaded
     * (ARCHITECTURE.md section 7).
     */
    public static final String SIDECAR_READINESS_PATH = io.ambientcode.contracts.session.SidecarEnv.READINESS_PATH;
    public static final String TMP_MOUNT_PATH = "/tmp";
    public static final String WORKSPACE_MOUNT_PATH = "/workspace";
    /** Proof files are read-only for everyone in the one container that mounts them. */
    static final int PROOF_FILE_MODE = 0444;

    private SessionPodRenderer() {
    }

    public static Pod render(AgenticSession session, SidecarPlan plan, PodSettings settings) {
        List<Container> sidecars = new ArrayList<>();
        List<Volume> volumes = new ArrayList<>();
        String secretName = ProofSecret.nameFor(session.getMetadata().getName());
        for (PlannedSidecar sidecar : plan.sidecars()) {
            sidecars.add(sidecarContainer(sidecar, settings));
            volumes.add(proofVolume(sidecar, secretName));
            volumes.add(emptyDir(tmpVolumeName(sidecar), Optional.of(settings.sidecarTmpSize())));
        }
        volumes.add(emptyDir("runner-tmp", settings.runnerTmpSize()));
        volumes.add(emptyDir("workspace", settings.runnerWorkspaceSize()));

        return new PodBuilder()
                .withNewMetadata()
                .withName(session.getMetadata().getName())
                .withNamespace(session.getMetadata().getNamespace())
                .withLabels(SessionLabels.of(session))
                .withOwnerReferences(Owners.of(session))
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withShareProcessNamespace(false)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withActiveDeadlineSeconds(plan.deadlineSeconds().isPresent() ? plan.deadlineSeconds().getAsLong() : null)
                .withSecurityContext(podSecurityContext())
                .withInitContainers(sidecars)
                .withContainers(runnerContainer(session, plan, settings))
                .withVolumes(volumes)
                .endSpec()
                .build();
    }

    /** Name of the volume holding a sidecar's proof (and nothing else). */
    public static String proofVolumeName(PlannedSidecar sidecar) {
        return "proof-" + sidecar.provider().id();
    }

    private static String tmpVolumeName(PlannedSidecar sidecar) {
        return "tmp-" + sidecar.provider().id();
    }

    private static Container sidecarContainer(PlannedSidecar sidecar, PodSettings settings) {
        return new ContainerBuilder()
                .withName(sidecar.containerName())
                .withImage(sidecar.image())
                .withImagePullPolicy(settings.sidecarImagePullPolicy().orElse(null))
                .withRestartPolicy("Always")
                .addNewPort()
                .withName(portName("cred-", sidecar))
                .withContainerPort(sidecar.port())
                .endPort()
                .addNewPort()
                .withName(portName("mgmt-", sidecar))
                .withContainerPort(sidecar.managementPort())
                .endPort()
                .withEnv(env(sidecar.env()))
                .withStartupProbe(probe(sidecar.managementPort(), settings.startupProbePeriodSeconds(),
                        settings.startupProbeFailureThreshold()))
                .withReadinessProbe(probe(sidecar.managementPort(), settings.readinessProbePeriodSeconds(), 3))
                .withResources(settings.sidecarResources())
                .withSecurityContext(restricted())
                .withVolumeMounts(
                        new VolumeMountBuilder().withName(proofVolumeName(sidecar)).withMountPath(SidecarEnv.PROOF_MOUNT_PATH)
                                .withReadOnly(true).build(),
                        new VolumeMountBuilder().withName(tmpVolumeName(sidecar)).withMountPath(TMP_MOUNT_PATH).build())
                .build();
    }

    private static Container runnerContainer(AgenticSession session, SidecarPlan plan, PodSettings settings) {
        ResourceRequirements resources = Optional.ofNullable(session.getSpec().getRunner().getResources())
                .or(settings::runnerDefaultResources)
                .orElse(null);
        List<VolumeMount> mounts = List.of(
                new VolumeMountBuilder().withName("runner-tmp").withMountPath(TMP_MOUNT_PATH).build(),
                new VolumeMountBuilder().withName("workspace").withMountPath(WORKSPACE_MOUNT_PATH).build());
        return new ContainerBuilder()
                .withName(RUNNER_CONTAINER)
                .withImage(plan.runner().image())
                .withEnv(env(plan.runner().env()))
                .withResources(resources)
                .withSecurityContext(restricted())
                .withVolumeMounts(mounts)
                .build();
    }

    /** Port names are limited to 15 characters; {@code cred-kubeconfig} and {@code mgmt-kubeconfig} are exactly that. */
    private static String portName(String prefix, PlannedSidecar sidecar) {
        String name = prefix + sidecar.provider().id();
        return name.length() <= 15 ? name : name.substring(0, 15);
    }

    private static Probe probe(int port, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(SIDECAR_READINESS_PATH)
                .withPort(new IntOrString(port))
                .endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withFailureThreshold(failureThreshold)
                .build();
    }

    private static Volume proofVolume(PlannedSidecar sidecar, String secretName) {
        return new VolumeBuilder()
                .withName(proofVolumeName(sidecar))
                .withNewSecret()
                .withSecretName(secretName)
                .withDefaultMode(PROOF_FILE_MODE)
                .addNewItem()
                .withKey(sidecar.proofKey())
                .withPath(sidecar.provider().id())
                .endItem()
                .endSecret()
                .build();
    }

    private static Volume emptyDir(String name, Optional<String> sizeLimit) {
        return new VolumeBuilder()
                .withName(name)
                .withNewEmptyDir()
                .withSizeLimit(sizeLimit.map(Quantity::new).orElse(null))
                .endEmptyDir()
                .build();
    }

    private static List<EnvVar> env(List<EnvEntry> entries) {
        return entries.stream().map(e -> new EnvVar(e.name(), e.value(), null)).toList();
    }

    /** The restricted profile, on every container (invariant I1 is about more than env). */
    public static SecurityContext restricted() {
        return new SecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withReadOnlyRootFilesystem(true)
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .build();
    }

    private static PodSecurityContext podSecurityContext() {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .build();
    }
}
