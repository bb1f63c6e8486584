package io.ambientcode.sidecar.k8s.kubeconfig;

import io.fabric8.kubernetes.client.Config;

/**
 * A validated kubeconfig: the fabric8 client configuration built from it (no auto-configuration), plus the facts
 * tools need. {@link #toString()} shows no credential.
 *
 * @param namespace the current context's namespace, {@code default} when it names none
 */
public record KubeTarget(Config config, String context, String server, String namespace) {

    @Override
    public String toString() {
        return "KubeTarget[context=" + context + ", server=" + server + ", namespace=" + namespace + "]";
    }
}
