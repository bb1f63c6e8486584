package io.ambientcode.sidecar.k8s.client;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkiverse.mcp.server.ToolCallException;

/**
 * apiVersion + kind → where the API serves it (plural, namespaced). Kinds the client's model knows (Pod,
 * ConfigMap, Deployment, ...) come from the model; any other kind (custom resources) from the API server's
 * discovery document of that group version, matched by kind (case-insensitive, subresources ignored), so the plural
 * is the server's, never guessed. Results are cached per client.
 */
final class ResourceTypes {

    private ResourceTypes() {
    }

    static ResourceDefinitionContext resolve(KubeSession session, Gvk gvk) {
        ResourceDefinitionContext cached = session.types().get(gvk);
        if (cached != null) {
            return cached;
        }
        ResourceDefinitionContext rdc = builtIn(session.client(), gvk);
        if (rdc == null) {
            rdc = discovered(session.client(), gvk);
        }
        session.types().put(gvk, rdc);
        return rdc;
    }

    private static ResourceDefinitionContext builtIn(KubernetesClient client, Gvk gvk) {
        Class<? extends KubernetesResource> type = client.getKubernetesSerialization()
                .getRegisteredKubernetesResource(gvk.apiVersion(), gvk.kind());
        if (type == null || !HasMetadata.class.isAssignableFrom(type)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Class<? extends HasMetadata> resource = (Class<? extends HasMetadata>) type;
        return ResourceDefinitionContext.fromResourceType(resource);
    }

    private static ResourceDefinitionContext discovered(KubernetesClient client, Gvk gvk) {
        APIResourceList list;
        try {
            list = client.getApiResources(gvk.apiVersion());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                throw new ToolCallException("the API server does not serve apiVersion " + gvk.apiVersion());
            }
            throw KubeErrors.toUpstream(e);
        }
        if (list != null && list.getResources() != null) {
            for (APIResource r : list.getResources()) {
                if (r.getName() != null && !r.getName().contains("/") && gvk.kind().equalsIgnoreCase(r.getKind())) {
                    return new ResourceDefinitionContext.Builder()
                            .withGroup(gvk.group().isEmpty() ? null : gvk.group())
                            .withVersion(gvk.version())
                            .withKind(r.getKind())
                            .withPlural(r.getName())
                            .withNamespaced(Boolean.TRUE.equals(r.getNamespaced()))
                            .build();
                }
            }
        }
        throw new ToolCallException("the API server serves no kind " + gvk.kind() + " in apiVersion " + gvk.apiVersion()
                + " (a kind is a name like ConfigMap; a custom resource needs its CRD installed)");
    }

}
