package io.ambientcode.sidecar.k8s.client;

import io.ambientcode.sidecar.k8s.kubeconfig.KubeTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One fabric8 client built from one kubeconfig credential, with what was discovered through it (resource types are
 * cached per client: a refresh that points at another cluster starts afresh).
 */
public final class KubeSession {

    private final String credentialId;
    private final KubernetesClient client;
    private final KubeTarget target;
    private final Map<Gvk, ResourceDefinitionContext> types = new ConcurrentHashMap<>();

    KubeSession(String credentialId, KubernetesClient client, KubeTarget target) {
        this.credentialId = credentialId;
        this.client = client;
        this.target = target;
    }

    public KubernetesClient client() {
        return client;
    }

    /** The current context's namespace ({@code default} when it names none): where calls without one go. */
    public String defaultNamespace() {
        return target.namespace();
    }

    public String server() {
        return target.server();
    }

    public String credentialId() {
        return credentialId;
    }

    Map<Gvk, ResourceDefinitionContext> types() {
        return types;
    }
}
