package io.ambientcode.systemtests.kubernetes.harness;

import io.ambientcode.systemtests.kubernetes.harness.ImageCatalog.SidecarImage;
import io.ambientcode.systemtests.support.Ports;
import io.ambientcode.systemtests.support.RunSecrets;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the kubelet for a session pod the control plane created: reads the pod spec from the API server and starts each
 * native sidecar ({@code initContainers} with {@code restartPolicy: Always}), in order, each after the previous one
 * passed its startup probe, with exactly the environment the spec gives. Only what a kubelet itself provides is mapped:
 * <ul>
 * <li>ports: each port the pod declares gets a free loopback port; the application's own listen properties
 * ({@code quarkus.http.port}, {@code quarkus.management.port}) are pointed at it through QUARKUS_HTTP_PORT and
 * QUARKUS_MANAGEMENT_PORT;</li>
 * <li>mounts: a Secret volume becomes a private directory (0700) holding exactly the spec's items, read from the Secret
 * in the API server, each file 0600; an emptyDir becomes an empty private directory; an env value that names a path
 * under a mount path is the same path under that directory;</li>
 * <li>the memory limit: the JVM sees the container's limit as its RAM ({@code -XX:MaxRAM}), as it would in a cgroup.</li>
 * </ul>
 * The runner container is not run: the test's MCP client is the runner. Pod and container status are written to the
 * API server as a kubelet would, readiness from the sidecars' own probes.
 */
public final class Kubelet {

    private final KubernetesClient client;
    private final ImageCatalog images;

    public Kubelet(KubernetesClient client, ImageCatalog images) {
        this.client = client;
        this.images = images;
    }

