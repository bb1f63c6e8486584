package io.ambientcode.systemtests.kubernetes.harness;

import io.ambientcode.systemtests.support.Http;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.Map;

/** One native sidecar of a pod the kubelet started: its process, the spec it came from and its port mapping. */
public final class SidecarContainer implements AutoCloseable {

    private final Container spec;
    private final JavaProcess process;
    private final Map<Integer, Integer> podPorts;
    private final Map<String, String> env;

    SidecarContainer(Container spec, JavaProcess process, Map<Integer, Integer> podPorts, Map<String, String> env) {
        this.spec = spec;
        this.process = process;
        this.podPorts = podPorts;
        this.env = env;
    }

    public String name() {
        return spec.getName();
    }

    public Container spec() {
        return spec;
    }

    public JavaProcess process() {
        return process;
    }

    /** The environment the process was started with (the spec's, with mount and port mapping applied). */
    public Map<String, String> env() {
        return env;
    }

    /** Loopback address of a port the pod spec declares (the pod's port mapped to this machine). */
    public String url(int podPort) {
        Integer host = podPorts.get(podPort);
        if (host == null) {
            throw new IllegalArgumentException(name() + " declares no port " + podPort);
        }
        return "http://127.0.0.1:" + host;
    }

    /** Runs an HTTP probe of the spec (startup or readiness) once: true on 2xx/3xx, as the kubelet counts it. */
    public boolean probe(Probe probe) {
        if (probe == null || probe.getHttpGet() == null) {
            throw new IllegalStateException(name() + " has no httpGet probe");
        }
        int port = probe.getHttpGet().getPort().getIntVal();
        int status = Http.probe(url(port) + probe.getHttpGet().getPath());
        return status >= 200 && status < 400;
    }

    public boolean ready() {
        return process.isAlive() && probe(spec.getReadinessProbe());
    }

    @Override
    public void close() {
        process.close();
    }
}
