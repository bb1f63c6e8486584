package io.ambientcode.systemtests.kubernetes.harness;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.RunnerEnv;
import io.ambientcode.systemtests.support.Http;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session pod the {@link Kubelet} runs: the pod as the control plane wrote it, its sidecar processes, and the
 * runner's view of it (the runner container's env, with the pod's ports mapped to this machine and nothing else
 * changed). A prober thread keeps the pod's readiness in the API server in step with the sidecars' readiness probes.
 */
public final class RunningPod implements AutoCloseable {

    private final KubernetesClient client;
    private final Pod pod;
    private final Map<Integer, Integer> podPorts;
    private final List<SidecarContainer> sidecars = new ArrayList<>();
    private final PodStatusWriter status;
    private volatile Thread prober;
    private volatile boolean probing;

    RunningPod(KubernetesClient client, Pod pod, Map<Integer, Integer> podPorts) {
        this.client = client;
        this.pod = pod;
        this.podPorts = Map.copyOf(podPorts);
        this.status = new PodStatusWriter(client, pod);
    }

    PodStatusWriter statusWriter() {
        return status;
    }

    void add(SidecarContainer sidecar) {
        sidecars.add(sidecar);
    }

    public Pod pod() {
        return pod;
    }

    public String name() {
        return pod.getMetadata().getName();
    }

    public List<SidecarContainer> sidecars() {
        return List.copyOf(sidecars);
    }

    public Optional<SidecarContainer> sidecar(Provider p) {
        return sidecars.stream().filter(s -> s.name().equals(p.containerName())).findFirst();
    }

    public Container runnerContainer() {
        return pod.getSpec().getContainers().get(0);
    }

    /** The runner container's environment exactly as the pod spec has it. */
    public Map<String, String> runnerEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar e : runnerContainer().getEnv()) {
            env.put(e.getName(), e.getValue());
        }
        return env;
    }

    /** A URL of the pod's loopback (http://localhost:8091/...) as this machine reaches it: the port mapped, nothing else. */
    public String mapPort(String podUrl) {
        URI uri = URI.create(podUrl);
        Integer host = podPorts.get(uri.getPort());
        if (host == null) {
            throw new IllegalStateException("the pod declares no port " + uri.getPort() + " (" + podUrl + ")");
        }
        return uri.getScheme() + "://" + uri.getHost() + ":" + host + uri.getRawPath();
    }

    /** provider id → MCP URL, from the runner's CREDENTIAL_MCP_URLS with ports mapped. */
    public Map<String, String> mcpUrls() {
        String json = runnerEnv().get(RunnerEnv.CREDENTIAL_MCP_URLS);
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, String> urls = new LinkedHashMap<>();
            Http.JSON.readTree(json).fields().forEachRemaining(e -> urls.put(e.getKey(), mapPort(e.getValue().asText())));
            return urls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void startProbing() {
        probing = true;
        int period = sidecars.stream().map(s -> s.spec().getReadinessProbe().getPeriodSeconds()).filter(p -> p != null)
                .min(Integer::compare).orElse(10);
        prober = new Thread(() -> {
            while (probing) {
                for (SidecarContainer s : sidecars) {
                    if (!probing) {
                        return;
                    }
                    if (!status.readiness(s.name(), s.ready())) {
                        probing = false;
                        return;
                    }
                }
                try {
                    Thread.sleep(period * 1000L);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "kubelet-prober-" + name());
        prober.setDaemon(true);
        prober.start();
    }

    /** Stops writing status (the node lost the API server); the sidecar processes keep running. */
    public void partitionFromApiServer() {
        probing = false;
        if (prober != null) {
            prober.interrupt();
        }
    }

    @Override
    public void close() {
        partitionFromApiServer();
        sidecars.forEach(SidecarContainer::close);
    }

    KubernetesClient client() {
        return client;
    }
}
