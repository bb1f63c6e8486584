package io.ambientcode.sidecar.k8s.tools;

import io.ambientcode.sidecar.k8s.client.Gvk;
import io.ambientcode.sidecar.k8s.client.KubeApi;
import io.ambientcode.sidecar.k8s.render.Manifests;
import io.ambientcode.sidecar.k8s.render.Rendering;
import io.ambientcode.sidecar.k8s.render.SecretMasking;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * kubernetes-mcp-server's generic resource tools: any kind by apiVersion and kind, custom resources included (their
 * plural comes from the API server's discovery).
 */
@Singleton
@SidecarTools
public class ResourceTools {

    static final String COMMON = "\n(common apiVersion and kind include: v1 Pod, v1 Service, v1 Node, apps/v1 Deployment, "
            + "networking.k8s.io/v1 Ingress)";

    @Inject
    KubeApi api;

    @Inject
    Output output;

    @Tool(name = "resources_list", description = "List Kubernetes resources and objects in the current cluster by "
            + "providing their apiVersion and kind and optionally the namespace and label selector" + COMMON,
            annotations = @Tool.Annotations(title = "Resources: List", readOnlyHint = true, destructiveHint = false,
                    openWorldHint = true))
    public ToolResponse resourcesList(
            @ToolArg(description = "apiVersion of the resources (examples of valid apiVersion are: v1, apps/v1, "
                    + "networking.k8s.io/v1)") String apiVersion,
            @ToolArg(description = "kind of the resources (examples of valid kind are: Pod, Service, Deployment, "
                    + "Ingress)") String kind,
            @ToolArg(description = "Optional Namespace to retrieve the namespaced resources from (ignored in case of "
                    + "cluster scoped resources). If not provided, will list resources from all namespaces",
                    required = false) String namespace,
            @ToolArg(description = "Optional Kubernetes label selector (e.g. 'app=myapp,env=prod' or 'app in "
                    + "(myapp,yourapp)'), use this option when you want to filter the resources by label",
                    required = false) String labelSelector,
            @ToolArg(description = "Optional Kubernetes field selector to filter resources by field values (e.g. "
                    + "'status.phase=Running', 'metadata.name=myresource')", required = false) String fieldSelector) {
        Gvk gvk = Gvk.of(apiVersion, kind);
        return output.list(gvk, api.list(gvk, Args.namespace(namespace), labelSelector, fieldSelector));
    }

    @Tool(name = "resources_get", description = "Get a Kubernetes resource in the current cluster by providing its "
            + "apiVersion, kind, optionally the namespace, and its name" + COMMON,
            annotations = @Tool.Annotations(title = "Resources: Get", readOnlyHint = true, destructiveHint = false,
                    openWorldHint = true))
    public ToolResponse resourcesGet(
            @ToolArg(description = "apiVersion of the resource (examples of valid apiVersion are: v1, apps/v1, "
                    + "networking.k8s.io/v1)") String apiVersion,
            @ToolArg(description = "kind of the resource (examples of valid kind are: Pod, Service, Deployment, "
                    + "Ingress)") String kind,
            @ToolArg(description = "Optional Namespace to retrieve the namespaced resource from (ignored in case of "
                    + "cluster scoped resources). If not provided, will get resource from configured namespace",
                    required = false) String namespace,
            @ToolArg(description = "Name of the resource") String name) {
        Gvk gvk = Gvk.of(apiVersion, kind);
        return output.object(gvk, api.get(gvk, Args.namespace(namespace), Args.name("name", name)));
    }

    @Tool(name = "resources_create_or_update", description = "Create or update a Kubernetes resource via Server-Side "
            + "Apply. The manifest is the complete desired state: any field this tool previously set and the new "
            + "manifest omits is removed. To edit an existing resource, fetch it with resources_get, modify it, then "
            + "re-apply the full resource." + COMMON,
            annotations = @Tool.Annotations(title = "Resources: Create or Update", readOnlyHint = false,
                    destructiveHint = true, idempotentHint = true, openWorldHint = true))
    public ToolResponse resourcesCreateOrUpdate(
            @ToolArg(description = "Complete YAML or JSON representation of the Kubernetes resource (full desired "
                    + "state, not a partial patch). Include apiVersion, kind, metadata, and the full spec.")
            String resource) {
        List<GenericKubernetesResource> objects = Manifests.parse(resource);
        List<KubeApi.Applied> applied = api.apply(objects);
        boolean masked = applied.stream().anyMatch(KubeApi.Applied::masked);
        List<GenericKubernetesResource> results = applied.stream().map(KubeApi.Applied::object).toList();
        return output.text((masked ? SecretMasking.NOTE + "\n" : "")
                + "# The following resources (YAML) have been created or updated successfully\n"
                + Rendering.yaml(results));
    }

    @Tool(name = "resources_delete", description = "Delete a Kubernetes resource in the current cluster by providing its "
            + "apiVersion, kind, optionally the namespace, and its name" + COMMON,
            annotations = @Tool.Annotations(title = "Resources: Delete", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse resourcesDelete(
            @ToolArg(description = "apiVersion of the resource (examples of valid apiVersion are: v1, apps/v1, "
                    + "networking.k8s.io/v1)") String apiVersion,
            @ToolArg(description = "kind of the resource (examples of valid kind are: Pod, Service, Deployment, "
                    + "Ingress)") String kind,
            @ToolArg(description = "Optional Namespace to delete the namespaced resource from (ignored in case of "
                    + "cluster scoped resources). If not provided, will delete resource from configured namespace",
                    required = false) String namespace,
            @ToolArg(description = "Name of the resource") String name,
            @ToolArg(description = "Optional duration in seconds before the object should be deleted. Value must be "
                    + "non-negative integer. The value zero indicates delete immediately. If this value is nil, the "
                    + "default grace period for the specified type will be used", required = false)
            Long gracePeriodSeconds) {
        Gvk gvk = Gvk.of(apiVersion, kind);
        if (gracePeriodSeconds != null && gracePeriodSeconds < 0) {
            throw new IllegalArgumentException("gracePeriodSeconds must be 0 or more");
        }
        api.delete(gvk, Args.namespace(namespace), Args.name("name", name), gracePeriodSeconds);
        return output.text("Resource deleted successfully");
    }
}