    public RunningPod run(String namespace, String podName) {
        Pod pod = client.pods().inNamespace(namespace).withName(podName).get();
        if (pod == null) {
            throw new IllegalStateException("no pod " + namespace + "/" + podName);
        }
        Map<Integer, Integer> podPorts = new LinkedHashMap<>();
        for (Container c : allContainers(pod)) {
            if (c.getPorts() != null) {
                for (ContainerPort p : c.getPorts()) {
                    podPorts.putIfAbsent(p.getContainerPort(), Ports.free());
                }
            }
        }
        RunningPod running = new RunningPod(client, pod, podPorts);
        PodStatusWriter status = running.statusWriter();
        status.initialize();
        try {
            for (Container c : pod.getSpec().getInitContainers()) {
                if (!"Always".equals(c.getRestartPolicy())) {
                    throw new IllegalStateException("init container " + c.getName() + " is not a native sidecar; the harness runs sidecars only");
                }
                SidecarContainer sidecar = start(pod, c, podPorts);
                running.add(sidecar);
                status.sidecarStarting(c.getName());
                awaitStartup(sidecar);
                status.sidecarStarted(c.getName(), sidecar.ready());
            }
            status.runnerRunning();
            running.startProbing();
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    private SidecarContainer start(Pod pod, Container c, Map<Integer, Integer> podPorts) {
        SidecarImage image = images.resolve(c.getImage())
                .orElseThrow(() -> new IllegalStateException("ErrImagePull: " + c.getName() + " image " + c.getImage()
                        + " is not built here (images: " + images.images().keySet() + ")"));
        Map<String, Path> mounts = mount(pod, c);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
            if (e.getValueFrom() != null) {
                throw new IllegalStateException(c.getName() + " env " + e.getName() + " uses valueFrom; the harness maps plain values only");
            }
            env.put(e.getName(), mapPath(e.getValue() == null ? "" : e.getValue(), mounts));
        }
        image.listenProperties().forEach((property, port) -> {
            if (!declares(c, port)) {
                throw new IllegalStateException(c.getName() + " listens on " + port + " (" + property + ") but the pod spec does not declare it");
            }
            env.put(property.toUpperCase().replace('.', '_'), Integer.toString(podPorts.get(port)));
        });
        List<String> jvm = new ArrayList<>(image.jvmOptions());
        Quantity memory = c.getResources() == null || c.getResources().getLimits() == null ? null
                : c.getResources().getLimits().get("memory");
        if (memory != null) {
            jvm.add("-XX:MaxRAM=" + Quantity.getAmountInBytes(memory).longValue());
        }
        if (mounts.containsKey("/tmp")) {
            jvm.add("-Djava.io.tmpdir=" + mounts.get("/tmp"));
        }
        JavaProcess process = JavaProcess.start(pod.getMetadata().getName() + "-" + c.getName(), image.jar(), jvm, env);
        return new SidecarContainer(c, process, podPorts, Map.copyOf(env));
    }

    private static boolean declares(Container c, int port) {
        return c.getPorts() != null && c.getPorts().stream().anyMatch(p -> p.getContainerPort() == port);
    }

    /** mountPath → a private directory with the volume's content. */
    private Map<String, Path> mount(Pod pod, Container c) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        if (c.getVolumeMounts() == null) {
            return mounts;
        }
        try {
            for (VolumeMount m : c.getVolumeMounts()) {
                Volume volume = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals(m.getName())).findFirst()
                        .orElseThrow(() -> new IllegalStateException(c.getName() + " mounts unknown volume " + m.getName()));
                Path dir = Files.createTempDirectory("kubelet-" + m.getName(),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                if (volume.getSecret() != null) {
                    writeSecretItems(pod.getMetadata().getNamespace(), volume, dir);
                } else if (volume.getEmptyDir() == null) {
                    throw new IllegalStateException(c.getName() + " volume " + m.getName() + " is neither a Secret nor an emptyDir");
                }
                mounts.put(m.getMountPath(), dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mounts;
    }

    private void writeSecretItems(String namespace, Volume volume, Path dir) throws IOException {
        String secretName = volume.getSecret().getSecretName();
        Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
        if (secret == null || secret.getData() == null) {
            throw new IllegalStateException("Secret " + namespace + "/" + secretName + " is missing (kubelet: CreateContainerConfigError)");
        }
        List<KeyToPath> items = volume.getSecret().getItems();
        if (items == null || items.isEmpty()) {
            throw new IllegalStateException("volume " + volume.getName() + " projects the whole Secret; sidecars must get their own key only");
        }
        for (KeyToPath item : items) {
            String encoded = secret.getData().get(item.getKey());
            if (encoded == null) {
                throw new IllegalStateException("Secret " + secretName + " has no key " + item.getKey());
            }
            String value = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            RunSecrets.register("proof " + secretName + "/" + item.getKey(), value.strip());
            Path file = dir.resolve(item.getPath());
            Files.writeString(file, value);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static String mapPath(String value, Map<String, Path> mounts) {
        for (Map.Entry<String, Path> m : mounts.entrySet()) {
            String mountPath = m.getKey().endsWith("/") ? m.getKey() : m.getKey() + "/";
            if (value.equals(m.getKey())) {
                return m.getValue().toString();
            }
            if (value.startsWith(mountPath)) {
                return m.getValue().resolve(value.substring(mountPath.length())).toString();
            }
        }
        return value;
    }

    private static void awaitStartup(SidecarContainer sidecar) {
        Probe startup = sidecar.spec().getStartupProbe();
        int period = startup.getPeriodSeconds() == null ? 10 : startup.getPeriodSeconds();
        int threshold = startup.getFailureThreshold() == null ? 3 : startup.getFailureThreshold();
        // Poll more often than the period (same outcome, quicker test), never give up sooner than the spec allows.
        long deadline = System.nanoTime() + (long) period * threshold * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (sidecar.probe(startup)) {
                return;
            }
            if (!sidecar.process().isAlive()) {
                throw new IllegalStateException(sidecar.name() + " exited before its startup probe passed:\n" + sidecar.process().tail());
            }
            JavaProcess.sleep(250);
        }
        throw new IllegalStateException(sidecar.name() + " failed its startup probe " + threshold + " times:\n" + sidecar.process().tail());
    }

    static List<Container> allContainers(Pod pod) {
        List<Container> all = new ArrayList<>();
        if (pod.getSpec().getInitContainers() != null) {
            all.addAll(pod.getSpec().getInitContainers());
        }
        all.addAll(pod.getSpec().getContainers());
        return all;
    }
}
