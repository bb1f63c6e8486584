package io.ambientcode.sidecar.k8s.client;

import io.ambientcode.sidecar.SidecarConfig;
import io.ambientcode.sidecar.credential.CredentialScope;
import io.ambientcode.sidecar.k8s.K8sSettings;
import io.ambientcode.sidecar.k8s.render.SecretMasking;
import io.ambientcode.sidecar.tools.UpstreamException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one way tools reach the cluster. Every call passes, in this order: the denied-resources check (before any
 * request, even discovery), the credential scope (a 401 refreshes the credential once and retries once with the
 * rebuilt client), the client of the current credential, and the error mapping (API errors become tool errors with
 * status and message). Secrets read through the generic operations come back masked unless allowed.
 */
@Singleton
public class KubeApi {

    private final CredentialScope scope;
    private final KubeClients clients;
    private final K8sSettings settings;
    private final int maxResponseBytes;

    @Inject
    public KubeApi(CredentialScope scope, KubeClients clients, K8sSettings settings, SidecarConfig sidecar) {
        this.scope = scope;
        this.clients = clients;
        this.settings = settings;
        this.maxResponseBytes = sidecar.upstream().maxResponseBytes();
    }

    /** Runs {@code operation} on the current client once {@code gvk} passed the denied-resources check. */
    public <T> T call(Gvk gvk, String action, Function<KubeSession, T> operation) {
        settings.denied().check(gvk, action);
        return scope.call(credential -> {
            KubeSession session = clients.require(credential);
            try {
                return operation.apply(session);
            } catch (KubernetesClientException e) {
                throw KubeErrors.toUpstream(e);
            }
        });
    }

    /** Largest tool output in bytes (the runtime's upstream response limit). */
    public int maxOutputBytes() {
        return maxResponseBytes;
    }

    /** Objects of a kind listed, plus where the kind lives. */
    public record Listed(List<GenericKubernetesResource> items, ResourceDefinitionContext type) {
    }

    /** A created or updated object and whether it was masked. */
    public record Applied(GenericKubernetesResource object, boolean masked) {
    }

    /**
     * @param namespace blank = every namespace (ignored for cluster-scoped kinds)
     */
    public Listed list(Gvk gvk, String namespace, String labelSelector, String fieldSelector) {
        ListOptions options = new ListOptions();
        options.setLabelSelector(blankToNull(labelSelector));
        options.setFieldSelector(blankToNull(fieldSelector));
        return call(gvk, "list", s -> {
            ResourceDefinitionContext type = ResourceTypes.resolve(s, gvk);
            MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op =
                    s.client().genericKubernetesResources(type);
            GenericKubernetesResourceList list = type.isNamespaceScoped() && !isBlank(namespace)
                    ? op.inNamespace(namespace).list(options)
                    : type.isNamespaceScoped() ? op.inAnyNamespace().list(options) : op.list(options);
            List<GenericKubernetesResource> items = new ArrayList<>(list.getItems());
            items.forEach(item -> protect(gvk, item));
            return new Listed(items, type);
        });
    }

    /** @param namespace blank = the kubeconfig context's namespace */
    public GenericKubernetesResource get(Gvk gvk, String namespace, String name) {
        return call(gvk, "get", s -> {
            ResourceDefinitionContext type = ResourceTypes.resolve(s, gvk);
            GenericKubernetesResource found = named(s, type, namespace, name).get();
            if (found == null) {
                throw new UpstreamException(404, notFound(type, gvk, s, namespace, name));
            }
            return protect(gvk, found);
        });
    }

    public void delete(Gvk gvk, String namespace, String name, Long gracePeriodSeconds) {
        call(gvk, "delete", s -> {
            ResourceDefinitionContext type = ResourceTypes.resolve(s, gvk);
            Resource<GenericKubernetesResource> r = named(s, type, namespace, name);
            List<StatusDetails> deleted = gracePeriodSeconds == null ? r.delete()
                    : r.withGracePeriod(gracePeriodSeconds).delete();
            if (deleted == null || deleted.isEmpty()) {
                throw new UpstreamException(404, notFound(type, gvk, s, namespace, name));
            }
            return deleted;
        });
    }

    /**
     * Creates or updates each object, denied kinds refused before anything is sent: server-side apply (field
     * manager, conflicts forced, as kubernetes-mcp-server), or create-else-replace when server-side apply is off.
     */
    public List<Applied> apply(List<GenericKubernetesResource> objects) {
        List<Gvk> kinds = new ArrayList<>();
        for (GenericKubernetesResource o : objects) {
            Gvk gvk = Gvk.of(o.getApiVersion(), o.getKind());
            settings.denied().check(gvk, "create or update");
            kinds.add(gvk);
        }
        List<Applied> out = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            Gvk gvk = kinds.get(i);
            GenericKubernetesResource object = objects.get(i);
            out.add(call(gvk, "create or update", s -> {
                ResourceDefinitionContext type = ResourceTypes.resolve(s, gvk);
                MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op =
                        s.client().genericKubernetesResources(type);
                Resource<GenericKubernetesResource> r;
                if (type.isNamespaceScoped()) {
                    String ns = isBlank(object.getMetadata().getNamespace()) ? s.defaultNamespace()
                            : object.getMetadata().getNamespace();
                    object.getMetadata().setNamespace(ns);
                    r = op.inNamespace(ns).resource(object);
                } else {
                    object.getMetadata().setNamespace(null);
                    r = op.resource(object);
                }
                GenericKubernetesResource result = settings.config().serverSideApply()
                        ? r.fieldManager(settings.config().fieldManager()).forceConflicts().serverSideApply()
                        : r.createOr(NonDeletingOperation::update);
                boolean masked = masks(gvk, result);
                return new Applied(protect(gvk, result), masked);
            }));
        }
        return out;
    }

    /** Whether this object's Secret values are hidden in output. */
    public boolean masks(Gvk gvk, GenericKubernetesResource item) {
        return !settings.config().allowSecretValues() && (gvk.isCoreSecret() || isSecret(item));
    }

    private GenericKubernetesResource protect(Gvk gvk, GenericKubernetesResource item) {
        return masks(gvk, item) ? SecretMasking.mask(item) : item;
    }

    private static boolean isSecret(GenericKubernetesResource item) {
        return item != null && "Secret".equals(item.getKind()) && "v1".equals(item.getApiVersion());
    }

    private static Resource<GenericKubernetesResource> named(KubeSession s, ResourceDefinitionContext type,
            String namespace, String name) {
        if (isBlank(name)) {
            throw new IllegalArgumentException("missing required parameter: name");
        }
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op =
                s.client().genericKubernetesResources(type);
        return type.isNamespaceScoped()
                ? op.inNamespace(isBlank(namespace) ? s.defaultNamespace() : namespace).withName(name)
                : op.withName(name);
    }

    private static String notFound(ResourceDefinitionContext type, Gvk gvk, KubeSession s, String namespace, String name) {
        String where = type.isNamespaceScoped()
                ? " in namespace " + (isBlank(namespace) ? s.defaultNamespace() : namespace) : "";
        return type.getPlural() + " \"" + name + "\" not found" + where + " (" + gvk + ")";
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
