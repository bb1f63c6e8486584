package io.ambientcode.systemtests.kubernetes.harness;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kubelet's side of a pod's status: container states and readiness, the pod's conditions and phase, written to the
 * API server's status subresource whenever they change.
 */
final class PodStatusWriter {

    private enum State {
        WAITING, RUNNING
    }

    private record Observed(State state, boolean started, boolean ready) {
    }

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final List<Container> sidecars;
    private final String runner;
    private final String startedAt = Instant.now().toString();
    private final Map<String, Observed> observed = new LinkedHashMap<>();
    private Observed runnerState = new Observed(State.WAITING, false, false);

    PodStatusWriter(KubernetesClient client, Pod pod) {
        this.client = client;
        this.namespace = pod.getMetadata().getNamespace();
        this.name = pod.getMetadata().getName();
        this.sidecars = pod.getSpec().getInitContainers();
        this.runner = pod.getSpec().getContainers().get(0).getName();
        sidecars.forEach(c -> observed.put(c.getName(), new Observed(State.WAITING, false, false)));
    }

    synchronized void initialize() {
        write();
    }

    synchronized void sidecarStarting(String container) {
        observed.put(container, new Observed(State.RUNNING, false, false));
        write();
    }

    synchronized void sidecarStarted(String container, boolean ready) {
        observed.put(container, new Observed(State.RUNNING, true, ready));
        write();
    }

    synchronized void runnerRunning() {
        runnerState = new Observed(State.RUNNING, true, true);
        write();
    }

    /** Writes only when a sidecar's readiness changed; false once the pod is gone from the API server. */
    synchronized boolean readiness(String container, boolean ready) {
        Observed before = observed.get(container);
        if (before.ready() == ready) {
            return true;
        }
        observed.put(container, new Observed(before.state(), before.started(), ready));
        return write();
    }

    private boolean write() {
        for (int attempt = 0; attempt < 5; attempt++) {
            Pod current = client.pods().inNamespace(namespace).withName(name).get();
            if (current == null) {
                return false;
            }
            current.setStatus(status());
            try {
                client.pods().inNamespace(namespace).resource(current).updateStatus();
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    return false;
                }
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("pod " + namespace + "/" + name + ": status update kept conflicting");
    }

    private PodStatus status() {
        List<ContainerStatus> init = new ArrayList<>();
        for (Container c : sidecars) {
            init.add(containerStatus(c.getName(), c.getImage(), observed.get(c.getName())));
        }
        boolean sidecarsReady = observed.values().stream().allMatch(Observed::ready);
        boolean allReady = sidecarsReady && runnerState.ready();
        boolean anyRunning = observed.values().stream().anyMatch(o -> o.state() == State.RUNNING);
        PodStatus s = new PodStatus();
        s.setPhase(anyRunning ? "Running" : "Pending");
        s.setStartTime(startedAt);
        s.setInitContainerStatuses(init);
        s.setContainerStatuses(List.of(containerStatus(runner, "runner", runnerState)));
        s.setConditions(List.of(condition("PodScheduled", true), condition("Initialized", sidecarsReady),
                condition("ContainersReady", allReady), condition("Ready", allReady)));
        return s;
    }

    private ContainerStatus containerStatus(String container, String image, Observed o) {
        var state = o.state() == State.RUNNING
                ? new ContainerStateBuilder().withNewRunning().withStartedAt(startedAt).endRunning().build()
                : new ContainerStateBuilder().withNewWaiting().withReason("PodInitializing").endWaiting().build();
        return new ContainerStatusBuilder().withName(container).withImage(image).withReady(o.ready()).withStarted(o.started())
                .withRestartCount(0).withState(state).build();
    }

    private static PodCondition condition(String type, boolean status) {
        return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False").build();
    }
}
